import { createHash } from 'node:crypto';

/**
 * The audit trail is a hash chain: every event's hash covers its own canonical content and the
 * hash of the event before it, so editing, deleting or reordering any row breaks the chain at
 * that row. These functions are the whole rule; the database only stores their results.
 */
export type ChainedEvent = {
  seq: number;
  id: string;
  occurred_at: string;
  kind: string;
  actor_id: string | null;
  program_id: string | null;
  case_id: string | null;
  subject_type: string;
  subject_id: string | null;
  data: string;
  ip: string | null;
  prev_hash: string;
};

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 over the event's canonical content, which includes the previous hash and the sequence. */
export function hashEvent(event: ChainedEvent): string {
  const content = canonicalJson({
    seq: event.seq,
    id: event.id,
    occurred_at: event.occurred_at,
    kind: event.kind,
    actor_id: event.actor_id,
    program_id: event.program_id,
    case_id: event.case_id,
    subject_type: event.subject_type,
    subject_id: event.subject_id,
    data: event.data,
    ip: event.ip,
    prev_hash: event.prev_hash,
  });
  return createHash('sha256').update(content).digest('hex');
}

export type ChainBreak = { seq: number; reason: string };

/**
 * Checks events one at a time in stored order and reports the first row that does not fit: a
 * gap in the sequence (a deleted row), a previous-hash mismatch (a row removed or moved), or a
 * hash that no longer matches the content (an edited row). `end` compares with the chain head
 * the writer recorded, which catches deletion of the newest rows.
 */
export function chainVerifier() {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  return {
    next(event: ChainedEvent & { hash: string }): ChainBreak | null {
      if (event.seq > expectedSeq) {
        return { seq: expectedSeq, reason: `event ${expectedSeq} is missing: it was deleted` };
      }
      if (event.seq !== expectedSeq) {
        return { seq: event.seq, reason: `event ${event.seq} is out of order` };
      }
      if (event.prev_hash !== prevHash) {
        return { seq: event.seq, reason: 'does not follow the event before it (a row was removed or moved)' };
      }
      if (hashEvent(event) !== event.hash) {
        return { seq: event.seq, reason: 'its content no longer matches its hash (the row was edited)' };
      }
      prevHash = event.hash;
      expectedSeq += 1;
      return null;
    },
    end(head?: { seq: number; hash: string }): ChainBreak | null {
      if (head && (head.seq !== expectedSeq - 1 || head.hash !== prevHash)) {
        return {
          seq: expectedSeq,
          reason: `event ${expectedSeq} is missing: the chain should end at event ${head.seq}`,
        };
      }
      return null;
    },
  };
}

/** Verifies a whole chain held in memory; see chainVerifier. */
export function verifyChain(
  events: Iterable<ChainedEvent & { hash: string }>,
  head?: { seq: number; hash: string },
): ChainBreak | null {
  const verifier = chainVerifier();
  for (const event of events) {
    const broken = verifier.next(event);
    if (broken) return broken;
  }
  return verifier.end(head);
}
