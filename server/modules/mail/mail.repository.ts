import type { Executor } from '../../db/database.ts';
import type { OutboxEmailsTable } from '../../db/schema.ts';

export type OutboxRow = Omit<OutboxEmailsTable, 'attachments' | 'attempts'> & {
  attachments: string;
  attempts: number;
};

export async function insertEmail(db: Executor, row: Omit<OutboxRow, 'attempts' | 'last_error' | 'sent_at'>) {
  await db
    .insertInto('outbox_emails')
    .values({ ...row, last_error: null, sent_at: null })
    .execute();
}

export async function findEmail(db: Executor, id: string): Promise<OutboxRow | undefined> {
  return (await db.selectFrom('outbox_emails').selectAll().where('id', '=', id).executeTakeFirst()) as
    | OutboxRow
    | undefined;
}

export async function markSent(db: Executor, id: string, at: string) {
  await db
    .updateTable('outbox_emails')
    .set((eb) => ({ status: 'sent', sent_at: at, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('id', '=', id)
    .execute();
}

export async function markAttemptFailed(db: Executor, id: string, error: string, final: boolean) {
  await db
    .updateTable('outbox_emails')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: error,
      ...(final ? { status: 'failed' as const } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

export type MailboxFilter = { to?: string; caseId?: string; limit: number; before?: string };

export async function listEmails(db: Executor, filter: MailboxFilter): Promise<OutboxRow[]> {
  let q = db
    .selectFrom('outbox_emails')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.to) q = q.where('to_address', '=', filter.to.toLowerCase());
  if (filter.caseId) q = q.where('case_id', '=', filter.caseId);
  if (filter.before) q = q.where('created_at', '<', filter.before);
  return (await q.execute()) as OutboxRow[];
}
