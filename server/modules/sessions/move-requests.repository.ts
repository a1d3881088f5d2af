import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { SessionMoveRequestsTable } from '../../db/tables/cases-part-2.ts';

// Requests to move a session and the mediator's answers. Decides nothing.

export type MoveRequestRow = Selectable<SessionMoveRequestsTable>;

export const insertMoveRequest = (db: Executor, row: Insertable<SessionMoveRequestsTable>) =>
  db.insertInto('session_move_requests').values(row).execute();

export const findMoveRequest = (db: Executor, caseId: string, id: string) =>
  db
    .selectFrom('session_move_requests')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();

/** A case's requests, newest first. */
export const listMoveRequests = (db: Executor, caseId: string) =>
  db
    .selectFrom('session_move_requests')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();

/** The person's open request on a session, if any. */
export const findOpenRequestOf = (db: Executor, sessionId: string, participantId: string) =>
  db
    .selectFrom('session_move_requests')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('participant_id', '=', participantId)
    .where('status', '=', 'open')
    .executeTakeFirst();

/** Open requests on some cases, oldest first, with the session's kind and who asked (the mediator's desk). */
export const listOpenOnCases = (db: Executor, caseIds: readonly string[]) =>
  caseIds.length
    ? db
        .selectFrom('session_move_requests as r')
        .innerJoin('case_sessions as s', 's.id', 'r.session_id')
        .leftJoin('users as u', 'u.id', 'r.asked_by')
        .select([
          'r.id',
          'r.case_id',
          'r.session_id',
          'r.from_starts_at',
          'r.created_at',
          's.kind',
          'u.name as asked_by_name',
        ])
        .where('r.case_id', 'in', [...caseIds])
        .where('r.status', '=', 'open')
        .orderBy('r.created_at')
        .orderBy('r.id')
        .execute()
    : Promise.resolve([]);

export const answerMoveRequest = (
  db: Executor,
  id: string,
  patch: Pick<MoveRequestRow, 'status' | 'answer' | 'note_enc' | 'poll_id' | 'answered_by' | 'answered_at'>,
) =>
  db
    .updateTable('session_move_requests')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();

/** Settles a session's open requests when the session itself changes (moved, canceled, held). */
export const settleOpenRequests = (
  db: Executor,
  sessionId: string,
  patch: Pick<MoveRequestRow, 'status' | 'answer' | 'answered_by' | 'answered_at'>,
) =>
  db
    .updateTable('session_move_requests')
    .set(patch)
    .where('session_id', '=', sessionId)
    .where('status', '=', 'open')
    .execute();

/** The poll a request was answered with, once it is open. */
export const setMovePoll = (db: Executor, id: string, pollId: string) =>
  db.updateTable('session_move_requests').set({ poll_id: pollId }).where('id', '=', id).execute();

/** The requests a person made, oldest first (their data export). */
export const listRequestsBy = (db: Executor, userId: string) =>
  db
    .selectFrom('session_move_requests')
    .select([
      'case_id',
      'session_id',
      'from_starts_at',
      'reason_enc',
      'status',
      'answer',
      'created_at',
      'answered_at',
    ])
    .where('asked_by', '=', userId)
    .orderBy('created_at')
    .execute();

/** Removes a case's requests with their reasons and notes; returns how many went. */
export async function deleteCaseMoveRequests(db: Executor, caseId: string) {
  const result = await db
    .deleteFrom('session_move_requests')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
