import type { EventListRow } from '../../../contracts/events.ts';
import { formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { keysetList, type PageQuery } from '../../http/page-query.ts';
import { csvDownload } from '../../infra/csv.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import * as repo from './events.repository.ts';

// Staff's list of every training and event (drafts and canceled ones too): searched by title,
// provider or place, filtered by kind, state and the days it starts, in keyset pages, and as CSV.

const KIND_WORDS = {
  core_training: 'Core training',
  ce_webinar: 'Webinar (live)',
  ce_recorded: 'Webinar (recorded)',
  conference: 'Conference',
  other: 'Event',
} as const;
const STATUS_WORDS = { draft: 'Draft', published: 'Published', cancelled: 'Canceled' } as const;

const events = keysetList(
  repo.listEventsPage,
  (r) => ({ value: r.starts_at, id: r.id }),
  (r): EventListRow => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    status: r.status,
    provider: r.provider,
    place: r.place,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    creditHours: r.credit_hours,
    capacity: r.capacity,
    seatsTaken: r.seats_taken,
  }),
);

export async function listEventsForStaff(
  deps: Deps,
  actor: Actor | null,
  q: PageQuery<repo.EventListFilter>,
) {
  authorize(actor, 'association:manage');
  return events.page(deps.db, q);
}

export async function eventListCsv(deps: Deps, actor: Actor | null, q: repo.EventListFilter) {
  authorize(actor, 'association:manage');
  return csvDownload(
    'events',
    deps.clock.now(),
    ['Title', 'Kind', 'State', 'Starts', 'Ends', 'Place', 'Hours', 'Seats taken', 'Seats'],
    (await events.every(deps.db, q)).map((e) => [
      e.title,
      KIND_WORDS[e.kind],
      STATUS_WORDS[e.status],
      formatMissouriStamp(e.startsAt),
      formatMissouriStamp(e.endsAt),
      e.place ?? 'Online',
      e.creditHours,
      e.seatsTaken,
      e.capacity ?? 'No limit',
    ]),
  );
}
