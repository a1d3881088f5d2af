import * as events from '../../../contracts/events.ts';
import { EVENT_KINDS, EVENT_STATUSES } from '../../../domain/event-seats.ts';
import { formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { href } from '../../api/client.ts';
import { useEventList } from '../../api/events.ts';
import { Loading } from '../../components/Loading.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';
import { CsvLink, ListPages, ListTable, SearchChoiceDates, useStaffList } from './StaffList.tsx';
import { EVENT_KIND_LABELS } from './shared.tsx';

const FILTERS = ['q', 'kind', 'status', 'from', 'to'] as const;
const STATUS_WORDS = { draft: 'Draft', published: 'Published', cancelled: 'Canceled' } as const;

/** Every training and event, drafts and past ones too: searched, by kind, state and start day, paged, as CSV. */
export function StaffEventList() {
  const { list, result: found, error } = useStaffList(FILTERS, useEventList);
  return (
    <section className="panel" aria-labelledby="event-list-title">
      <h2 id="event-list-title">Every training and event</h2>
      <SearchChoiceDates
        list={list}
        error={error}
        what="events"
        search={{ label: 'Search events', hint: 'Part of the title, provider or place.' }}
        choices={[
          {
            key: 'kind',
            label: 'Kind',
            values: EVENT_KINDS.map((k) => [k, EVENT_KIND_LABELS[k] ?? k] as const),
          },
          { key: 'status', label: 'State', values: EVENT_STATUSES.map((s) => [s, STATUS_WORDS[s]] as const) },
        ]}
        days="Starting"
      />
      <CsvLink href={href(events.downloadEventList, undefined, list.filters as events.EventListQuery)}>
        Download these events (CSV)
      </CsvLink>
      {found.isPending ? <Loading what="Loading events" /> : null}
      <ErrorAlert error={found.error} />
      {found.data?.rows.length === 0 ? <p>No events match.</p> : null}
      {found.data?.rows.length ? (
        <ListTable label="Events found">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">State</th>
              <th scope="col">Starts</th>
              <th scope="col">Seats taken</th>
            </tr>
          </thead>
          <tbody>
            {found.data.rows.map((e) => (
              <tr key={e.id}>
                <td>
                  {e.title}
                  <br />
                  <span className="muted">
                    {EVENT_KIND_LABELS[e.kind]}, {e.place ?? 'online'}
                  </span>
                </td>
                <td>{STATUS_WORDS[e.status]}</td>
                <td>{formatMissouriStamp(e.startsAt)}</td>
                <td>{e.capacity === null ? e.seatsTaken : `${e.seatsTaken} of ${e.capacity}`}</td>
              </tr>
            ))}
          </tbody>
        </ListTable>
      ) : null}
      <ListPages previous={list.previous} next={found.data?.next} onNext={list.next} />
    </section>
  );
}
