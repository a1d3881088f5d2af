import { Link, useParams, useSearchParams } from 'react-router';
import type { ProgramException } from '../../../contracts/screening.ts';
import { formatMissouriDate, formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import { useProgramExceptions } from '../../api/cases.ts';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';
import './cases.css';

/**
 * The program's confidentiality exceptions across its cases, for its coordinators: those waiting
 * for review (oldest first) or the latest reviewed. Each links to its case, where it is read in
 * full and reviewed; the list itself carries no words of what was reported.
 */
export function ProgramExceptionsPage() {
  const { programId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') === 'reviewed' ? 'reviewed' : 'waiting';
  const list = useProgramExceptions(programId, status);
  const data = list.data;
  return (
    <Page
      title="Confidentiality exceptions"
      lead="Reports a mediator made outside a mediation, recorded on the case for the program to review."
      wide
    >
      <nav aria-label="Which exceptions" className="queue-views">
        {(['waiting', 'reviewed'] as const).map((s) => (
          <Button
            key={s}
            variant={status === s ? 'primary' : 'secondary'}
            aria-pressed={status === s}
            onClick={() => setParams(s === 'waiting' ? {} : { status: s })}
          >
            {s === 'waiting' ? `Waiting for review${data ? ` (${data.waiting})` : ''}` : 'Reviewed'}
          </Button>
        ))}
      </nav>
      {list.isPending ? <Loading what="Loading the exceptions" /> : null}
      <ErrorAlert error={list.error} />
      {data ? (
        data.exceptions.length ? (
          <ExceptionsTable rows={data.exceptions} status={status} />
        ) : (
          <p>{status === 'waiting' ? 'None waiting for review.' : 'None reviewed yet.'}</p>
        )
      ) : null}
      <p className="queue-links">
        <Link to={`/programs/${programId}/cases`}>Back to the work queue</Link>
      </p>
    </Page>
  );
}

function ExceptionsTable({ rows, status }: { rows: ProgramException[]; status: 'waiting' | 'reviewed' }) {
  return (
    <table className="table queue-table">
      <caption className="muted">
        {status === 'waiting'
          ? 'Exceptions waiting for review, oldest first'
          : 'The latest reviewed exceptions'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Kind</th>
          <th scope="col">Reported on</th>
          <th scope="col">Recorded</th>
          {status === 'reviewed' ? <th scope="col">Reviewed</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td data-label="Case">
              <Link to={`/cases/${r.caseId}#confidentiality-exceptions`} className="nowrap">
                {r.caseReference}
              </Link>
              <br />
              <span className="muted">{r.caseTitle}</span>
            </td>
            <td data-label="Kind">{r.kindLabel}</td>
            <td data-label="Reported on" className="nowrap">
              {r.reportedOn ? formatMissouriDate(`${r.reportedOn}T12:00:00Z`) : '—'}
            </td>
            <td data-label="Recorded">{formatMissouriDateTime(r.recordedAt)}</td>
            {status === 'reviewed' ? (
              <td data-label="Reviewed">{r.reviewedAt ? formatMissouriDateTime(r.reviewedAt) : '—'}</td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
