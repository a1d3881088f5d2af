import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The audit trail is a keyed hash chain: every event's hash covers its own canonical content and
 * the hash of the event before it, so editing, deleting or reordering any row breaks the chain at
 * that row. These functions are the whole rule; the database only stores their results.
 *
 * Each row says how its hash was made (`chain_version`):
 *   1  SHA-256 of the content, unkeyed: the rows written before the chain was keyed. They still
 *      verify as they are, but anyone can recompute them.
 *   2  HMAC-SHA-256 of the content (which includes the version) under the audit key, derived from
 *      APP_SECRET: without the key nobody can make a row that verifies.
 * Once a version-2 row appears, a version-1 row after it is a rewrite and breaks the chain. The
 * first version-2 row's MAC covers the last version-1 row's hash, so the old rows are fixed too.
 *
 * A checkpoint (events, hash, time, signed with the same key) is a copy of the head kept outside
 * the database: the chain must still pass through it, so removing the newest rows and moving the
 * head back, or rewriting the whole chain, is caught.
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
  /** 1 unkeyed (older rows), 2 keyed; absent means 1. */
  chain_version?: number;
};

export const GENESIS_HASH = '0'.repeat(64);
/** The version every new row is written with. */
export const CHAIN_VERSION = 2;

/** JSON with keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function content(event: ChainedEvent, version: number): string {
  return canonicalJson({
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
    // Version 1 rows were hashed without it; from version 2 the version is covered too.
    chain_version: version === 1 ? undefined : version,
  });
}

/**
 * The event's hash as its version makes it: version 1 unkeyed SHA-256, version 2 HMAC-SHA-256
 * under `key`. Returns null for a version this code does not know.
 */
export function hashEvent(event: ChainedEvent, key: Uint8Array): string | null {
  const version = event.chain_version ?? 1;
  if (version === 1) return createHash('sha256').update(content(event, 1)).digest('hex');
  if (version === 2) return createHmac('sha256', key).update(content(event, 2)).digest('hex');
  return null;
}

const sameHex = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * A copy of the chain's head kept outside the database. `restored` marks the head a restore put
 * back: the checkpoints before it described the database the restore replaced.
 */
export type Checkpoint = { events: number; hash: string; at: string; restored?: boolean };
export type SignedCheckpoint = Checkpoint & { mac: string };

const checkpointContent = (c: Checkpoint) =>
  canonicalJson({ events: c.events, hash: c.hash, at: c.at, restored: c.restored ? true : undefined });

export function signCheckpoint(c: Checkpoint, key: Uint8Array): SignedCheckpoint {
  return {
    events: c.events,
    hash: c.hash,
    at: c.at,
    ...(c.restored ? { restored: true } : {}),
    mac: createHmac('sha256', key)
      .update(`checkpoint:${checkpointContent(c)}`)
      .digest('hex'),
  };
}

/** Of checkpoints in the order they were written, the ones that still apply: from the last restore on. */
export function checkpointsInForce<C extends Checkpoint>(written: readonly C[]): C[] {
  let from = 0;
  written.forEach((c, i) => {
    if (c.restored) from = i;
  });
  return written.slice(from);
}

/** Whether the checkpoint was signed with this key (a forged or altered one is not). */
export const checkpointSigned = (c: SignedCheckpoint, key: Uint8Array): boolean =>
  sameHex(signCheckpoint(c, key).mac, c.mac);

export type ChainBreak = { seq: number; reason: string };

/**
 * Checks events one at a time in stored order and reports the first row that does not fit: a
 * gap in the sequence (a deleted row), a previous-hash mismatch (a row removed or moved), a hash
 * that no longer matches the content (an edited row), an unkeyed row after keyed ones (a
 * rewrite), or a row where a checkpoint saw another hash. `end` compares with the head the
 * writer recorded and with the checkpoints, which catches removal of the newest rows.
 */
export function chainVerifier(key: Uint8Array, checkpoints: readonly Checkpoint[] = []) {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let keyed = false;
  const seen = new Map<number, Checkpoint>();
  for (const c of checkpoints) if (c.events > 0) seen.set(c.events, c);
  const furthest = checkpoints.reduce<Checkpoint | null>(
    (best, c) => (!best || c.events > best.events ? c : best),
    null,
  );
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
      const version = event.chain_version ?? 1;
      if (version === 1 && keyed) {
        return {
          seq: event.seq,
          reason: 'it carries an unkeyed hash after keyed ones: the chain was rewritten from here',
        };
      }
      const hash = hashEvent(event, key);
      if (hash === null) {
        return { seq: event.seq, reason: `its chain version ${version} is not one Parley writes` };
      }
      if (!sameHex(hash, event.hash)) {
        return {
          seq: event.seq,
          reason:
            version === 1
              ? 'its content no longer matches its hash (the row was edited)'
              : 'its content no longer matches its keyed hash (the row was edited, or APP_SECRET is not the one that wrote it)',
        };
      }
      const checkpoint = seen.get(event.seq);
      if (checkpoint && checkpoint.hash !== event.hash) {
        return {
          seq: event.seq,
          reason: `the checkpoint of ${checkpoint.at} saw another hash here: the trail was rewritten`,
        };
      }
      keyed ||= version !== 1;
      prevHash = event.hash;
      expectedSeq += 1;
      return null;
    },
    end(head?: { seq: number; hash: string }): ChainBreak | null {
      const count = expectedSeq - 1;
      if (furthest && furthest.events > count) {
        return {
          seq: expectedSeq,
          reason: `event ${expectedSeq} is missing: the checkpoint of ${furthest.at} saw ${furthest.events} events and the trail holds ${count} (the newest were removed)`,
        };
      }
      if (head && (head.seq !== count || head.hash !== prevHash)) {
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
  key: Uint8Array,
  head?: { seq: number; hash: string },
  checkpoints: readonly Checkpoint[] = [],
): ChainBreak | null {
  const verifier = chainVerifier(key, checkpoints);
  for (const event of events) {
    const broken = verifier.next(event);
    if (broken) return broken;
  }
  return verifier.end(head);
}
