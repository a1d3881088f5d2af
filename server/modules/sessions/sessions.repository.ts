import type { Insertable, Updateable } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.ts';
import type { CaseSessionsTable } from '../../db/tables/cases-part-2.ts';

export type SessionRow = Awaited<ReturnType<typeof findSession>> & {};

export const findSession = (db: Executor, caseId: string, id: string) =>
  db
    .selectFrom('case_sessions')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();

export const listSessions = (db: Executor, caseId: string) =>
  db.selectFrom('case_sessions').selectAll().where('case_id', '=', caseId).orderBy('starts_at').execute();

export const insertSession = (db: Executor, row: Insertable<CaseSessionsTable>) =>
  db.insertInto('case_sessions').values(row).execute();

export const updateSession = (db: Executor, id: string, patch: Updateable<CaseSessionsTable>) =>
  db.updateTable('case_sessions').set(patch).where('id', '=', id).execute();

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
export const sessionsStartingBetween = (db: Executor, from: string, to: string) =>
  db
    .selectFrom('case_sessions')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where('starts_at', '>', from)
    .where('starts_at', '<=', to)
    .execute();

/** Records a reminder; false when another server already sent this one. */
export async function claimReminder(db: Executor, sessionId: string, startsAt: string, now: string) {
  const result = await db
    .insertInto('session_reminders')
    .values({ session_id: sessionId, starts_at: startsAt, sent_at: now })
    .onConflict((oc) => oc.columns(['session_id', 'starts_at']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
