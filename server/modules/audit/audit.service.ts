import {
  CHAIN_VERSION,
  type Checkpoint,
  canonicalJson,
  chainVerifier,
  hashEvent,
} from '../../../domain/audit-chain.ts';
import { loadConfig } from '../../config.ts';
import type { Executor, Tx } from '../../db/database.ts';
import { iso } from '../../infra/clock.ts';
import { deriveKey } from '../../infra/crypto.ts';
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

let processKey: Buffer | undefined;

/** The audit chain's key for an APP_SECRET. */
export const auditKeyOf = (appSecret: string): Buffer => deriveKey(appSecret, 'audit-chain');

/**
 * The key this process writes and checks the chain with. buildApp sets it from its configuration
 * (a process serves one APP_SECRET); a command-line script derives it from its environment.
 */
export function setAuditSecret(appSecret: string): void {
  processKey = auditKeyOf(appSecret);
}

export function auditKey(): Buffer {
  processKey ??= auditKeyOf(loadConfig().appSecret);
  return processKey;
}

/** Appends one event to the chain inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const head = await repo.lockHead(tx);
  const event = {
    chain_version: CHAIN_VERSION,
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
  await repo.insertEvent(tx, { ...event, hash: hashEvent(event, auditKey())! });
}

export type VerifyResult = { ok: true; events: number } | { ok: false; brokenAt: number; reason: string };

/**
 * Re-computes the whole chain, streaming, and names the first row that does not fit; with
 * checkpoints (audit/checkpoints.ts), the chain must also pass through each of them.
 */
export async function verifyAuditTrail(
  db: Executor,
  options: { key?: Buffer; checkpoints?: readonly Checkpoint[] } = {},
): Promise<VerifyResult> {
  const head = await repo.readHead(db);
  const verifier = chainVerifier(options.key ?? auditKey(), options.checkpoints);
  let count = 0;
  for await (const row of repo.streamEvents(db)) {
    const broken = verifier.next(row);
    if (broken) return { ok: false, brokenAt: broken.seq, reason: broken.reason };
    count += 1;
  }
  const broken = verifier.end(head);
  return broken ? { ok: false, brokenAt: broken.seq, reason: broken.reason } : { ok: true, events: count };
}

/** Head of the chain as it stands, for a checkpoint. */
export const auditHead = (db: Executor) => repo.readHead(db);

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

/** What a person did, as the audit trail records it: when, what kind, on which case (their data export). */
export const auditEventsBy = (db: Executor, userId: string) => repo.listEventsBy(db, userId);
