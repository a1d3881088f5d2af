import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  DEADLINE_FILTERS,
  downloadQueue,
  QUEUE_SORTS,
  QUEUE_VIEWS,
  type QueueQuery,
  type QueueRow,
} from '../../../contracts/case-queue.ts';
import { CASE_STATES, STATE_LABELS } from '../../../domain/case-lifecycle.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { useProgramExceptions, useWorkQueue } from '../../api/cases.ts';
import { ApiError, href } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { DownloadLink } from '../../components/DownloadLink.tsx';
import { FieldRow, TextField } from '../../components/Field.tsx';
import { ListChoice, ListFilterForm, ListSearch } from '../../components/ListFilterForm.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';
import './cases.css';

const VIEW_LABELS: Record<(typeof QUEUE_VIEWS)[number], string> = {
  overdue: 'Overdue',
  waiting_for_mediator: 'Waiting for a mediator',
  promises_due: 'Agreements with promises due',
};
const DEADLINE_LABELS: Record<(typeof DEADLINE_FILTERS)[number], string> = {
  overdue: 'Overdue',
  due_soon: 'Due soon',
  upcoming: 'Upcoming',
  none: 'No deadline running',
};
const SORT_LABELS: Record<(typeof QUEUE_SORTS)[number], string> = {
  opened: 'Date opened',
  deadline: 'Next deadline',
  reference: 'Case number',
};
/** The filters a person sets (the page's address keeps them, so a view can be bookmarked). */
const FILTERS = [
  'view',
  'state',
  'deadline',
  'mediatorId',
  'county',
  'kind',
  'openedFrom',
  'openedTo',
  'q',
  'sort',
  'dir',
] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

const dateOf = (day: string) => formatMissouriDate(`${day}T12:00:00Z`);

/** The coordinator's work queue on a page of its own. */
export function WorkQueuePage() {
  const { programId = '' } = useParams();
  return <WorkQueue programId={programId} />;
}

/** Every case of a program: saved views, filters, search, sort, pages, and the list as CSV. */
export function WorkQueue({ programId }: { programId: string }) {
  const [params, setParams] = useSearchParams();
  const filters: Filters = Object.fromEntries(
    FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])),
  );
  const after = params.get('after') ?? undefined;
  // The cursors of the pages before this one, for "Previous page".
  const [trail, setTrail] = useState<string[]>([]);
  const query = { ...filters, ...(after ? { after } : {}) } as QueueQuery;
  const queue = useWorkQueue(programId, query);
  const exceptions = useProgramExceptions(programId, 'waiting');
  const p = queue.data;
  const show = (next: Filters, cursor?: string) => {
    const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v));
    setParams(cursor ? { ...clean, after: cursor } : clean);
  };
  // What narrows the list, beyond a saved view and the order: counted on the panel's summary.
  const chosen = FILTERS.filter((k) => !['view', 'sort', 'dir'].includes(k) && filters[k]).length;
  const fieldError = (name: string) =>
    queue.error instanceof ApiError ? queue.error.field(name) : undefined;
  return (
    <Page
      title="Work queue"
      lead={p ? `${p.programName}: every case, with what is due next` : undefined}
      wide
    >
      <nav aria-label="Saved views" className="queue-views">
        <Button
          variant={filters.view ? 'secondary' : 'primary'}
          onClick={() => {
            setTrail([]);
            show({});
          }}
        >
          All cases
        </Button>
        {QUEUE_VIEWS.map((v) => (
          <Button
            key={v}
            variant={filters.view === v ? 'primary' : 'secondary'}
            aria-pressed={filters.view === v}
            onClick={() => {
              setTrail([]);
              show({ view: v });
            }}
          >
            {VIEW_LABELS[v]}
          </Button>
        ))}
      </nav>
      <details className="queue-filter-panel" open={chosen > 0 || wideScreen()}>
        <summary>
          Search and filters{chosen ? ` (${chosen} chosen)` : ''}
          {p ? ` · ${shown(p.rows.length, p.next !== null)}` : ''}
        </summary>
        <FilterForm
          key={params.toString()}
          filters={filters}
          mediators={p?.mediators ?? []}
          kinds={p?.kinds ?? []}
          error={fieldError}
          onSubmit={(next) => {
            setTrail([]);
            show(next);
          }}
        />
      </details>
      {queue.isPending ? <Loading what="Loading cases" /> : null}
      <ErrorAlert error={queue.error} />
      {p ? (
        <>
          {p.rows.length === 0 ? <p>No cases match.</p> : <QueueTable rows={p.rows} />}
          <nav aria-label="Pages" className="button-row">
            {trail.length ? (
              <Button
                variant="secondary"
                onClick={() => {
                  const back = trail.slice(0, -1);
                  const cursor = trail.at(-1);
                  setTrail(back);
                  show(filters, cursor || undefined);
                }}
              >
                Previous page
              </Button>
            ) : null}
            {p.next ? (
              <Button
                variant="secondary"
                onClick={() => {
                  setTrail([...trail, after ?? '']);
                  show(filters, p.next!);
                }}
              >
                Next page
              </Button>
            ) : null}
          </nav>
        </>
      ) : null}
      <p className="queue-links">
        <DownloadLink href={href(downloadQueue, { programId }, filters as QueueQuery)}>
          Download this list (CSV)
        </DownloadLink>{' '}
        <Link to={`/programs/${programId}/confidentiality-exceptions`}>
          Confidentiality exceptions
          {exceptions.data?.waiting ? ` (${exceptions.data.waiting} to review)` : ''}
        </Link>{' '}
        · <Link to={`/programs/${programId}/roster`}>Mediators on the roster</Link> ·{' '}
        <Link to={`/programs/${programId}/compliance`}>Promises kept</Link> ·{' '}
        <Link to={`/programs/${programId}/case-report`}>Case report</Link> ·{' '}
        <Link to={`/programs/${programId}/retention`}>How long records are kept</Link>
      </p>
    </Page>
  );
}

