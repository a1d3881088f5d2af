import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { LibraryFormsTable, LibraryFormVersionsTable } from '../../db/tables/association.ts';

export const listForms = (db: Executor) =>
  db
    .selectFrom('library_forms as f')
    .leftJoin('library_form_versions as v', (j) =>
      j.onRef('v.form_id', '=', 'f.id').onRef('v.version', '=', 'f.current_version'),
    )
    .leftJoin('files', 'files.id', 'v.file_id')
    .select([
      'f.id',
      'f.title',
      'f.category',
      'f.description',
      'f.current_version',
      'f.updated_at',
      'v.notes',
      'v.created_at as version_at',
      'files.filename',
      'files.size',
      'files.content_type',
    ])
    .orderBy('f.category')
    .orderBy('f.title')
    .execute();

export const findForm = (db: Executor, id: string) =>
  db.selectFrom('library_forms').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertForm(db: Executor, row: Insertable<LibraryFormsTable>) {
  await db.insertInto('library_forms').values(row).execute();
}

export async function updateForm(db: Executor, id: string, patch: Updateable<LibraryFormsTable>) {
  await db.updateTable('library_forms').set(patch).where('id', '=', id).execute();
}

export async function insertVersion(db: Executor, row: Insertable<LibraryFormVersionsTable>) {
  await db.insertInto('library_form_versions').values(row).execute();
}

export const listVersions = (db: Executor, formId: string) =>
  db
    .selectFrom('library_form_versions as v')
    .innerJoin('files', 'files.id', 'v.file_id')
    .select(['v.id', 'v.version', 'v.notes', 'v.created_at', 'files.filename', 'files.size'])
    .where('v.form_id', '=', formId)
    .orderBy('v.version', 'desc')
    .execute();

export const findVersion = (db: Executor, formId: string, version: number) =>
  db
    .selectFrom('library_form_versions')
    .selectAll()
    .where('form_id', '=', formId)
    .where('version', '=', version)
    .executeTakeFirst();
