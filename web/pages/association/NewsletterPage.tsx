import { Link } from 'react-router';
import * as newsletter from '../../../contracts/newsletter.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
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
import { AssociationLinks } from './shared.tsx';

/** The sign-up form: an address gets a link to confirm first (double opt-in). */
export function NewsletterSignUp({ title = 'Get it by e-mail' }: { title?: string }) {
  const signUp = useChange((email: string) => call(newsletter.signUp, { body: { email } }), {
    success: (answer) => answer.message,
  });
  const form = useFormValues({ email: '' }, signUp);
  return (
    <section className="panel" aria-labelledby="sign-up-title">
      <h2 id="sign-up-title">{title}</h2>
      <p>
        We send a link to your address first. You get no newsletter until you open it (it works for a week),
        and every issue has a link to stop.
      </p>
      <ChangeStatus of={signUp} />
      <SendForm
        onSend={() => signUp.run(form.values.email, { onSuccess: form.reset })}
        busy={signUp.busy}
        submit="Sign up"
      >
        <TextField label="Your e-mail address" type="email" autoComplete="email" {...form.bind('email')} />
      </SendForm>
    </section>
  );
}

/** /newsletter: The Communicator's archive, open to everyone, and sign-up by e-mail (double opt-in). */
export function NewsletterPage() {
  const issues = usePublicIssues();
  return (
    <Page
      title="The Communicator"
      lead="The newsletter of the Association of Missouri Mediators: trainings, rule changes, and news from mediators around the state. Free, a few times a year."
    >
      <NewsletterSignUp />

      <h2>Past issues</h2>
      {issues.isPending ? <Loading what="Loading past issues" /> : null}
      {issues.isError ? <Alert tone="error">{errorMessage(issues.error)}</Alert> : null}
      {issues.data?.length === 0 ? <p>The first issue is on its way.</p> : null}
      <ul className="program-list">
        {issues.data?.map((i) => (
          <li key={i.id} className="card">
            <p className="tag">
              {i.issueLabel} · {formatMissouriDate(i.publishedAt)}
            </p>
            <h3>{i.title}</h3>
            {i.summary ? <p>{i.summary}</p> : null}
            <details>
              <summary>Read {i.title}</summary>
              {i.body.split(/\n{2,}/).map((paragraph) => (
                <p key={paragraph}>{paragraph}</p>
              ))}
            </details>
          </li>
        ))}
      </ul>
      <p>
        Members can also turn the e-mail on or off on the <Link to="/members">members' page</Link>.
      </p>
      <AssociationLinks />
    </Page>
  );
}
