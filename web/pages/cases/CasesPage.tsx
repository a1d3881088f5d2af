import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyCase } from '../../../contracts/case-lists.ts';
import { useSession } from '../../api/accounts.ts';
import { useMyCases } from '../../api/cases.ts';
import { errorMessage } from '../../api/client.ts';
import { usePrograms } from '../../api/programs.ts';
import { Alert } from '../../components/Alert.tsx';
import { Page } from '../../components/Page.tsx';
import { MyWork } from '../home/MyWork.tsx';
import './cases.css';

/** A person's cases: as a party or a helper, and (for a mediator) the cases they mediate. */
export function CasesPage() {
  const { t } = useTranslation('case');
  const session = useSession();
  const cases = useMyCases();
  const coordinatorOf = (session.data?.user?.grants ?? [])
    .filter((g) => g.role === 'coordinator')
    .map((g) => g.scope);
  const programs = usePrograms(coordinatorOf.length > 0);
  const mediating = cases.data?.filter((c) => c.asMediator) ?? [];
  return (
    <Page title={t('list.title')} lead={t('list.lead')}>
      {mediating.length ? null : (
        <p>
          <Link className="button" to="/cases/new">
            {t('list.ask')}
          </Link>
        </p>
      )}
      {coordinatorOf.map((id) => (
        <p key={id}>
          <Trans
            t={t}
            i18nKey="list.runProgram"
            values={{ program: programs.data?.find((p) => p.id === id)?.name ?? t('list.aProgram') }}
            components={{ queue: <Link to={`/programs/${id}/cases`} /> }}
          />
        </p>
      ))}
      <MyWork quietWhenEmpty={mediating.length > 0} />
      {cases.isError ? <Alert tone="error">{errorMessage(cases.error)}</Alert> : null}
      {mediating.length ? (
        <>
          <h2>{t('list.mediating')}</h2>
          <CaseList cases={mediating} />
        </>
      ) : null}
    </Page>
  );
}

function CaseList({ cases }: { cases: MyCase[] }) {
  const { t } = useTranslation('case');
  return (
    <ul className="case-list">
      {cases.map((c) => (
        <li key={c.id}>
          <Link to={`/cases/${c.id}`}>{t('list.item', { reference: c.reference, title: c.title })}</Link>{' '}
          <span className="state-badge">
            {c.mediatorStatus === 'offered' ? t('list.waitingForYou') : c.stateLabel}
          </span>
          {c.programName ? <span className="muted"> · {c.programName}</span> : null}
          {c.hasPromises ? (
            <>
              {' '}
              · <Link to={`/cases/${c.id}/promises`}>{t('list.promises', { reference: c.reference })}</Link>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
