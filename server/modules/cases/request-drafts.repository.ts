import type { Executor } from '../../db/database.ts';
import type { RequestDraftsTable } from '../../db/tables/cases.ts';

/** A person's unsent request, sealed: read, written over, removed. */
export const findRequestDraft = (db: Executor, userId: string) =>
  db.selectFrom('request_drafts').selectAll().where('user_id', '=', userId).executeTakeFirst();

export async function putRequestDraft(db: Executor, row: RequestDraftsTable): Promise<void> {
  await db
    .insertInto('request_drafts')
    .values(row)
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        sealed: row.sealed,
        master_key_id: row.master_key_id,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function deleteRequestDraft(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('request_drafts').where('user_id', '=', userId).execute();
}

export async function deleteDraftsSavedBefore(db: Executor, before: string): Promise<number> {
  const r = await db.deleteFrom('request_drafts').where('updated_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
