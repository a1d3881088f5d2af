import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { z } from 'zod';
import { COURSE_KINDS } from '../../../domain/eligibility.ts';
import type { EventKind, SeatStatus } from '../../../domain/event-seats.ts';
import type { Executor } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';
import { afterKeyset, containsText, withinMissouriDays } from '../../db/list-query.ts';
import type {
  AssociationEventSessionsTable,
  AssociationEventsTable,
  EventRegistrationsTable,
} from '../../db/tables/association.ts';
import type { Keyset } from '../../http/keyset.ts';

// Trainings and events, and the seats people hold at them. Decides nothing.

/** The continuing-education hours an event gives, by kind of course. */
const credits = jsonColumn(
  'association_events',
  'credits',
  z.array(z.object({ kind: z.enum(COURSE_KINDS), hours: z.number() })),
);
export type Credit = ReturnType<typeof credits.read>[number];
export type EventRow = Omit<Selectable<AssociationEventsTable>, 'credits'> & { credits: Credit[] };
const toEvent = (row: Selectable<AssociationEventsTable>): EventRow => ({
  ...row,
  credits: credits.read(row.credits),
});
const encodeEvent = <T extends { credits?: Credit[] | undefined }>({ credits: c, ...rest }: T) => ({
  ...rest,
  ...credits.change(c),
});

export async function insertEvent(
  db: Executor,
  row: Omit<Insertable<AssociationEventsTable>, 'credits'> & { credits?: Credit[] },
) {
  await db.insertInto('association_events').values(encodeEvent(row)).execute();
}

export async function updateEvent(
  db: Executor,
  id: string,
  patch: Omit<Updateable<AssociationEventsTable>, 'credits'> & { credits?: Credit[] },
) {
  await db.updateTable('association_events').set(encodeEvent(patch)).where('id', '=', id).execute();
}

export const findEvent = async (db: Executor, id: string) => {
  const row = await db.selectFrom('association_events').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toEvent(row);
};

export const listEvents = async (
  db: Executor,
  filter: { from?: string; kind?: EventKind; includeDrafts: boolean },
) => {
  let q = db.selectFrom('association_events').selectAll().orderBy('starts_at').orderBy('id').limit(200);
  if (!filter.includeDrafts) q = q.where('status', '!=', 'draft');
  // Recorded webinars stay on the calendar after their first showing.
  if (filter.from) {
    const from = filter.from;
    q = q.where((eb) => eb.or([eb('ends_at', '>=', from), eb('recorded', '=', 1)]));
  }
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  return (await q.execute()).map(toEvent);
};

/**
 * Takes the event's row lock first thing in a registration or cancellation transaction (an
 * UPDATE locks the row on PostgreSQL until commit; on SQLite the write lock covers the database),
 * so seat changes for one event happen one at a time on every server.
 */
