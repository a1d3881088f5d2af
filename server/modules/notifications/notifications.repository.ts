import type { Selectable } from 'kysely';
import type { NotificationKind } from '../../../domain/notifications.ts';
import type { Executor } from '../../db/database.ts';
import type { NotificationPreferencesTable, NotificationsTable } from '../../db/tables/notifications.ts';

// Notifications and each person's choices per kind. Decides nothing.

export type NotificationRow = Selectable<NotificationsTable>;
export type PreferenceRow = Selectable<NotificationPreferencesTable>;

export async function insertNotification(db: Executor, row: NotificationRow) {
  await db.insertInto('notifications').values(row).execute();
}

export const listForUser = (db: Executor, userId: string, limit: number) =>
  db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export const findOwn = (db: Executor, userId: string, id: string) =>
  db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export async function markRead(db: Executor, userId: string, id: string, at: string) {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

export async function markAllRead(db: Executor, userId: string, at: string) {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

export const listPreferences = (db: Executor, userId: string) =>
  db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).execute();

export const findPreference = (db: Executor, userId: string, kind: NotificationKind) =>
  db
    .selectFrom('notification_preferences')
    .selectAll()
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .executeTakeFirst();

export async function upsertPreference(db: Executor, row: PreferenceRow) {
  await db
    .insertInto('notification_preferences')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['user_id', 'kind']).doUpdateSet({ channel: row.channel, updated_at: row.updated_at }),
    )
    .execute();
}

/** The people with notifications waiting for their digest. */
export async function usersWithDigestPending(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('notifications')
    .select('user_id')
    .distinct()
    .where('digest_pending', '=', 1)
    .execute();
  return rows.map((r) => r.user_id);
}

export const listDigestPending = (db: Executor, userId: string) =>
  db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .where('digest_pending', '=', 1)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export async function clearDigestPending(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ digest_pending: 0 })
    .where('id', 'in', [...ids])
    .execute();
}

/** Every notification a person has (their data export). */
export const listAllForUser = (db: Executor, userId: string) =>
  db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();

/** Removes a person's notifications and choices (their account's deletion); returns how many went. */
export async function deleteAllOf(db: Executor, userId: string): Promise<number> {
  await db.deleteFrom('notification_preferences').where('user_id', '=', userId).execute();
  return Number(
    (await db.deleteFrom('notifications').where('user_id', '=', userId).executeTakeFirst()).numDeletedRows,
  );
}
