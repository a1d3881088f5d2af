import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseState, CLOSED_STATES } from './case-lifecycle.ts';
import { addDays, computeDeadlines, noLongerApplies } from './deadlines.ts';
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

describe('deadlines that no longer apply', () => {
  const anchors = { consented: '2026-03-02T15:00:00Z', mediator_chosen: '2026-03-03T15:00:00Z' };
  const later = new Date('2026-05-01T15:00:00Z');
  it('a closed case has nothing overdue, whatever closed it and however late it is (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CLOSED_STATES),
        fc.integer({ min: 0, max: 2000 }),
        (state: CaseState, days) => {
          const now = new Date(later.getTime() + days * 86_400_000);
          for (const pack of [sped, findPack('mo-rule-17-civil')!, findPack('mo-rule-88-family')!]) {
            const all = computeDeadlines(
              pack.deadlines,
              { ...anchors, begin_by: '2026-06-30', disqualification_requested: '2026-03-10T15:00:00Z' },
              {},
              now,
              undefined,
              {},
              state,
            );
            for (const d of all) expect(d.status).not.toBe('overdue');
          }
        },
      ),
    );
  });
  it('an open case keeps its overdue deadlines; a met one stays met after the case closes', () => {
    const open = computeDeadlines(sped.deadlines, anchors, {}, later, undefined, {}, 'ready_to_schedule');
    expect(open.map((d) => d.status)).toEqual(['overdue', 'overdue']);
    const closed = computeDeadlines(
      sped.deadlines,
      anchors,
      { session_scheduled: '2026-03-10T15:00:00Z' },
      later,
      undefined,
      {},
      'withdrawn',
    );
    expect(closed.map((d) => d.status)).toEqual(['met', 'no_longer_applies']);
  });
  it('Rule 17.03(b): once the case is in mediation, the opt-out window no longer applies', () => {
    const civil = findPack('mo-rule-17-civil')!;
    const at = (state: CaseState) =>
      computeDeadlines(civil.deadlines, { begin_by: '2026-03-10' }, {}, later, undefined, {}, state)[0]
        ?.status;
    expect(at('ready_to_schedule')).toBe('overdue');
    expect(at('in_mediation')).toBe('no_longer_applies');
    expect(noLongerApplies({ metBy: 'opt_out_decided' }, 'agreement_to_mediate')).toBe(false);
  });
});
