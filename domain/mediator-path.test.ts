import { describe, expect, it } from 'vitest';
import { ceProgress } from './continuing-education.ts';
import { pathChecklist } from './mediator-path.ts';

const now = new Date('2026-06-01T12:00:00Z');

describe('continuing education', () => {
  it('counts this year by kind against the expectation, with what is left', () => {
    const p = ceProgress(
      [
        { date: '2026-02-01', hours: 1.5, kind: 'continuing_education' },
        { date: '2026-03-01', hours: 2, kind: 'special_education' },
        { date: '2025-12-31', hours: 10, kind: 'continuing_education' },
      ],
      2026,
      6,
    );
    expect(p.earnedHours).toBe(3.5);
    expect(p.remainingHours).toBe(2.5);
    expect(p.met).toBe(false);
    expect(p.byKind.find((k) => k.kind === 'special_education')?.hours).toBe(2);
  });

  it('is met at the expectation exactly and leaves nothing below zero', () => {
    expect(ceProgress([{ date: '2026-01-01', hours: 6, kind: 'family_custody' }], 2026, 6)).toMatchObject({
      met: true,
      remainingHours: 0,
    });
    expect(
      ceProgress([{ date: '2026-01-01', hours: 9, kind: 'family_custody' }], 2026, 6).remainingHours,
    ).toBe(0);
  });
});

describe('the path to becoming a mediator', () => {
  it('ticks core training itself at 16 hours (Rule 17), not at 15.5', () => {
    const at = (hours: number) =>
      pathChecklist({
        courses: [{ date: '2026-01-10', hours, kind: 'civil_core' }],
        casesLast30Days: 0,
        selfTicked: [],
        now,
      })[0]!;
    expect(at(15.5)).toMatchObject({ step: 'core-training', done: false, selfTickable: false });
    expect(at(16)).toMatchObject({ done: true, tickedBy: 'parley' });
  });

  it('lets the person tick what Parley cannot see, and ticks cases it can', () => {
    const list = pathChecklist({ courses: [], casesLast30Days: 1, selfTicked: ['rule-17-list'], now });
    expect(list.find((s) => s.step === 'rule-17-list')).toMatchObject({ done: true, tickedBy: 'you' });
    expect(list.find((s) => s.step === 'observe-co-mediate')).toMatchObject({
      done: false,
      selfTickable: true,
    });
    expect(list.find((s) => s.step === 'case-a-month')).toMatchObject({ done: true, tickedBy: 'parley' });
  });
});
