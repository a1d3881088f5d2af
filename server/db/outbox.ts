import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { Executor } from './database.ts';
import type { Database } from './schema.ts';

/**
 * The two outboxes, e-mail (the mail area's `outbox_emails`) and text messages (the sms area's
 * `outbox_texts`), keep delivery the same way: a job sends each row, counting its attempts. Each
 * area's repository calls this for its own table.
 */
export type OutboxTable = 'outbox_emails' | 'outbox_texts';

/** Counts a failed attempt to send a row, keeping the error; the last attempt allowed fails it for good. */
export async function markOutboxAttemptFailed(
  db: Executor,
  table: OutboxTable,
  id: string,
  error: string,
  final: boolean,
) {
  await db
    .updateTable(table)
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: error,
      ...(final ? { status: 'failed' as const } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

/** An outbox's rows, newest first (the demo mailbox and text outbox pages); the caller narrows it. */
export function newestOutboxRows(
  db: Executor,
  table: 'outbox_emails',
  limit: number,
): NewestRows<'outbox_emails'>;
export function newestOutboxRows(
  db: Executor,
  table: 'outbox_texts',
  limit: number,
): NewestRows<'outbox_texts'>;
export function newestOutboxRows(db: Executor, table: OutboxTable, limit: number): NewestRows<OutboxTable> {
  return db.selectFrom(table).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit);
}
type NewestRows<T extends OutboxTable> = SelectQueryBuilder<Database, T, Selectable<Database[T]>>;
