import type { Executor } from '../../db/database.ts';
import type { FilesTable } from '../../db/schema.ts';

// The files table: uploaded and generated documents, stored in the database. Decides nothing.

export const insertFile = (db: Executor, row: FilesTable) => db.insertInto('files').values(row).execute();

export const findFile = (db: Executor, id: string) =>
  db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();

/** Name, type, size and fingerprint of some files, never their bytes. */
export const describeFiles = (db: Executor, ids: readonly string[]) =>
  ids.length
    ? db
        .selectFrom('files')
        .select(['id', 'filename', 'content_type', 'size', 'sha256', 'created_at'])
        .where('id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

export const deleteFile = (db: Executor, id: string) => db.deleteFrom('files').where('id', '=', id).execute();

/** Removes every file kept for a case (retention); returns how many went. */
export const deleteCaseFiles = async (db: Executor, caseId: string) =>
  Number((await db.deleteFrom('files').where('case_id', '=', caseId).executeTakeFirst()).numDeletedRows);

/** Files a person uploaded, with their bytes (their data export). */
export const listFilesOwnedBy = (db: Executor, userId: string) =>
  db.selectFrom('files').selectAll().where('owner_id', '=', userId).orderBy('created_at').execute();

/** Removes the files a person uploaded that are not kept for a case (their account's deletion). */
export const deleteLooseFilesOf = async (db: Executor, userId: string, keptPurposes: readonly string[]) => {
  let query = db.deleteFrom('files').where('owner_id', '=', userId).where('case_id', 'is', null);
  if (keptPurposes.length) query = query.where('purpose', 'not in', [...keptPurposes]);
  return Number((await query.executeTakeFirst()).numDeletedRows);
};