export async function lockEvent(db: Executor, id: string): Promise<boolean> {
  const r = await db
    .updateTable('association_events')
    .set({ lock_version: sql`lock_version + 1` })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The conditional UPDATE that gives a seat: true only if one was free. */
export async function takeSeat(db: Executor, id: string): Promise<boolean> {
  const r = await db
    .updateTable('association_events')
    .set({ seats_taken: sql`seats_taken + 1` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('capacity', 'is', null), eb('seats_taken', '<', eb.ref('capacity'))]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function releaseSeat(db: Executor, id: string) {
  await db
    .updateTable('association_events')
    .set({ seats_taken: sql`seats_taken - 1` })
    .where('id', '=', id)
    .where('seats_taken', '>', 0)
    .execute();
}

export async function nextQueueSeq(db: Executor, eventId: string): Promise<number> {
  const r = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.max('queue_seq').as('seq'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return Number(r?.seq ?? 0) + 1;
}

export const findRegistration = (db: Executor, id: string) =>
  db.selectFrom('event_registrations').selectAll().where('id', '=', id).executeTakeFirst();

export const findRegistrationFor = (db: Executor, eventId: string, userId: string) =>
  db
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export const findRegistrationWithEvent = (db: Executor, id: string) =>
  db
    .selectFrom('event_registrations as r')
    .innerJoin('association_events as e', 'e.id', 'r.event_id')
    .selectAll('r')
    .select(['e.title', 'e.provider', 'e.starts_at', 'e.ends_at'])
    .where('r.id', '=', id)
    .executeTakeFirst();

export async function insertRegistration(db: Executor, row: Insertable<EventRegistrationsTable>) {
  await db.insertInto('event_registrations').values(row).execute();
}

/** Changes a registration only if it is still in the status the caller saw. */
export async function moveRegistration(
  db: Executor,
  id: string,
  from: readonly SeatStatus[],
  patch: Updateable<EventRegistrationsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('event_registrations')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The earliest person still waiting for a seat. */
export const firstWaiting = (db: Executor, eventId: string) =>
  db
    .selectFrom('event_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.user_id', 'u.email', 'u.name'])
    .where('r.event_id', '=', eventId)
    .where('r.status', '=', 'waitlisted')
    .orderBy('r.queue_seq')
    .limit(1)
    .executeTakeFirst();

export const listRoster = (db: Executor, eventId: string) =>
  db
    .selectFrom('event_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .selectAll('r')
    .select(['u.name', 'u.email'])
    .where('r.event_id', '=', eventId)
    .orderBy('r.queue_seq')
    .execute();

/** A person's registrations with each event's title, dates and hours (staff's member record). */
export const listHistoryOf = (db: Executor, userId: string) =>
  db
    .selectFrom('event_registrations as r')
    .innerJoin('association_events as e', 'e.id', 'r.event_id')
    .select([
      'r.event_id',
      'r.status',
      'r.certificate_code',
      'e.title',
      'e.starts_at',
      'e.ends_at',
      'e.credit_hours',
    ])
    .where('r.user_id', '=', userId)
    .orderBy('e.starts_at', 'desc')
    .limit(200)
    .execute();

export const listForUser = (db: Executor, userId: string) =>
  db
    .selectFrom('event_registrations as r')
    .innerJoin('association_events as e', 'e.id', 'r.event_id')
    .selectAll('r')
    .select(['e.title', 'e.starts_at', 'e.ends_at', 'e.kind'])
    .where('r.user_id', '=', userId)
    .orderBy('e.starts_at', 'desc')
    .execute();

export async function markRegistrationPaid(db: Executor, id: string, at: string) {
  await db.updateTable('event_registrations').set({ paid: 1, updated_at: at }).where('id', '=', id).execute();
}

export async function setCertificate(db: Executor, id: string, fileId: string) {
  await db
    .updateTable('event_registrations')
    .set({ certificate_file_id: fileId })
    .where('id', '=', id)
    .execute();
}

export const countWaiting = async (db: Executor, eventId: string) =>
  Number(
    (
      await db
        .selectFrom('event_registrations')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('event_id', '=', eventId)
        .where('status', '=', 'waitlisted')
        .executeTakeFirst()
    )?.n ?? 0,
  );

/** A person's registrations for association events, with each event's title (their data export). */
export const listRegistrationsOf = (db: Executor, userId: string) =>
  db
    .selectFrom('event_registrations as r')
    .innerJoin('association_events as e', 'e.id', 'r.event_id')
    .select([
      'e.title as event',
      'r.status',
      'r.price_cents',
      'r.paid',
      'r.registered_at',
      'r.cancelled_at',
      'r.attended_at',
    ])
    .where('r.user_id', '=', userId)
    .orderBy('r.registered_at')
    .execute();

// The sessions of an event (a training held over days), and attendance taken per session.

export type SessionRow = Selectable<AssociationEventSessionsTable>;

export const listSessions = (db: Executor, eventId: string): Promise<SessionRow[]> =>
  db
    .selectFrom('association_event_sessions')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('seq')
    .execute();

/** The sessions of many events at once, in order, grouped by event. */
export async function sessionsOf(db: Executor, eventIds: readonly string[]) {
  const bySeq = new Map<string, SessionRow[]>(eventIds.map((id) => [id, []]));
  if (eventIds.length === 0) return bySeq;
  const rows = await db
    .selectFrom('association_event_sessions')
    .selectAll()
    .where('event_id', 'in', [...eventIds])
    .orderBy('event_id')
    .orderBy('seq')
    .execute();
  for (const row of rows) bySeq.get(row.event_id)?.push(row);
  return bySeq;
}

/** Replaces an event's sessions (only while no attendance is recorded for it). */
export async function replaceSessions(
  db: Executor,
  eventId: string,
  sessions: readonly { id: string; starts_at: string; ends_at: string }[],
) {
  await db.deleteFrom('association_event_sessions').where('event_id', '=', eventId).execute();
  await db
    .insertInto('association_event_sessions')
    .values(sessions.map((s, i) => ({ ...s, event_id: eventId, seq: i + 1 })))
    .execute();
}

export const countAttendanceFor = async (db: Executor, eventId: string) =>
  Number(
    (
      await db
        .selectFrom('event_session_attendance as a')
        .innerJoin('association_event_sessions as s', 's.id', 'a.session_id')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('s.event_id', '=', eventId)
        .executeTakeFirst()
    )?.n ?? 0,
  );

/** Which sessions each registration of an event was at. */
export async function attendanceOf(db: Executor, eventId: string) {
  const rows = await db
    .selectFrom('event_session_attendance as a')
    .innerJoin('association_event_sessions as s', 's.id', 'a.session_id')
    .select(['a.registration_id', 'a.session_id'])
    .where('s.event_id', '=', eventId)
    .execute();
  const byRegistration = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = byRegistration.get(r.registration_id) ?? new Set<string>();
    set.add(r.session_id);
    byRegistration.set(r.registration_id, set);
  }
  return byRegistration;
}

/** Records one session's attendance; false when it was already recorded. */
export async function recordSessionAttendance(
  db: Executor,
  row: { registration_id: string; session_id: string; recorded_at: string; recorded_by: string },
): Promise<boolean> {
  const r = await db
    .insertInto('event_session_attendance')
    .values(row)
    .onConflict((oc) => oc.columns(['registration_id', 'session_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setCertificateCode(db: Executor, id: string, code: string) {
  await db.updateTable('event_registrations').set({ certificate_code: code }).where('id', '=', id).execute();
}

/** The certificate a code names, with what it certifies. */
export async function findCertificate(db: Executor, code: string) {
  const row = await db
    .selectFrom('event_registrations as r')
    .innerJoin('association_events as e', 'e.id', 'r.event_id')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.event_id', 'r.attended_at', 'e.title', 'e.provider', 'e.credits', 'u.name'])
    .where('r.certificate_code', '=', code)
    .where('r.status', '=', 'attended')
    .executeTakeFirst();
  return row && { ...row, credits: credits.read(row.credits) };
}

export type EventListFilter = {
  q?: string | undefined;
  kind?: EventKind | undefined;
  status?: AssociationEventsTable['status'] | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** Every event, drafts too, latest start first, in keyset pages by start. */
export const listEventsPage = (db: Executor, f: EventListFilter, after: Keyset | null, limit: number) => {
  let q = db
    .selectFrom('association_events')
    .select([
      'id',
      'title',
      'kind',
      'status',
      'provider',
      'place',
      'starts_at',
      'ends_at',
      'credit_hours',
      'capacity',
      'seats_taken',
    ])
    .where(withinMissouriDays('starts_at', f.from, f.to))
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (f.q) q = q.where(containsText(f.q, ['title', 'provider', 'place']));
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.status) q = q.where('status', '=', f.status);
  if (after) q = q.where(afterKeyset(after, 'starts_at', 'id', 'desc'));
  return q.execute();
};
