import type { Executor } from '../../db/database.ts';

// Each party's preparation (sealed under the case's key) and the mediator's note on it. Decides nothing.

export const findPreparation = (db: Executor, caseId: string, participantId: string) =>
  db
    .selectFrom('case_preparations')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();

export type PreparationPatch = { answers_enc?: string; mediator_note_enc?: string; submitted_at?: string };

export async function upsertPreparation(
  db: Executor,
  key: { id: string; caseId: string; participantId: string },
  patch: PreparationPatch,
  now: string,
) {
  const existing = await findPreparation(db, key.caseId, key.participantId);
  if (existing) {
    await db
      .updateTable('case_preparations')
      .set({ ...patch, updated_at: now })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await db
      .insertInto('case_preparations')
      .values({
        id: key.id,
        case_id: key.caseId,
        participant_id: key.participantId,
        answers_enc: null,
        mediator_note_enc: null,
        submitted_at: null,
        ...patch,
        updated_at: now,
      })
      .execute();
  }
}

/** Removes every party's preparation on a case, with the mediator's notes on it (retention). */
export const deleteCasePreparations = async (db: Executor, caseId: string) =>
  Number(
    (await db.deleteFrom('case_preparations').where('case_id', '=', caseId).executeTakeFirst())
      .numDeletedRows,
  );

/** Removes one party's preparation on a case (their account's deletion). */
export const deletePreparationOf = async (db: Executor, caseId: string, participantId: string) =>
  Number(
    (
      await db
        .deleteFrom('case_preparations')
        .where('case_id', '=', caseId)
        .where('participant_id', '=', participantId)
        .executeTakeFirst()
    ).numDeletedRows,
  );
