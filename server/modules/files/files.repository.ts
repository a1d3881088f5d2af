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
