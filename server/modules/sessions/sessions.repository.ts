import type { Insertable, Selectable, Updateable } from 'kysely';
import { z } from 'zod';
import { PlaceView } from '../../../contracts/sessions.ts';
import { SIDES } from '../../../domain/attendance.ts';
import { dialectOf, type Executor } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';
import type { CaseSessionsTable } from '../../db/tables/cases-part-2.ts';

// Sessions, their reminders, and people's private calendar feeds. Decides nothing.

/** A place as stored: the contract's own shape. */
const Place = PlaceView;
export type Place = z.infer<typeof Place>;
const Guest = z.object({
  name: z.string(),
  role: z.enum(['advocate', 'support', 'attorney', 'interpreter']),
  side: z.enum(SIDES),
  isAttorney: z.boolean(),
  language: z.string().optional(),
});
export type Guest = z.infer<typeof Guest>;
const Ids = z.array(z.string());

const place = jsonColumn('case_sessions', 'place', Place);
const attendees = jsonColumn('case_sessions', 'attendees', Ids);
const guests = jsonColumn('case_sessions', 'guests', z.array(Guest));
const attended = jsonColumn('case_sessions', 'attended', Ids);

type Json = 'place' | 'attendees' | 'guests' | 'attended';
type Decoded = { place: Place; attendees: string[]; guests: Guest[]; attended: string[] | null };
export type SessionRow = Omit<Selectable<CaseSessionsTable>, Json> & Decoded;

const decode = <R extends Pick<Selectable<CaseSessionsTable>, Json>>(row: R): Omit<R, Json> & Decoded => ({
  ...row,
  place: place.read(row.place),
  attendees: attendees.read(row.attendees),
  guests: guests.read(row.guests),
  attended: row.attended === null ? null : attended.read(row.attended),
});

const encode = (patch: Partial<Decoded>) => ({
  ...place.change(patch.place),
  ...attendees.change(patch.attendees),
  ...guests.change(patch.guests),
  ...attended.change(patch.attended),
});

export const findSession = async (
  db: Executor,
  caseId: string,
  id: string,
): Promise<SessionRow | undefined> => {
  const row = await db
    .selectFrom('case_sessions')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && decode(row);
};

export const listSessions = async (db: Executor, caseId: string): Promise<SessionRow[]> =>
  (
    await db
      .selectFrom('case_sessions')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('starts_at')
      .execute()
  ).map(decode);

/** When each session of a case starts and was set, its kind and status (for the case's deadlines). */
export const listSessionTimes = (db: Executor, caseId: string) =>
  db
    .selectFrom('case_sessions')
    .select(['kind', 'status', 'starts_at', 'created_at'])
    .where('case_id', '=', caseId)
    .orderBy('starts_at')
    .execute();

export const sessionExists = async (db: Executor, caseId: string, id: string) =>
  Boolean(
    await db
      .selectFrom('case_sessions')
      .select('id')
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst(),
  );

export const insertSession = (db: Executor, row: Omit<Insertable<CaseSessionsTable>, Json> & Decoded) => {
  const { place: p, attendees: a, guests: g, attended: _d, ...rest } = row;
  return db
    .insertInto('case_sessions')
    .values({
      ...rest,
      place: place.write(p),
      attendees: attendees.write(a),
      guests: guests.write(g),
      attended: null,
    })
    .execute();
};

export const updateSession = (
  db: Executor,
  id: string,
  patch: Omit<Updateable<CaseSessionsTable>, Json> & Partial<Decoded>,
) => {
  const { place: _p, attendees: _a, guests: _g, attended: _d, ...rest } = patch;
  return db
    .updateTable('case_sessions')
    .set({ ...rest, ...encode(patch) })
    .where('id', '=', id)
    .execute();
};

/**
 * Holds the mediator's row for the rest of the transaction on PostgreSQL, so two sessions booked
 * at once for the same mediator are checked one after the other (SQLite serializes writers).
 */
export async function lockMediator(db: Executor, mediatorId: string) {
  if (dialectOf(db) === 'postgres') {
    await db.selectFrom('users').select('id').where('id', '=', mediatorId).forUpdate().execute();
  }
}