function FilterForm({
  filters,
  mediators,
  kinds,
  error,
  onSubmit,
}: {
  filters: Filters;
  mediators: { id: string; name: string }[];
  kinds: { id: string; label: string }[];
  error: (name: string) => string | undefined;
  onSubmit: (filters: Filters) => void;
}) {
  return (
    <ListFilterForm
      label="Find cases"
      submit="Show cases"
      list={{ filters, search: onSubmit }}
      error={error}
      rows
    >
      {(field) => (
        <>
          <FieldRow>
            <ListSearch label="Search" hint="A case number, or part of a party's name." {...field('q')} />
            <ListChoice
              label="State"
              any="Any state"
              choices={CASE_STATES.map((s) => [s, STATE_LABELS[s]] as const)}
              {...field('state')}
            />
            <ListChoice
              label="Next deadline"
              choices={DEADLINE_FILTERS.map((d) => [d, DEADLINE_LABELS[d]] as const)}
              {...field('deadline')}
            />
            <ListChoice
              label="Mediator"
              any="Anyone"
              choices={mediators.map((m) => [m.id, m.name] as const)}
              {...field('mediatorId')}
            />
          </FieldRow>
          <FieldRow>
            <ListChoice
              label="Kind of case"
              any="Any kind"
              choices={kinds.map((k) => [k.id, k.label] as const)}
              {...field('kind')}
            />
            <TextField label="County" {...field('county')} />
            <TextField label="Opened from" type="date" {...field('openedFrom')} />
            <TextField label="Opened up to" type="date" {...field('openedTo')} />
          </FieldRow>
          <FieldRow>
            <ListChoice
              label="Sort by"
              choices={QUEUE_SORTS.map((s) => [s, SORT_LABELS[s]] as const)}
              {...field('sort')}
              value={field('sort').value || 'opened'}
              any={null}
            />
            <ListChoice
              label="Order"
              choices={[
                ['desc', 'Newest or latest first'],
                ['asc', 'Oldest or soonest first'],
              ]}
              {...field('dir')}
              value={field('dir').value || 'desc'}
              any={null}
            />
          </FieldRow>
        </>
      )}
    </ListFilterForm>
  );
}

/** Open the filters on a wide screen; on a phone the cases come first and the panel stays shut. */
const wideScreen = () =>
  typeof window !== 'undefined' && window.matchMedia?.('(min-width: 48rem)').matches === true;

/** How many cases the page shows: the queue is read a page at a time, so more may follow. */
const shown = (n: number, more: boolean) =>
  `${n === 1 ? '1 case' : `${n} cases`} shown${more ? ', more on the next pages' : ''}`;

const STATUS_WORDS = { overdue: 'Overdue', due_soon: 'Due soon', upcoming: '' } as const;

function QueueTable({ rows }: { rows: QueueRow[] }) {
  return (
    <table className="table queue-table">
      <caption className="muted">Cases in this program</caption>
      <TableHead columns={['Case', 'State', 'Parties', 'Mediator', 'Next deadline', 'Opened', 'Days open']} />
      <tbody>
        {rows.map((r) => {
          const d = r.nextDeadline;
          return (
            <tr key={r.id} className={d ? `queue-${d.status}` : undefined}>
              <td data-label="Case">
                <Link to={`/cases/${r.id}`} className="nowrap">
                  {r.reference}
                </Link>
                <br />
                <span className="muted">{r.title}</span>
              </td>
              <td data-label="State">{r.stateLabel}</td>
              <td data-label="Parties">{r.parties.join(', ') || '—'}</td>
              <td data-label="Mediator">{r.mediatorName ?? '—'}</td>
              <td data-label="Next deadline">
                {d ? (
                  <>
                    {STATUS_WORDS[d.status] ? (
                      <strong className={`queue-badge queue-badge-${d.status}`}>
                        {STATUS_WORDS[d.status]}
                      </strong>
                    ) : null}{' '}
                    {d.label}: <span className="nowrap">{dateOf(d.dueDate)}</span>
                    {d.originalDueDate ? (
                      <span className="muted">
                        {' '}
                        (extended; was <span className="nowrap">{dateOf(d.originalDueDate)}</span>)
                      </span>
                    ) : null}
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td data-label="Opened" className="nowrap">
                {dateOf(r.openedOn)}
              </td>
              <td data-label="Days open">{r.daysOpen}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
