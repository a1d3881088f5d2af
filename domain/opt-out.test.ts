import { describe, expect, it } from 'vitest';
import { transition } from './case-lifecycle.ts';
import { computeDeadlines } from './deadlines.ts';
import { mayReferAgain, OPT_OUT_EFFECT, optOutWindow, refuseOptOut } from './opt-out.ts';
import { findPack } from './rule-packs/index.ts';

const civil = findPack('mo-rule-17-civil')!;
const family = findPack('mo-rule-88-family')!;
// The court's deadline to begin mediation: Monday 11 January 2027.
const beginBy = '2027-01-11';
const counsel = { beginBy, filerIsCounsel: true, conferred: true };

describe('Rule 17.03(b): the written opt-out', () => {
  it('the window is the 30 days before the deadline to begin, that day not counted', () => {
    expect(optOutWindow(civil.optOut.value, beginBy)).toEqual({
      opensOn: '2026-12-12',
      closesOn: '2027-01-10',
    });
    // The case page's deadline is the window's last day.
    const [deadline] = computeDeadlines(
      civil.deadlines,
      { begin_by: beginBy },
      {},
      new Date('2026-12-01T18:00:00Z'),
    );
    expect(deadline?.dueDate).toBe('2027-01-10');
  });

  it('counsel who conferred may file inside the window, through its last day — a Sunday, which is not moved', () => {
    for (const today of ['2026-12-12', '2026-12-25', '2027-01-10']) {
      expect(refuseOptOut(civil.optOut, { ...counsel, today })).toBeNull();
    }
  });

  it('before the window opens, and after it closes, the opt-out is refused, naming the dates', () => {
    expect(refuseOptOut(civil.optOut, { ...counsel, today: '2026-12-11' })).toEqual({
      code: 'OPT_OUT_NOT_OPEN',
      field: null,
      message:
        'An opt-out can be filed from 2026-12-12 through 2027-01-10: the 30 days before the deadline to begin, 2027-01-11 (Rule 17.03(b)).',
    });
    expect(refuseOptOut(civil.optOut, { ...counsel, today: '2027-01-11' })).toEqual({
      code: 'OPT_OUT_CLOSED',
      field: null,
      message:
        'The time to opt out ended on 2027-01-10, the day before the deadline to begin (Rule 17.03(b)).',
    });
  });

  it('the rule speaks of counsel, after conferring: a party without a lawyer, or a lawyer who did not confer, is told why', () => {
    expect(
      refuseOptOut(civil.optOut, { ...counsel, today: '2026-12-20', filerIsCounsel: false }),
    ).toMatchObject({
      code: 'COUNSEL_ONLY',
      field: 'filedBy',
    });
    expect(refuseOptOut(civil.optOut, { ...counsel, today: '2026-12-20', conferred: false })).toMatchObject({
      code: 'CONFERRAL_NEEDED',
      field: 'conferred',
      message: expect.stringContaining('every other lawyer and every party without a lawyer'),
    });
    expect(refuseOptOut(civil.optOut, { ...counsel, beginBy: null, today: '2026-12-20' })).toMatchObject({
      field: 'beginBy',
    });
  });

  it('packs without an opt-out refuse one', () => {
    expect(optOutWindow(family.optOut.value, beginBy)).toBeNull();
    expect(refuseOptOut(family.optOut, { ...counsel, today: '2026-12-20' })).toMatchObject({
      code: 'OPT_OUT_NOT_ALLOWED',
    });
  });

  it('a filed opt-out ends the referral and tells the court; it is not a request waiting for someone', () => {
    expect(transition('ready_to_schedule', OPT_OUT_EFFECT.caseEvent)).toBe('opted_out');
    expect(transition('awaiting_other_party', OPT_OUT_EFFECT.caseEvent)).toBe('opted_out');
    expect(() => transition('in_mediation', OPT_OUT_EFFECT.caseEvent)).toThrow();
    expect(OPT_OUT_EFFECT.notify[0]).toBe('the court');
  });

  it('after an opt-out, the court refers the case again only with compelling circumstances in its order', () => {
    expect(mayReferAgain({ compellingCircumstances: '  ' })).toBe(false);
    expect(mayReferAgain({})).toBe(false);
    expect(mayReferAgain({ compellingCircumstances: 'Both parties now ask for mediation.' })).toBe(true);
  });
});
