import type { EventListRow } from '../../../contracts/events.ts';
import { formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { everyPage, pageFor } from '../../http/keyset.ts';
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

type Query = repo.EventListFilter & { after?: string | undefined; limit: number };
type Row = Awaited<ReturnType<typeof repo.listEventsPage>>[number];
const keyOf = (r: Row) => ({ value: r.starts_at, id: r.id });
const present = (r: Row): EventListRow => ({
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
});

export async function listEventsForStaff(deps: Deps, actor: Actor | null, q: Query) {
  authorize(actor, 'association:manage');
  return pageFor(q, (after, limit) => repo.listEventsPage(deps.db, q, after, limit), keyOf, present);
}

export async function eventListCsv(deps: Deps, actor: Actor | null, q: Query) {
  authorize(actor, 'association:manage');
  const rows = await everyPage((after, limit) => repo.listEventsPage(deps.db, q, after, limit), keyOf);
  return csvDownload(
    'events',
    deps.clock.now(),
    ['Title', 'Kind', 'State', 'Starts', 'Ends', 'Place', 'Hours', 'Seats taken', 'Seats'],
    rows
      .map(present)
      .map((e) => [
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
