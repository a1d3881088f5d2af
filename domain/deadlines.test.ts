import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, computeDeadlines } from './deadlines.ts';
import { fromMissouriTime, missouriDate } from './missouri-time.ts';
import { findPack } from './rule-packs/index.ts';

const sped = findPack('mo-dese-special-education')!;

describe('deadlines in Missouri time', () => {
  it('DESE practice: 15 calendar days from choosing the mediator, due at the end of that day in Chicago', () => {
    // Chosen 11 pm on March 2 in Missouri (05:00 UTC on March 3): counting starts from March 2.
    const [session] = computeDeadlines(
      sped.deadlines,
      { mediator_chosen: '2026-03-03T05:00:00Z' },
      {},
      new Date('2026-03-03T06:00:00Z'),
    );
    expect(session).toMatchObject({ dueDate: '2026-03-17', status: 'upcoming' });
    expect(session?.dueAt).toBe('2026-03-18T04:59:59.000Z');
  });
  it('DESE practice: 30 days from agreeing to mediate, warning before and overdue after', () => {
    const anchors = { consented: '2026-03-02T15:00:00Z' };
    const soon = computeDeadlines(sped.deadlines, anchors, {}, new Date('2026-03-28T15:00:00Z'))[1];
    expect(soon).toMatchObject({ dueDate: '2026-04-01', status: 'due_soon', daysLeft: 4 });
    const late = computeDeadlines(sped.deadlines, anchors, {}, new Date('2026-04-02T15:00:00Z'))[1];
    expect(late?.status).toBe('overdue');
    const met = computeDeadlines(
      sped.deadlines,
      anchors,
      { completed: '2026-03-20' },
      new Date('2026-04-02T15:00:00Z'),
    )[1];
    expect(met?.status).toBe('met');
  });
  it('Rule 17.03(b): the opt-out window runs through the day before the deadline to begin', () => {
    const civil = findPack('mo-rule-17-civil')!;
    const [optOut] = computeDeadlines(
      civil.deadlines,
      { begin_by: '2026-06-30' },
      {},
      new Date('2026-03-02T15:00:00Z'),
    );
    expect(optOut?.dueDate).toBe('2026-06-29');
  });
  it('Rule 88.04(e) and 44.01(a): ten days to deny, a last day on Thanksgiving moved to the next court day', () => {
    const family = findPack('mo-rule-88-family')!;
    // Filed at 10:00 on Monday 16 November 2026 (Missouri time).
    const anchors = { disqualification_requested: '2026-11-16T16:00:00Z' };
    const [denial] = computeDeadlines(family.deadlines, anchors, {}, new Date('2026-11-20T16:00:00Z'));
    expect(denial).toMatchObject({ dueDate: '2026-11-27', status: 'upcoming' });
    // Still open on Thanksgiving evening; overdue once Friday is over.
    expect(computeDeadlines(family.deadlines, anchors, {}, new Date('2026-11-27T05:00:00Z'))[0]?.status).toBe(
      'due_soon',
    );
    expect(computeDeadlines(family.deadlines, anchors, {}, new Date('2026-11-28T06:00:00Z'))[0]?.status).toBe(
      'overdue',
    );
  });
  it('34 CFR 300.11(a): special-education deadlines stay in calendar days, even on a holiday or a weekend', () => {
    // The mediator chosen on 11 November 2026: the 15th day is Thanksgiving, and it stays the due date.
    const [session] = computeDeadlines(
      sped.deadlines,
      { mediator_chosen: '2026-11-11T16:00:00Z' },
      {},
      new Date('2026-11-12T16:00:00Z'),
    );
    expect(session?.dueDate).toBe('2026-11-26');
  });
  it('business days skip weekends', () => {
    expect(addDays('2026-03-06', 1, 'business')).toBe('2026-03-09');
    expect(addDays('2026-03-09', -1, 'business')).toBe('2026-03-06');
  });
  it('a Missouri wall-clock time maps back to the same local date, across daylight saving (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (n) => {
        const date = addDays('2025-01-01', n, 'calendar');
        expect(missouriDate(fromMissouriTime(date, '23:59:59'))).toBe(date);
        expect(missouriDate(fromMissouriTime(date, '00:00:00'))).toBe(date);
      }),
    );
  });
  it('calendar days: adding then subtracting returns the same date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: -400, max: 400 }), (n, k) => {
        const date = addDays('2025-01-01', n, 'calendar');
        expect(addDays(addDays(date, k, 'calendar'), -k, 'calendar')).toBe(date);
      }),
    );
  });
});
