import type { Insertable, Selectable } from 'kysely';
import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';
import type { ConfidentialityExceptionsTable, ScreeningResponsesTable } from '../../db/tables/cases.ts';

// Screening answers and confidentiality exceptions. Decides nothing.

const answers = jsonColumn('screening_responses', 'answers', z.record(z.string(), z.boolean()));
const flags = jsonColumn('screening_responses', 'flags', z.array(z.string()));

const selectScreenings = (db: Executor) => db.selectFrom('screening_responses').selectAll();
const decode = (row: Selectable<ScreeningResponsesTable>) => ({
  ...row,
  answers: answers.read(row.answers),
  flags: flags.read(row.flags),
});
export type ScreeningRow = ReturnType<typeof decode>;

export const findScreening = async (db: Executor, participantId: string) => {
  const row = await selectScreenings(db).where('participant_id', '=', participantId).executeTakeFirst();
  return row && decode(row);
};

export const listScreenings = async (db: Executor, caseId: string) =>
  (await selectScreenings(db).where('case_id', '=', caseId).execute()).map(decode);

/** Who has answered on a case (no answers): the case page counts them. */
export const listAnsweredParticipantIds = async (db: Executor, caseId: string) =>
  (
    await db
      .selectFrom('screening_responses')
      .select('participant_id')
      .where('case_id', '=', caseId)
      .execute()
  ).map((r) => r.participant_id);

/** Removes a case's screening answers (retention's early purge of confidential words). */
export const deleteCaseScreenings = async (db: Executor, caseId: string) =>
  Number(
    (await db.deleteFrom('screening_responses').where('case_id', '=', caseId).executeTakeFirst())
      .numDeletedRows,
  );

export async function upsertScreening(
  db: Executor,
  row: Omit<Insertable<ScreeningResponsesTable>, 'answers' | 'flags'> & {
    answers: Record<string, boolean>;
    flags: string[];
  },
) {
  const encoded = { ...row, answers: answers.write(row.answers), flags: flags.write(row.flags) };
  const existing = await findScreening(db, row.participant_id);
  if (existing) {
    await db
      .updateTable('screening_responses')
      .set({
        answers: encoded.answers,
        note: row.note ?? '',
        score: row.score,
        flags: encoded.flags,
        submitted_at: row.submitted_at,
      })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await db.insertInto('screening_responses').values(encoded).execute();
  }
}

export const insertException = (db: Executor, row: Insertable<ConfidentialityExceptionsTable>) =>
  db.insertInto('confidentiality_exceptions').values(row).execute();

/** A case's exceptions, oldest first, with the names of who recorded and who reviewed each. */
export const listExceptions = (db: Executor, caseId: string) =>
  db
    .selectFrom('confidentiality_exceptions as e')
    .innerJoin('users as recorder', 'recorder.id', 'e.recorded_by')
    .leftJoin('users as reviewer', 'reviewer.id', 'e.reviewed_by')
    .selectAll('e')
    .select(['recorder.name as recorded_by_name', 'reviewer.name as reviewed_by_name'])
    .where('e.case_id', '=', caseId)
    .orderBy('e.recorded_at')
    .orderBy('e.id')
    .execute();

export const findException = (db: Executor, caseId: string, id: string) =>
  db
    .selectFrom('confidentiality_exceptions')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();

export const markExceptionReviewed = (
  db: Executor,
  id: string,
  review: { reviewed_at: string; reviewed_by: string; review_note_enc: string },
) => db.updateTable('confidentiality_exceptions').set(review).where('id', '=', id).execute();

/**
 * A program's exceptions: those waiting for review, oldest first, or the latest reviewed; no
 * words, only what the list shows. By the (program_id, recorded_at) index.
 */
export const listProgramExceptions = (
  db: Executor,
  programId: string,
  status: 'waiting' | 'reviewed',
  limit: number,
) => {
  const q = db
    .selectFrom('confidentiality_exceptions')
    .select(['id', 'case_id', 'kind', 'reported_on', 'recorded_at', 'reviewed_at'])
    .where('program_id', '=', programId);
  return (
    status === 'waiting'
      ? q.where('reviewed_at', 'is', null).orderBy('recorded_at').orderBy('id')
      : q.where('reviewed_at', 'is not', null).orderBy('recorded_at', 'desc').orderBy('id', 'desc')
  )
    .limit(limit)
    .execute();
};

export const countWaitingExceptions = async (db: Executor, programId: string) =>
  Number(
    (
      await db
        .selectFrom('confidentiality_exceptions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('program_id', '=', programId)
        .where('reviewed_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Retention's early purge: what was reported and the review note are confidential words. */
export const clearExceptionWords = (db: Executor, caseId: string) =>
  db
    .updateTable('confidentiality_exceptions')
    .set({ summary_enc: null, review_note_enc: null })
    .where('case_id', '=', caseId)
    .execute();
