import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';
import { markOutboxAttemptFailed, newestOutboxRows } from '../../db/outbox.ts';
import type { OutboxEmailsTable } from '../../db/schema.ts';
import type { MailAttachment } from '../../infra/mailer.ts';

// The outbox: every message Parley sends, with its attachments. Decides nothing.

const attachments = jsonColumn(
  'outbox_emails',
  'attachments',
  z.array(
    z.object({
      filename: z.string(),
      contentType: z.string(),
      content: z.string(),
      encoding: z.enum(['base64', 'utf8']).optional(),
    }),
  ) satisfies z.ZodType<MailAttachment[]>,
);

export type OutboxRow = Omit<Selectable<OutboxEmailsTable>, 'attachments'> & {
  attachments: MailAttachment[];
};
const toRow = (row: Selectable<OutboxEmailsTable>): OutboxRow => ({
  ...row,
  attachments: attachments.read(row.attachments),
});

export async function insertEmail(db: Executor, row: Omit<OutboxRow, 'attempts' | 'last_error' | 'sent_at'>) {
  await db
    .insertInto('outbox_emails')
    .values({ ...row, attachments: attachments.write(row.attachments), last_error: null, sent_at: null })
    .execute();
}

export async function findEmail(db: Executor, id: string): Promise<OutboxRow | undefined> {
  const row = await db.selectFrom('outbox_emails').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

/** Marks an e-mail sent, keeping the words given (its live links taken out). */
export async function markSent(
  db: Executor,
  id: string,
  at: string,
  kept: { text_body: string; html_body: string | null },
) {
  await db
    .updateTable('outbox_emails')
    .set((eb) => ({
      status: 'sent',
      sent_at: at,
      attempts: eb('attempts', '+', 1),
      last_error: null,
      text_body: kept.text_body,
      html_body: kept.html_body,
    }))
    .where('id', '=', id)
    .execute();
}

/** Removes e-mails sent before `before` (retention); returns how many went. */
export const deleteSentBefore = async (db: Executor, before: string) =>
  Number(
    (
      await db
        .deleteFrom('outbox_emails')
        .where('status', '=', 'sent')
        .where('sent_at', '<', before)
        .executeTakeFirst()
    ).numDeletedRows,
  );

export const markAttemptFailed = (db: Executor, id: string, error: string, final: boolean) =>
  markOutboxAttemptFailed(db, 'outbox_emails', id, error, final);

export type MailboxFilter = { to?: string; caseId?: string; limit: number; before?: string };

export async function listEmails(db: Executor, filter: MailboxFilter): Promise<OutboxRow[]> {
  let q = newestOutboxRows(db, 'outbox_emails', filter.limit);
  if (filter.to) q = q.where('to_address', '=', filter.to.toLowerCase());
  if (filter.caseId) q = q.where('case_id', '=', filter.caseId);
  if (filter.before) q = q.where('created_at', '<', filter.before);
  return (await q.execute()).map(toRow);
}

/** Removes every e-mail about a case, sent or not (retention); returns how many went. */
export const deleteCaseEmails = async (db: Executor, caseId: string) =>
  Number(
    (await db.deleteFrom('outbox_emails').where('case_id', '=', caseId).executeTakeFirst()).numDeletedRows,
  );

/** Every e-mail Parley wrote to a person, by account or address (their data export). */
export async function listEmailsTo(db: Executor, userId: string, address: string): Promise<OutboxRow[]> {
  return (
    await db
      .selectFrom('outbox_emails')
      .selectAll()
      .where((eb) => eb.or([eb('to_user_id', '=', userId), eb('to_address', '=', address.toLowerCase())]))
      .orderBy('created_at')
      .execute()
  ).map(toRow);
}

/** Removes every e-mail to a person, by account or address (their account's deletion). */
export const deleteEmailsTo = async (db: Executor, userId: string, address: string) =>
  Number(
    (
      await db
        .deleteFrom('outbox_emails')
        .where((eb) => eb.or([eb('to_user_id', '=', userId), eb('to_address', '=', address.toLowerCase())]))
        .executeTakeFirst()
    ).numDeletedRows,
  );
