import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { markOutboxAttemptFailed, newestOutboxRows } from '../../db/outbox.ts';
import type { MobileNumbersTable, OutboxTextsTable, TextStatus } from '../../db/tables/sms.ts';

// Mobile numbers and the text outbox. Decides nothing.

export type MobileRow = Selectable<MobileNumbersTable>;
export type TextRow = Selectable<OutboxTextsTable>;

export const findMobile = (db: Executor, userId: string) =>
  db.selectFrom('mobile_numbers').selectAll().where('user_id', '=', userId).executeTakeFirst();

export async function upsertMobile(
  db: Executor,
  row: Omit<MobileRow, 'code_attempts' | 'opted_in'> & { opted_in: 0 | 1 },
) {
  const { user_id, ...rest } = row;
  await db
    .insertInto('mobile_numbers')
    .values({ ...row, code_attempts: 0 })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...rest, code_attempts: 0 }))
    .execute();
}

export async function updateMobile(
  db: Executor,
  userId: string,
  change: Partial<Omit<MobileRow, 'user_id'>>,
) {
  await db.updateTable('mobile_numbers').set(change).where('user_id', '=', userId).execute();
}

export async function deleteMobile(db: Executor, userId: string) {
  await db.deleteFrom('mobile_numbers').where('user_id', '=', userId).execute();
}

/** The accounts on a phone that have not already stopped texts. */
export const findOptedInByPhone = (db: Executor, phone: string) =>
  db
    .selectFrom('mobile_numbers')
    .selectAll()
    .where('phone', '=', phone)
    .where('stopped_at', 'is', null)
    .execute();

export async function stopPhone(db: Executor, phone: string, at: string) {
  await db
    .updateTable('mobile_numbers')
    .set({ opted_in: 0, stopped_at: at, updated_at: at })
    .where('phone', '=', phone)
    .where('stopped_at', 'is', null)
    .execute();
}

export const phoneStopped = async (db: Executor, phone: string) =>
  !!(await db
    .selectFrom('mobile_numbers')
    .select('user_id')
    .where('phone', '=', phone)
    .where('stopped_at', 'is not', null)
    .executeTakeFirst());

export async function insertText(db: Executor, row: Omit<TextRow, 'attempts'>) {
  await db.insertInto('outbox_texts').values(row).execute();
}

export const findText = (db: Executor, id: string) =>
  db.selectFrom('outbox_texts').selectAll().where('id', '=', id).executeTakeFirst();

export async function markTextSent(db: Executor, id: string, at: string, providerId: string | null) {
  await db
    .updateTable('outbox_texts')
    .set((eb) => ({
      status: 'sent' as const,
      sent_at: at,
      provider_id: providerId,
      attempts: eb('attempts', '+', 1),
      last_error: null,
    }))
    .where('id', '=', id)
    .execute();
}

export const markTextAttemptFailed = (db: Executor, id: string, error: string, final: boolean) =>
  markOutboxAttemptFailed(db, 'outbox_texts', id, error, final);

export async function setTextStatus(db: Executor, id: string, status: TextStatus) {
  await db.updateTable('outbox_texts').set({ status }).where('id', '=', id).execute();
}

export function listTexts(db: Executor, filter: { to?: string; limit: number }) {
  let q = newestOutboxRows(db, 'outbox_texts', filter.limit);
  if (filter.to) q = q.where('to_phone', '=', filter.to);
  return q.execute();
}

export const listTextsTo = (db: Executor, userId: string) =>
  db.selectFrom('outbox_texts').selectAll().where('to_user_id', '=', userId).orderBy('created_at').execute();

/** Removes a person's number and every text to them (their account's deletion); returns how many texts went. */
export async function deleteAllOf(db: Executor, userId: string): Promise<number> {
  await db.deleteFrom('mobile_numbers').where('user_id', '=', userId).execute();
  return Number(
    (await db.deleteFrom('outbox_texts').where('to_user_id', '=', userId).executeTakeFirst()).numDeletedRows,
  );
}
