import * as events from '../../../contracts/events.ts';
import { EVENT_KINDS, EVENT_STATUSES } from '../../../domain/event-seats.ts';
import { formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { href } from '../../api/client.ts';
import { useEventList } from '../../api/events.ts';
import { StaffListPanel } from './StaffList.tsx';
import { EVENT_KIND_LABELS } from './shared.tsx';

const FILTERS = ['q', 'kind', 'status', 'from', 'to'] as const;
const STATUS_WORDS = { draft: 'Draft', published: 'Published', cancelled: 'Canceled' } as const;

/** Every training and event, drafts and past ones too: searched, by kind, state and start day, paged, as CSV. */
export function StaffEventList() {
  return (
    <StaffListPanel
      id="event-list-title"
      title="Every training and event"
      filters={FILTERS}
      read={useEventList}
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
      csv={(filters) => href(events.downloadEventList, undefined, filters as events.EventListQuery)}
      columns={['Event', 'State', 'Starts', 'Seats taken']}
      row={(e) => (
        <>
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
        </>
      )}
    />
  );
}
