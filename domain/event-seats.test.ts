import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cancel, HOLDS_SEAT, nextWaiting, type Roster, register, seatAvailable } from './event-seats.ts';

const empty = (capacity: number | null): Roster => ({ capacity, seatsTaken: 0, people: [] });

describe('seats and the waitlist', () => {
  it('gives the last seat, then waitlists', () => {
    let r = register(empty(1), 'a');
    r = register(r, 'b');
    expect(r.people).toEqual([
      { id: 'a', status: 'registered' },
      { id: 'b', status: 'waitlisted' },
    ]);
  });

  it('promotes the first person waiting when a registrant cancels, exactly once', () => {
    let r = register(register(register(empty(1), 'a'), 'b'), 'c');
    r = cancel(r, 'a');
    expect(r.people.find((p) => p.id === 'b')?.status).toBe('registered');
    expect(r.people.find((p) => p.id === 'c')?.status).toBe('waitlisted');
    expect(r.seatsTaken).toBe(1);
    expect(cancel(r, 'a')).toEqual(r);
  });

  it('has no limit without a capacity', () => {
    expect(seatAvailable(null, 10_000)).toBe(true);
  });

  it('keeps its laws under any sequence of registrations and cancellations', () => {
    const op = fc.record({ cancel: fc.boolean(), who: fc.integer({ min: 0, max: 7 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.array(op, { maxLength: 40 }), (capacity, ops) => {
        let r = empty(capacity);
        for (const o of ops) r = o.cancel ? cancel(r, `p${o.who}`) : register(r, `p${o.who}`);
        const holding = r.people.filter((p) => HOLDS_SEAT.includes(p.status)).length;
        const waiting = r.people.filter((p) => p.status === 'waitlisted').length;
        // The counter matches the people holding seats and never passes the capacity.
        expect(r.seatsTaken).toBe(holding);
        expect(holding).toBeLessThanOrEqual(capacity);
        // Nobody waits while a seat is free.
        if (waiting > 0) expect(holding).toBe(capacity);
        // Each person appears once.
        expect(new Set(r.people.map((p) => p.id)).size).toBe(r.people.length);
        // First come, first served: the next to promote is the earliest waiting.
        const firstWaiting = r.people.find((p) => p.status === 'waitlisted')?.id ?? null;
        expect(nextWaiting(r)).toBe(firstWaiting);
      }),
    );
  });
});
