import { canonicalJson, chainVerifier, hashEvent } from '../../../domain/audit-chain.ts';
import type { Executor, Tx } from '../../db/database.ts';
import { iso } from '../../infra/clock.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import type { AuditKind } from './audit.kinds.ts';
import * as repo from './audit.repository.ts';

export type AuditInput = {
  kind: AuditKind;
  at: Date;
  actorId?: string | null;
  programId?: string | null;
  caseId?: string | null;
  subjectType: string;
  subjectId?: string | null;
  /**
   * Ids, names of fields changed, states: never the words of a confidential record. The trail
   * says that a caucus note was read, not what it says.
   */
  data?: Record<string, unknown>;
  ip?: string | null;
};

/** Appends one event to the chain inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const head = await repo.lockHead(tx);
  const event = {
    seq: head.seq + 1,
    id: newId(),
    occurred_at: iso(input.at),
    kind: input.kind,
    actor_id: input.actorId ?? null,
    program_id: input.programId ?? null,
    case_id: input.caseId ?? null,
    subject_type: input.subjectType,
    subject_id: input.subjectId ?? null,
    data: canonicalJson(input.data ?? {}),
    ip: input.ip ?? null,
    prev_hash: head.hash,
  };
  await repo.insertEvent(tx, { ...event, hash: hashEvent(event) });
}

export type VerifyResult = { ok: true; events: number } | { ok: false; brokenAt: number; reason: string };

/** Re-computes the whole chain, streaming, and names the first row that does not fit. */
export async function verifyAuditTrail(db: Executor): Promise<VerifyResult> {
  const head = await repo.readHead(db);
  const verifier = chainVerifier();
  let count = 0;
  for await (const row of repo.streamEvents(db)) {
    const broken = verifier.next(row);
    if (broken) return { ok: false, brokenAt: broken.seq, reason: broken.reason };
    count += 1;
  }
  const broken = verifier.end(head);
  return broken ? { ok: false, brokenAt: broken.seq, reason: broken.reason } : { ok: true, events: count };
}

export async function verifyAuditTrailAs(db: Executor, actor: Actor | null): Promise<VerifyResult> {
  authorize(actor, 'audit:verify');
  return verifyAuditTrail(db);
}

/** Audit events newest first: all of them for administrators, one program's for its coordinators. */
export async function listAuditEvents(
  db: Executor,
  actor: Actor | null,
  query: { programId?: string | undefined; before?: number | undefined; limit: number },
) {
  const { programId, before, limit } = query;
  if (programId) authorize(actor, 'audit:read', { programId });
  else authorize(actor, 'audit:verify');
  const rows = await repo.listEvents(db, {
    ...(programId ? { programId } : {}),
    ...(before ? { before } : {}),
    limit,
  });
  return {
    events: rows.map((r) => ({
      seq: r.seq,
      occurredAt: r.occurred_at,
      kind: r.kind,
      actorId: r.actor_id,
      programId: r.program_id,
      caseId: r.case_id,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      data: r.data,
    })),
    nextBefore: rows.length === limit ? rows[rows.length - 1]!.seq : null,
  };
}

/**
 * A case's trail entries of some kinds (the enforcement packet lists compliance's): when, what and
 * the entry's hash, never its data.
 */
export const caseTrail = (
  db: Executor,
  caseId: string,
  filter: { prefix: string; kinds: readonly AuditKind[] },
) => repo.listCaseEntries(db, caseId, filter.prefix, filter.kinds);