/** The mediator's scheduled sessions, on any case, that overlap [start, end). */
export const overlappingSessions = (
  db: Executor,
  mediatorId: string,
  start: string,
  end: string,
  except?: string,
) => {
  let q = db
    .selectFrom('case_sessions')
    .select(['id', 'case_id', 'starts_at', 'ends_at'])
    .where('mediator_id', '=', mediatorId)
    .where('status', '=', 'scheduled')
    .where('starts_at', '<', end)
    .where('ends_at', '>', start);
  if (except) q = q.where('id', '!=', except);
  return q.execute();
};

/** Scheduled sessions starting in (from, to]: the ones a reminder is due for. */
export const sessionsStartingBetween = async (db: Executor, from: string, to: string) =>
  (
    await db
      .selectFrom('case_sessions')
      .selectAll()
      .where('status', '=', 'scheduled')
      .where('starts_at', '>', from)
      .where('starts_at', '<=', to)
      .execute()
  ).map(decode);

/** Sessions not yet held that a person mediates or that are on one of these cases, in time order. */
export const listUpcomingFor = async (db: Executor, mediatorId: string, caseIds: readonly string[]) =>
  (
    await db
      .selectFrom('case_sessions')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('mediator_id', '=', mediatorId),
          ...(caseIds.length ? [eb('case_id', 'in', [...caseIds])] : []),
        ]),
      )
      .where('status', '!=', 'held')
      .orderBy('starts_at')
      .execute()
  ).map(decode);

/** Records a reminder; false when another server already sent this one. */
export async function claimReminder(db: Executor, sessionId: string, startsAt: string, now: string) {
  const result = await db
    .insertInto('session_reminders')
    .values({ session_id: sessionId, starts_at: startsAt, sent_at: now })
    .onConflict((oc) => oc.columns(['session_id', 'starts_at']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

// Calendar feeds -------------------------------------------------------------------------------

export const findLiveFeedOf = (db: Executor, userId: string) =>
  db
    .selectFrom('calendar_feeds')
    .select(['created_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();

export const findLiveFeedByHash = (db: Executor, tokenHash: string) =>
  db
    .selectFrom('calendar_feeds')
    .select(['user_id'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();

export const revokeFeedsOf = (db: Executor, userId: string, at: string) =>
  db
    .updateTable('calendar_feeds')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();

export const insertFeed = (
  db: Executor,
  row: { id: string; user_id: string; token_hash: string; created_at: string },
) =>
  db
    .insertInto('calendar_feeds')
    .values({ ...row, revoked_at: null })
    .execute();

/** Removes a person's calendar feeds (their account's deletion). */
export const deleteFeedsOf = (db: Executor, userId: string) =>
  db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();

/** Sessions still set (not cancelled) on these cases that start between two instants, in time order. */
export const listSetOnCasesBetween = (db: Executor, caseIds: readonly string[], from: string, to: string) =>
  caseIds.length
    ? db
        .selectFrom('case_sessions')
        .select(['id', 'case_id', 'kind', 'status', 'starts_at', 'minutes'])
        .where('case_id', 'in', [...caseIds])
        .where('status', '!=', 'cancelled')
        .where('starts_at', '>=', from)
        .where('starts_at', '<', to)
        .orderBy('starts_at')
        .execute()
    : Promise.resolve([]);

/**
 * Sessions not canceled that start in [from, to) and that a person mediates or that are on one of
 * these cases (the calendar across cases), in time order.
 */
export const listCalendarFor = async (
  db: Executor,
  userId: string,
  caseIds: readonly string[],
  from: string,
  to: string,
) =>
  (
    await db
      .selectFrom('case_sessions')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('mediator_id', '=', userId),
          ...(caseIds.length ? [eb('case_id', 'in', [...caseIds])] : []),
        ]),
      )
      .where('status', '!=', 'cancelled')
      .where('starts_at', '>=', from)
      .where('starts_at', '<', to)
      .orderBy('starts_at')
      .execute()
  ).map(decode);
