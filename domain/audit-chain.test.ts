import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChainedEvent,
  canonicalJson,
  checkpointSigned,
  GENESIS_HASH,
  hashEvent,
  signCheckpoint,
  verifyChain,
} from './audit-chain.ts';

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);

/** A chain of n events: the first `unkeyed` of them in the old unkeyed form, the rest keyed. */
function chain(n: number, { unkeyed = 0, key = KEY }: { unkeyed?: number; key?: Buffer } = {}) {
  const events: (ChainedEvent & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const e: ChainedEvent = {
      seq,
      id: `id-${seq}`,
      occurred_at: `2026-01-01T00:00:${String(seq % 60).padStart(2, '0')}.000Z`,
      kind: 'case.created',
      actor_id: 'u1',
      program_id: null,
      case_id: 'c1',
      subject_type: 'case',
      subject_id: 'c1',
      data: canonicalJson({ n: seq }),
      ip: null,
      prev_hash: prev,
      chain_version: seq <= unkeyed ? 1 : 2,
    };
    const hash = hashEvent(e, key)!;
    events.push({ ...e, hash });
    prev = hash;
  }
  return { events, head: { seq: n, hash: prev } };
}

describe('audit chain', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });

  it('verifies an untouched chain', () => {
    const { events, head } = chain(5);
    expect(verifyChain(events, KEY, head)).toBeNull();
  });

  it('names the row whose content was edited, whichever it is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (target) => {
        const { events, head } = chain(8);
        events[target - 1] = { ...events[target - 1]!, data: canonicalJson({ n: 'tampered' }) };
        expect(verifyChain(events, KEY, head)?.seq).toBe(target);
      }),
    );
  });

  it('names a deleted row, including the newest', () => {
    const { events, head } = chain(6);
    expect(
      verifyChain(
        events.filter((e) => e.seq !== 3),
        KEY,
        head,
      ),
    ).toMatchObject({ seq: 3 });
    expect(verifyChain(events.slice(0, 5), KEY, head)).toMatchObject({ seq: 6 });
  });

  it('names the first row of a reordering', () => {
    const { events, head } = chain(6);
    const swapped = [...events];
    [swapped[2], swapped[3]] = [
      { ...events[3]!, seq: 3 },
      { ...events[2]!, seq: 4 },
    ];
    expect(verifyChain(swapped, KEY, head)).toMatchObject({ seq: 3 });
  });

  it('keeps verifying the unkeyed rows written before the chain was keyed', () => {
    const { events, head } = chain(6, { unkeyed: 3 });
    expect(verifyChain(events, KEY, head)).toBeNull();
    expect(events.map((e) => e.chain_version)).toEqual([1, 1, 1, 2, 2, 2]);
  });

  it('names an old row edited with the unkeyed hashes recomputed up to the keyed ones', () => {
    const { events, head } = chain(6, { unkeyed: 3 });
    const rewritten = chain(6, { unkeyed: 3 }).events;
    rewritten[1] = { ...rewritten[1]!, data: canonicalJson({ n: 'tampered' }) };
    // Recompute rows 2 and 3 in the unkeyed form; row 4's keyed hash cannot be recomputed.
    for (const i of [1, 2]) {
      const row = { ...rewritten[i]!, prev_hash: rewritten[i - 1]!.hash };
      rewritten[i] = { ...row, hash: hashEvent(row, KEY)! };
    }
    rewritten[3] = { ...events[3]!, prev_hash: rewritten[2]!.hash };
    expect(verifyChain(rewritten, KEY, head)).toMatchObject({ seq: 4 });
  });

  it('names a keyed chain rewritten in the unkeyed form, or under another key', () => {
    const original = chain(6);
    const downgraded = chain(6, { unkeyed: 6 });
    expect(verifyChain(downgraded.events, KEY, downgraded.head)).toBeNull();
    // The rewrite verifies on its own, so only a checkpoint of the real chain can tell.
    const checkpoint = { events: 6, hash: original.head.hash, at: '2026-01-01T01:00:00.000Z' };
    expect(verifyChain(downgraded.events, KEY, downgraded.head, [checkpoint])).toMatchObject({ seq: 6 });
    // Keyed rows after an unkeyed one are fine; an unkeyed row after a keyed one is a rewrite.
    const mixed = chain(6);
    const row = { ...mixed.events[4]!, chain_version: 1 };
    mixed.events[4] = { ...row, hash: hashEvent(row, KEY)! };
    expect(verifyChain(mixed.events, KEY)).toMatchObject({
      seq: 5,
      reason: expect.stringMatching(/unkeyed/),
    });
    const foreign = chain(6, { key: OTHER_KEY });
    expect(verifyChain(foreign.events, KEY, foreign.head)).toMatchObject({ seq: 1 });
  });

  it('names the first missing event when the newest were removed and the head moved back', () => {
    const { events } = chain(6);
    const checkpoint = { events: 6, hash: events[5]!.hash, at: '2026-01-01T01:00:00.000Z' };
    const truncatedHead = { seq: 4, hash: events[3]!.hash };
    expect(verifyChain(events.slice(0, 4), KEY, truncatedHead)).toBeNull();
    expect(verifyChain(events.slice(0, 4), KEY, truncatedHead, [checkpoint])).toMatchObject({
      seq: 5,
      reason: expect.stringMatching(/checkpoint .* saw 6 events and the trail holds 4/),
    });
    // Events written after the checkpoint are fine.
    expect(
      verifyChain(events, KEY, undefined, [{ ...checkpoint, events: 4, hash: events[3]!.hash }]),
    ).toBeNull();
  });

  it('signs checkpoints so a forged one is told apart', () => {
    const signed = signCheckpoint({ events: 6, hash: 'a'.repeat(64), at: '2026-01-01T01:00:00.000Z' }, KEY);
    expect(checkpointSigned(signed, KEY)).toBe(true);
    expect(checkpointSigned({ ...signed, events: 5 }, KEY)).toBe(false);
    expect(checkpointSigned(signed, OTHER_KEY)).toBe(false);
  });
});
