import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { afterKeyset, containsText, withinMissouriDays } from '../../db/list-query.ts';
import type { LibraryFormsTable, LibraryFormVersionsTable } from '../../db/tables/association.ts';
import type { Keyset } from '../../http/keyset.ts';

export const listForms = (db: Executor) =>
  db
    .selectFrom('library_forms as f')
    .leftJoin('library_form_versions as v', (j) =>
      j.onRef('v.form_id', '=', 'f.id').onRef('v.version', '=', 'f.current_version'),
    )
    .select([
      'f.id',
      'f.title',
      'f.category',
      'f.description',
      'f.current_version',
      'f.updated_at',
      'v.notes',
      'v.created_at as version_at',
      'v.file_id',
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
    .selectFrom('library_form_versions')
    .select(['id', 'version', 'notes', 'created_at', 'file_id'])
    .where('form_id', '=', formId)
    .orderBy('version', 'desc')
    .execute();

export const findVersion = (db: Executor, formId: string, version: number) =>
  db
    .selectFrom('library_form_versions')
    .selectAll()
    .where('form_id', '=', formId)
    .where('version', '=', version)
    .executeTakeFirst();

export type FormsFilter = { q?: string | undefined; from?: string | undefined; to?: string | undefined };

/** Every form, the latest changed first, in keyset pages by when it last changed, with its count of versions. */
export const listFormsPage = (db: Executor, f: FormsFilter, after: Keyset | null, limit: number) => {
  let q = db
    .selectFrom('library_forms as f')
    .select((eb) => [
      'f.id',
      'f.title',
      'f.category',
      'f.current_version',
      'f.updated_at',
      eb
        .selectFrom('library_form_versions as v')
        .select((v) => v.fn.countAll<number>().as('n'))
        .whereRef('v.form_id', '=', 'f.id')
        .as('versions'),
    ])
    .where(withinMissouriDays('f.updated_at', f.from, f.to))
    .orderBy('f.updated_at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(limit);
  if (f.q) q = q.where(containsText(f.q, ['f.title', 'f.category', 'f.description']));
  if (after) q = q.where(afterKeyset(after, 'f.updated_at', 'f.id', 'desc'));
  return q.execute();
};
