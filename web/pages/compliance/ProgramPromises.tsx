import { useState } from 'react';
import { Link } from 'react-router';
import {
  downloadProgramPromises,
  PROMISE_FILTERS,
  type PromisesQuery,
} from '../../../contracts/compliance.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { ApiError, href } from '../../api/client.ts';
import { useProgramPromises } from '../../api/compliance.ts';
import { Button } from '../../components/Button.tsx';
import { DownloadLink } from '../../components/DownloadLink.tsx';
import { FieldRow, Options, Select, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';
import '../cases/cases.css';

const STATUS_LABELS: Record<(typeof PROMISE_FILTERS)[number], string> = {
  outstanding: 'Still owed',
  overdue: 'Overdue',
  kept: 'Kept',
  waived: 'Given up',
};
const dateOf = (day: string) => formatMissouriDate(`${day}T12:00:00Z`);

/** Every promise of the program's signed agreements: filters, pages by due date, the list as CSV. */
export function ProgramPromises({ programId }: { programId: string }) {
  const [query, setQuery] = useState<PromisesQuery>({});
  const [draft, setDraft] = useState<PromisesQuery>({});
  const [trail, setTrail] = useState<(string | undefined)[]>([]);
  const list = useProgramPromises(programId, query);
  const p = list.data;
  const { after: _after, ...filters } = query;
  const fieldError = (name: string) => (list.error instanceof ApiError ? list.error.field(name) : undefined);
  return (
    <section className="m-section" aria-labelledby="every-promise">
      <h2 id="every-promise">Every promise</h2>
      <form
        className="form"
        aria-label="Find promises"
        onSubmit={(e) => {
          e.preventDefault();
          setTrail([]);
          setQuery(Object.fromEntries(Object.entries(draft).filter(([, v]) => v)) as PromisesQuery);
        }}
      >
        <FieldRow>
          <Select
            label="Which promises"
            value={draft.status ?? ''}
            onChange={(e) =>
              setDraft({ ...draft, status: (e.target.value || undefined) as PromisesQuery['status'] })
            }
          >
            <option value="">All</option>
            <Options values={PROMISE_FILTERS} words={(f) => STATUS_LABELS[f]} />
          </Select>
          <TextField
            label="Due from"
            type="date"
            value={draft.dueFrom ?? ''}
            onChange={(e) => setDraft({ ...draft, dueFrom: e.target.value })}
            error={fieldError('dueFrom')}
          />
          <TextField
            label="Due up to"
            type="date"
            value={draft.dueTo ?? ''}
            onChange={(e) => setDraft({ ...draft, dueTo: e.target.value })}
            error={fieldError('dueTo')}
          />
          <Button type="submit">Show promises</Button>
        </FieldRow>
      </form>
      <p>
        <DownloadLink href={href(downloadProgramPromises, { programId }, filters)}>
          Download these promises (CSV)
        </DownloadLink>
      </p>
      {list.isPending ? <Loading what="Loading promises" /> : null}
      <ErrorAlert error={list.error} />
      {p && p.rows.length === 0 ? <p>No promises match.</p> : null}
      {p?.rows.length ? (
        <table className="table queue-table">
          <caption className="muted">Soonest due first</caption>
          <TableHead columns={['Case', 'Promise', 'Due', 'Where it stands']} />
          <tbody>
            {p.rows.map((m) => {
              const flag = m.overdue ? 'overdue' : m.dueSoon ? 'due_soon' : null;
              return (
                <tr key={m.id} className={flag ? `queue-${flag}` : undefined}>
                  <td data-label="Case">
                    <Link to={`/cases/${m.caseId}/promises`} className="nowrap">
                      {m.reference}
                    </Link>
                  </td>
                  <td data-label="Promise">{m.what}</td>
                  <td data-label="Due" className="nowrap">
                    {dateOf(m.dueDate)}
                  </td>
                  <td data-label="Where it stands">
                    {flag ? (
                      <strong className={`queue-badge queue-badge-${flag}`}>
                        {flag === 'overdue' ? 'Overdue' : 'Due soon'}
                      </strong>
                    ) : null}{' '}
                    {m.state.replace('_', ' ')}
                    {m.doneOn ? (
                      <>
                        {' '}
                        on <span className="nowrap">{dateOf(m.doneOn)}</span>
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <nav aria-label="Pages of promises" className="button-row">
        {trail.length ? (
          <Button
            variant="secondary"
            onClick={() => {
              const cursor = trail.at(-1);
              setTrail(trail.slice(0, -1));
              setQuery({ ...filters, ...(cursor ? { after: cursor } : {}) });
            }}
          >
            Previous page
          </Button>
        ) : null}
        {p?.next ? (
          <Button
            variant="secondary"
            onClick={() => {
              setTrail([...trail, query.after]);
              setQuery({ ...filters, after: p.next! });
            }}
          >
            Next page
          </Button>
        ) : null}
      </nav>
    </section>
  );
}
