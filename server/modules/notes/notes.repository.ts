import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { CaseNotesTable } from '../../db/tables/cases-part-2.ts';

// The mediator's notes: their words sealed under the case's key (the keys area's). Decides nothing.

export const listNotes = (db: Executor, caseId: string) =>
  db.selectFrom('case_notes').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();

export const findNote = (db: Executor, caseId: string, noteId: string) =>
  db
    .selectFrom('case_notes')
    .select('id')
    .where('case_id', '=', caseId)
    .where('id', '=', noteId)
    .executeTakeFirst();

export const insertNote = (db: Executor, row: Insertable<CaseNotesTable>) =>
  db.insertInto('case_notes').values(row).execute();

export const updateNoteBody = (db: Executor, noteId: string, bodyEnc: string, at: string) =>
  db.updateTable('case_notes').set({ body_enc: bodyEnc, updated_at: at }).where('id', '=', noteId).execute();

/** Removes every note of a case (retention); returns how many went. */
export const deleteCaseNotes = async (db: Executor, caseId: string) =>
  Number((await db.deleteFrom('case_notes').where('case_id', '=', caseId).executeTakeFirst()).numDeletedRows);
