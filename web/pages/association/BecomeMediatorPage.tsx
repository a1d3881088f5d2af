import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import type { PathStep } from '../../../contracts/membership-progress.ts';
import * as membershipProgress from '../../../contracts/membership-progress.ts';
import { useSession } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { membershipKeys, usePath } from '../../api/membership.ts';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Page } from '../../components/Page.tsx';
import './association.css';
import { AssociationLinks, useAssociationWords } from './public-parts.tsx';

/** The usual path, step by step (`become.<step>` in the catalog, each opening with its name in bold). */
const PATH = ['core', 'list', 'experience', 'skills', 'learning'] as const;

/** /become-a-mediator: the path, and a personal checklist for a signed-in person. */
export function BecomeMediatorPage() {
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const path = usePath(signedIn);
  const { t } = useAssociationWords();
  const tick = useChange(
    ({ step, done }: Pick<PathStep, 'step' | 'done'>) =>
      call(membershipProgress.tickStep, { params: { step }, body: { done } }),
    {
      invalidates: [membershipKeys.path()],
      success: (_, step) => (step.done ? t('become.savedDone') : t('become.savedNotDone')),
    },
  );

  return (
    <Page title={t('become.title')} lead={t('become.lead')}>
      <section className="panel" aria-labelledby="steps">
        <h2 id="steps">{t('become.path')}</h2>
        <ol className="steps">
          {PATH.map((step) => (
            <li key={step}>
              <Trans
                t={t}
                i18nKey={`become.${step}`}
                components={{ strong: <strong />, trainings: <Link to="/trainings" /> }}
              />
            </li>
          ))}
        </ol>
      </section>

      <section className="panel" aria-labelledby="checklist">
        <h2 id="checklist">{t('become.checklist')}</h2>
        {!signedIn ? (
          <p>
            <Trans t={t} i18nKey="become.signIn" components={{ signIn: <Link to="/sign-in" /> }} />
          </p>
        ) : null}
        <ChangeStatus of={tick} />
        {path.data ? (
          <ul className="checks">
            {path.data.map((s) => (
              <li key={s.step}>
                {s.selfTickable ? (
                  <label>
                    <input
                      type="checkbox"
                      checked={s.done}
                      disabled={tick.busy}
                      onChange={(ev) => tick.run({ step: s.step, done: ev.target.checked })}
                    />{' '}
                    <strong>{t(`become.step.${s.step}`)}</strong>
                  </label>
                ) : (
                  <strong>
                    <span aria-hidden="true">{s.done ? '✓ ' : '○ '}</span>
                    {t(`become.step.${s.step}`)}
                    <span className="visually-hidden"> {s.done ? t('become.done') : t('become.notYet')}</span>
                  </strong>
                )}
                <p className="muted">
                  {s.detail}
                  {s.tickedBy === 'parley' ? ` ${t('become.checkedByParley')}` : ''}
                </p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <p>
        <Trans
          t={t}
          i18nKey="become.readStandards"
          components={{ standards: <Link to="/standards-of-conduct" />, join: <Link to="/association" /> }}
        />
      </p>
      <AssociationLinks />
    </Page>
  );
}
