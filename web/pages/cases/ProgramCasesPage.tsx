import { Link, useParams } from 'react-router';
import { useProgramCases } from '../../api/cases.ts';
import { errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './cases.css';

/** A coordinator's intake queue: new requests first, then the cases in each step. */
export function ProgramCasesPage() {
  const { programId = '' } = useParams();
  const cases = useProgramCases(programId);
  // The server lists the queue in order: new requests first, then the cases in each step.
  const sorted = cases.data ?? [];
  return (
    <Page title="Intake queue" lead="Every request and case in your program, newest steps first." wide>
      <p>
        <Link to={`/programs/${programId}/compliance`}>
          Promises kept: signed agreements with overdue promises
        </Link>{' '}
        · <Link to={`/programs/${programId}/retention`}>How long records are kept</Link> ·{' '}
        <Link to={`/programs/${programId}/case-report`}>Case report</Link>
      </p>
      {cases.isPending ? <Loading what="Loading cases" /> : null}
      {cases.isError ? <Alert tone="error">{errorMessage(cases.error)}</Alert> : null}
      {cases.data?.length === 0 ? <p>No requests yet.</p> : null}
      {sorted.length ? (
        <table className="table">
          <caption className="muted">Cases in this program</caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Step</th>
              <th scope="col">Mediator</th>
              <th scope="col">Opened</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/cases/${c.id}`}>
                    {c.reference}: {c.title}
                  </Link>
                </td>
                <td>{c.stateLabel}</td>
                <td>{c.mediatorName ? `${c.mediatorName} (${c.mediatorStatus})` : '—'}</td>
                <td>{c.createdAt.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
