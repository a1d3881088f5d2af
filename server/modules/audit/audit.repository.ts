import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { ChainedEvent } from '../../../domain/audit-chain.ts';
import { dialectOf, type Executor, type Tx } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';
import type { AuditEventsTable } from '../../db/schema.ts';

/** An event's data: ids, states and field names (canonical JSON, which the hash covers). */
const eventData = jsonColumn('audit_events', 'data', z.record(z.string(), z.unknown()));

export type AuditRow = Selectable<AuditEventsTable>;

/** Locks and returns the chain head; on PostgreSQL concurrent writers queue here. */
export async function lockHead(tx: Tx): Promise<{ seq: number; hash: string }> {
  const query = tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  return dialectOf(tx) === 'postgres'
    ? query.forUpdate().executeTakeFirstOrThrow()
    : query.executeTakeFirstOrThrow();
}

export async function insertEvent(
  tx: Tx,
  event: ChainedEvent & { hash: string; chain_version: number },
): Promise<void> {
  await tx.insertInto('audit_events').values(event).execute();
  await tx.updateTable('audit_head').set({ seq: event.seq, hash: event.hash }).where('id', '=', 1).execute();
}

export async function readHead(db: Executor): Promise<{ seq: number; hash: string }> {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Reads the chain in pages, in the order it was written. */
export async function* streamEvents(db: Executor, pageSize = 2000): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.seq;
  }
}

export type EventFilter = {
  caseId?: string;
  programId?: string;
  subjectId?: string;
  before?: number;
  limit: number;
};

/** Events newest first, their data read (the chain's verifier reads the stored text instead). */
export async function listEvents(db: Executor, filter: EventFilter) {
  let q = db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(filter.limit);
  if (filter.caseId) q = q.where('case_id', '=', filter.caseId);
  if (filter.programId) q = q.where('program_id', '=', filter.programId);
  if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
  if (filter.before) q = q.where('seq', '<', filter.before);
  return (await q.execute()).map((r) => ({ ...r, data: eventData.read(r.data) }));
}

/** A case's entries whose kind starts with `prefix` or is one of `kinds`: seq, time, kind and hash only. */
export const listCaseEntries = (db: Executor, caseId: string, prefix: string, kinds: readonly string[]) =>
  db
    .selectFrom('audit_events')
    .select(['seq', 'occurred_at', 'kind', 'hash'])
    .where('case_id', '=', caseId)
    .where((eb) =>
      eb.or([eb('kind', 'like', `${prefix}%`), ...(kinds.length ? [eb('kind', 'in', [...kinds])] : [])]),
    )
    .orderBy('seq')
    .execute();

/** What a person did, as the audit trail records it (their data export). */
export const listEventsBy = (db: Executor, userId: string) =>
  db
    .selectFrom('audit_events')
    .select(['occurred_at', 'kind', 'case_id', 'program_id', 'subject_type', 'ip'])
    .where('actor_id', '=', userId)
    .orderBy('seq')
    .execute();
