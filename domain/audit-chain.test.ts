import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChainedEvent, canonicalJson, GENESIS_HASH, hashEvent, verifyChain } from './audit-chain.ts';

function chain(n: number) {
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
    };
    const hash = hashEvent(e);
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
    expect(verifyChain(events, head)).toBeNull();
  });

  it('names the row whose content was edited, whichever it is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (target) => {
        const { events, head } = chain(8);
        events[target - 1] = { ...events[target - 1]!, data: canonicalJson({ n: 'tampered' }) };
        expect(verifyChain(events, head)?.seq).toBe(target);
      }),
    );
  });

  it('names a deleted row, including the newest', () => {
    const { events, head } = chain(6);
    expect(
      verifyChain(
        events.filter((e) => e.seq !== 3),
        head,
      ),
    ).toMatchObject({ seq: 3 });
    expect(verifyChain(events.slice(0, 5), head)).toMatchObject({ seq: 6 });
  });

  it('names the first row of a reordering', () => {
    const { events, head } = chain(6);
    const swapped = [...events];
    [swapped[2], swapped[3]] = [
      { ...events[3]!, seq: 3 },
      { ...events[2]!, seq: 4 },
    ];
    expect(verifyChain(swapped, head)).toMatchObject({ seq: 3 });
  });
});
