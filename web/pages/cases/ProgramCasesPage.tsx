import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './cases.css';
import type { CaseSummary } from './types.ts';

const OPEN_FIRST = [
  'requested',
  'awaiting_other_party',
  'screening',
  'choosing_mediator',
  'agreement_to_mediate',
  'ready_to_schedule',
];

/** A coordinator's intake queue: new requests first, then the cases in each step. */
export function ProgramCasesPage() {
  const { programId = '' } = useParams();
  const cases = useQuery({
    queryKey: ['program-cases', programId],
    queryFn: () => api.get<CaseSummary[]>(`/api/v1/programs/${programId}/cases`),
  });
  const sorted = [...(cases.data ?? [])].sort(
    (a, b) => ((OPEN_FIRST.indexOf(a.state) + 99) % 99) - ((OPEN_FIRST.indexOf(b.state) + 99) % 99),
  );
  return (
    <Page title="Intake queue" lead="Every request and case in your program, newest steps first." wide>
      <p>
        <Link to={`/programs/${programId}/compliance`}>
          Promises kept: signed agreements with overdue promises
        </Link>
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
                <td>{c.createdAt?.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
