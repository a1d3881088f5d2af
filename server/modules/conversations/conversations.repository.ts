import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { Thread } from '../../../domain/case-talk.ts';
import type { Executor } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';
import type { CaseMessagesTable } from '../../db/tables/talk.ts';

// A case's messages (their words sealed under the case's key) and the conversations the mediator
// opened. Decides nothing.

const documentIds = jsonColumn('case_messages', 'document_ids', z.array(z.string()));

export const listMessages = async (db: Executor, caseId: string, threads: readonly Thread[]) =>
  threads.length
    ? (
        await db
          .selectFrom('case_messages')
          .leftJoin('users', 'users.id', 'case_messages.author_id')
          .select([
            'case_messages.id',
            'case_messages.thread',
            'case_messages.author_id',
            'case_messages.body_enc',
            'case_messages.document_ids',
            'case_messages.created_at',
            'users.name as author_name',
          ])
          .where('case_messages.case_id', '=', caseId)
          .where('case_messages.thread', 'in', [...threads])
          .orderBy('case_messages.created_at')
          .orderBy('case_messages.id')
          .execute()
      ).map((r) => ({ ...r, document_ids: documentIds.read(r.document_ids) }))
    : [];

export const insertMessage = (
  db: Executor,
  row: Omit<Insertable<CaseMessagesTable>, 'document_ids'> & { document_ids: string[] },
) =>
  db
    .insertInto('case_messages')
    .values({ ...row, document_ids: documentIds.write(row.document_ids) })
    .execute();

export const openedThreads = async (db: Executor, caseId: string) =>
  (await db.selectFrom('case_threads').select('thread').where('case_id', '=', caseId).execute()).map(
    (r) => r.thread,
  );

export const openThread = (
  db: Executor,
  row: { case_id: string; thread: Thread; opened_by: string; opened_at: string },
) =>
  db
    .insertInto('case_threads')
    .values(row)
    .onConflict((oc) => oc.columns(['case_id', 'thread']).doNothing())
    .execute();

/** A person's own messages, on every case (their data export). */
export const messagesBy = (db: Executor, userId: string) =>
  db
    .selectFrom('case_messages')
    .select(['id', 'case_id', 'thread', 'body_enc', 'created_at'])
    .where('author_id', '=', userId)
    .orderBy('created_at')
    .execute();

/** Removes a case's messages and opened conversations (retention); returns how many messages went. */
export async function deleteCaseMessages(db: Executor, caseId: string) {
  await db.deleteFrom('case_threads').where('case_id', '=', caseId).execute();
  return Number(
    (await db.deleteFrom('case_messages').where('case_id', '=', caseId).executeTakeFirst()).numDeletedRows,
  );
}
