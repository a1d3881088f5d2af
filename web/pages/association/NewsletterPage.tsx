import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import * as newsletter from '../../../contracts/newsletter.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { usePublicIssues } from '../../api/newsletter.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import './association.css';
import { useFormValues } from '../../components/form-values.ts';
import { AssociationLinks, useAssociationWords } from './public-parts.tsx';

/** The sign-up form: an address gets a link to confirm first (double opt-in). */
export function NewsletterSignUp({ again = false }: { again?: boolean }) {
  const { t } = useAssociationWords();
  const signUp = useChange((email: string) => call(newsletter.signUp, { body: { email } }), {
    success: (_, email) => t('newsletter.sent', { email }),
  });
  const form = useFormValues({ email: '' }, signUp);
  return (
    <section className="panel" aria-labelledby="sign-up-title">
      <h2 id="sign-up-title">{again ? t('newsletter.signUpAgain') : t('newsletter.signUpTitle')}</h2>
      <p>{t('newsletter.signUpBody')}</p>
      <ChangeStatus of={signUp} />
      <SendForm
        onSend={() => signUp.run(form.values.email, { onSuccess: form.reset })}
        busy={signUp.busy}
        submit={t('newsletter.signUp')}
      >
        <TextField label={t('newsletter.email')} type="email" autoComplete="email" {...form.bind('email')} />
      </SendForm>
    </section>
  );
}

/** /newsletter: The Communicator's archive, open to everyone, and sign-up by e-mail (double opt-in). */
export function NewsletterPage() {
  const issues = usePublicIssues();
  const { t, formats } = useAssociationWords();
  return (
    <Page title={t('newsletter.title')} lead={t('newsletter.lead')}>
      <NewsletterSignUp />

      <h2>{t('newsletter.past')}</h2>
      {issues.isPending ? <Loading what={t('newsletter.loading')} /> : null}
      {issues.isError ? <Alert tone="error">{errorMessage(issues.error)}</Alert> : null}
      {issues.data?.length === 0 ? <p>{t('newsletter.none')}</p> : null}
      <ul className="program-list">
        {issues.data?.map((i) => (
          <li key={i.id} className="card">
            <p className="tag">
              {i.issueLabel} · {formats.date(i.publishedAt)}
            </p>
            <h3>{i.title}</h3>
            {i.summary ? <p>{i.summary}</p> : null}
            <details>
              <summary>{t('newsletter.read', { title: i.title })}</summary>
              {i.body.split(/\n{2,}/).map((paragraph) => (
                <p key={paragraph}>{paragraph}</p>
              ))}
            </details>
          </li>
        ))}
      </ul>
      <p>
        <Trans t={t} i18nKey="newsletter.members" components={{ members: <Link to="/members" /> }} />
      </p>
      <AssociationLinks />
    </Page>
  );
}
