import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deadline } from './deadlines.ts';
import {
  bestSlot,
  deadlineWarnings,
  firstSessionHeldAt,
  firstSessionScheduledAt,
  hoursProgress,
  overlaps,
} from './sessions.ts';

const at = (iso: string) => new Date(iso);

describe('sessions', () => {
  it('overlap is symmetric, and back-to-back sessions do not overlap (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 600 }),
        (s1, m1, s2, m2) => {
          const a = { start: new Date(s1 * 60_000), minutes: m1 };
          const b = { start: new Date(s2 * 60_000), minutes: m2 };
          expect(overlaps(a, b)).toBe(overlaps(b, a));
          expect(overlaps(a, { start: new Date((s1 + m1) * 60_000), minutes: m2 })).toBe(false);
        },
      ),
    );
  });
  it('DESE practice: a session after the 15-day deadline is warned about, a met deadline is not', () => {
    const d: Deadline = {
      id: 'session_scheduled',
      label: 'First session held',
      dueAt: '2026-03-18T04:59:59.000Z',
      dueDate: '2026-03-17',
      status: 'upcoming',
      daysLeft: 15,
      cite: 'DESE practice: the session is scheduled within 15 days of choosing the mediator',
      originalDueDate: null,
    };
    expect(deadlineWarnings([d], { start: at('2026-03-20T15:00:00Z'), minutes: 120 })[0]).toContain(
      '15 days',
    );
    expect(deadlineWarnings([d], { start: at('2026-03-10T15:00:00Z'), minutes: 120 })).toEqual([]);
    expect(
      deadlineWarnings([{ ...d, status: 'met' }], { start: at('2026-03-20T15:00:00Z'), minutes: 60 }),
    ).toEqual([]);
  });
  it('16th Circuit local rule: at least two hours of mediation, counted from held sessions', () => {
    const p = hoursProgress(2, [
      { minutes: 90, status: 'held' },
      { minutes: 60, status: 'cancelled' },
      { minutes: 60, status: 'scheduled' },
    ]);
    expect(p).toEqual({
      minimumHours: 2,
      heldHours: 1.5,
      scheduledHours: 1,
      met: false,
      freeHours: null,
      freeHoursLeft: null,
      paidHours: 0,
    });
    expect(hoursProgress(null, []).met).toBeNull();
  });
  it('a program’s free-hours allowance: hours held count against it, the rest is charged (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            minutes: fc.integer({ min: 1, max: 480 }),
            status: fc.constantFrom('held', 'scheduled', 'cancelled'),
          }),
        ),
        fc.integer({ min: 0, max: 20 }),
        (sessions, free) => {
          const p = hoursProgress(null, sessions, free);
          const held = sessions.filter((s) => s.status === 'held').reduce((n, s) => n + s.minutes, 0) / 60;
          expect(p.heldHours).toBeCloseTo(held);
          expect(p.freeHoursLeft! + Math.min(free, held)).toBeCloseTo(free);
          expect(p.paidHours + Math.min(free, held)).toBeCloseTo(held);
        },
      ),
    );
    expect(hoursProgress(null, [{ minutes: 240, status: 'held' }], 3)).toMatchObject({
      freeHoursLeft: 0,
      paidHours: 1,
    });
  });
  it('34 CFR 300.506(b)(5) and DESE practice: the first session counts as held once a joint session has started', () => {
    const now = at('2026-03-10T16:00:00Z');
    const joint = (starts_at: string, status = 'scheduled') => ({ kind: 'joint', status, starts_at });
    expect(firstSessionHeldAt([], now)).toBeNull();
    // Not yet started, cancelled, or only a meeting with one side: not held.
    expect(
      firstSessionHeldAt(
        [
          joint('2026-03-11T15:00:00.000Z'),
          joint('2026-03-09T15:00:00.000Z', 'cancelled'),
          { kind: 'pre_mediation', status: 'held', starts_at: '2026-03-08T15:00:00.000Z' },
        ],
        now,
      ),
    ).toBeNull();
    expect(
      firstSessionHeldAt([joint('2026-03-10T15:00:00.000Z'), joint('2026-03-09T15:00:00.000Z', 'held')], now),
    ).toBe('2026-03-09T15:00:00.000Z');
  });
  it('DESE State Plan (as restated): the 15-day deadline is met when a joint session is scheduled, not when it is held', () => {
    const set = (created_at: string, status = 'scheduled', kind = 'joint') => ({
      kind,
      status,
      created_at,
      starts_at: '2026-04-20T15:00:00.000Z',
    });
    expect(firstSessionScheduledAt([])).toBeNull();
    // A session set for weeks later still meets it the day it is set; a cancelled one or a
    // pre-mediation meeting does not.
    expect(
      firstSessionScheduledAt([
        set('2026-03-05T15:00:00.000Z', 'cancelled'),
        set('2026-03-04T15:00:00.000Z', 'scheduled', 'pre_mediation'),
      ]),
    ).toBeNull();
    expect(
      firstSessionScheduledAt([set('2026-03-09T15:00:00.000Z'), set('2026-03-06T15:00:00.000Z', 'held')]),
    ).toBe('2026-03-06T15:00:00.000Z');
  });
});

describe('the best proposed time', () => {
  const slots = [
    { id: 'late', startsAt: '2026-03-12T15:00:00Z' },
    { id: 'early', startsAt: '2026-03-10T15:00:00Z' },
    { id: 'mid', startsAt: '2026-03-11T15:00:00Z' },
  ];
  it('is the one most can attend; of a tie, the earliest; unanswered people count for none', () => {
    expect(bestSlot(slots, [['late', 'mid'], ['late', 'mid'], null])).toEqual({ id: 'mid', count: 2 });
    expect(bestSlot(slots, [['late'], ['late', 'early'], ['late']])).toEqual({ id: 'late', count: 3 });
    expect(bestSlot(slots, [[], null])).toBeNull();
  });
  it('always names a slot the most can attend, never a later one of a tie (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.subarray(['late', 'early', 'mid']))), (answers) => {
        const best = bestSlot(slots, answers);
        const count = (id: string) => answers.filter((a) => a?.includes(id)).length;
        const most = Math.max(0, ...slots.map((s) => count(s.id)));
        if (most === 0) return best === null;
        const tied = slots
          .filter((s) => count(s.id) === most)
          .sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1));
        return best?.id === tied[0]!.id && best.count === most;
      }),
    );
  });
});
