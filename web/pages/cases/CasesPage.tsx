import { Link } from 'react-router';
import type { MyCase } from '../../../contracts/case-lists.ts';
import { useSession } from '../../api/accounts.ts';
import { useMyCases } from '../../api/cases.ts';
import { errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Page } from '../../components/Page.tsx';
import { MyWork } from '../home/MyWork.tsx';
import './cases.css';

/** A person's cases: as a party or a helper, and (for a mediator) the cases they mediate. */
export function CasesPage() {
  const session = useSession();
  const cases = useMyCases();
  const coordinatorOf = (session.data?.user?.grants ?? [])
    .filter((g) => g.role === 'coordinator')
    .map((g) => g.scope);
  const mediating = cases.data?.filter((c) => c.asMediator) ?? [];
  return (
    <Page title="My cases" lead="Your mediation cases, and what happens next in each.">
      {mediating.length ? null : (
        <p>
          <Link className="button" to="/cases/new">
            Ask for mediation
          </Link>
        </p>
      )}
      {coordinatorOf.length ? (
        <p>
          You run a program:{' '}
          {coordinatorOf.map((id) => (
            <Link key={id} to={`/programs/${id}/cases`}>
              open the work queue
            </Link>
          ))}
          .
        </p>
      ) : null}
      <MyWork quietWhenEmpty={mediating.length > 0} />
      {cases.isError ? <Alert tone="error">{errorMessage(cases.error)}</Alert> : null}
      {mediating.length ? (
        <>
          <h2>Cases I mediate</h2>
          <CaseList cases={mediating} />
        </>
      ) : null}
    </Page>
  );
}

function CaseList({ cases }: { cases: MyCase[] }) {
  return (
    <ul className="case-list">
      {cases.map((c) => (
        <li key={c.id}>
          <Link to={`/cases/${c.id}`}>
            {c.reference}: {c.title}
          </Link>{' '}
          <span className="state-badge">
            {c.mediatorStatus === 'offered' ? 'Waiting for your answer' : c.stateLabel}
          </span>
          {c.programName ? <span className="muted"> · {c.programName}</span> : null}
          {c.hasPromises ? (
            <>
              {' '}
              · <Link to={`/cases/${c.id}/promises`}>Promises of {c.reference}</Link>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
