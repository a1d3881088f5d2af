import { describe, expect, it } from 'vitest';
import { missouriCourtCalendar } from './court-days.ts';
import {
  type Application,
  ApplicationRefused,
  type ApplicationStep,
  denialPeriod,
  stateAt,
  stepsFor,
  takeStep,
} from './disqualification.ts';
import { findPack } from './rule-packs/index.ts';

const rule88 = findPack('mo-rule-88-family')!.disqualification;
const program = findPack('community-center')!.disqualification;
// Filed at 10:00 on Monday 16 November 2026, Missouri time: the tenth day is Thanksgiving.
const filed: Application = { state: 'applied', filedAt: '2026-11-16T16:00:00.000Z' };
const at = (iso: string) => new Date(iso);
const duringWindow = at('2026-11-20T16:00:00Z');
// The end of Friday 27 November in Missouri is 05:59:59 UTC on the 28th.
const lastMoment = at('2026-11-28T05:59:59Z');
const afterWindow = at('2026-11-28T06:00:00Z');

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApplicationRefused) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('Rule 88.04(e): an application to disqualify the mediator', () => {
  it('the denial period is 10 days from filing, counted as the court counts (Thanksgiving moves it to Friday)', () => {
    expect(denialPeriod(rule88.value, filed.filedAt)).toEqual({
      lastDay: '2026-11-27',
      endsAt: '2026-11-28T05:59:59.000Z',
    });
    // A circuit that closes the Friday after Thanksgiving by order moves it to Monday.
    const closed = missouriCourtCalendar([{ date: '2026-11-27', reason: 'court closed by order' }]);
    expect(denialPeriod(rule88.value, filed.filedAt, closed)?.lastDay).toBe('2026-11-30');
  });

  it('undenied, the mediator is disqualified once the 10 days are over, and a new mediator is chosen', () => {
    expect(stateAt(rule88.value, filed, lastMoment)).toBe('applied');
    expect(stateAt(rule88.value, filed, afterWindow)).toBe('disqualified');
    // Nobody has anything left to do but choose the new mediator.
    for (const who of ['applicant', 'adverse_party', 'court', 'program'] as const) {
      expect(stepsFor(rule88.value, filed, who, afterWindow)).toEqual([]);
    }
  });

  it('the adverse party may deny within the period; the court then decides, either way', () => {
    expect(stepsFor(rule88.value, filed, 'adverse_party', lastMoment)).toEqual(['deny']);
    const denied = takeStep(rule88, filed, 'adverse_party', 'deny', duringWindow);
    expect(denied).toEqual({ state: 'denied', effect: null });
    const app = { ...filed, state: denied.state };
    // A denied application does not lapse into disqualification when the period ends.
    expect(stateAt(rule88.value, app, afterWindow)).toBe('denied');
    expect(stepsFor(rule88.value, app, 'court', afterWindow)).toEqual(['disqualify', 'retain']);
    expect(takeStep(rule88, app, 'court', 'disqualify', afterWindow)).toEqual({
      state: 'disqualified',
      effect: 'choose_new_mediator',
    });
    expect(takeStep(rule88, app, 'court', 'retain', afterWindow)).toEqual({
      state: 'retained',
      effect: 'mediator_stays',
    });
  });

  it('a denial after the period is refused: the mediator is already disqualified', () => {
    expect(refusal(() => takeStep(rule88, filed, 'adverse_party', 'deny', afterWindow))).toEqual({
      code: 'TOO_LATE',
      message:
        'No one denied it within 10 days, so the mediator is disqualified and a new mediator will be chosen (Rule 88.04(e)).',
    });
  });

  it('a coordinator cannot refuse, or grant, an application: the rule and the court decide', () => {
    expect(stepsFor(rule88.value, filed, 'program', duringWindow)).toEqual([]);
    for (const step of ['retain', 'disqualify'] as ApplicationStep[]) {
      expect(refusal(() => takeStep(rule88, filed, 'program', step, duringWindow))).toEqual({
        code: 'NOT_YOURS_TO_DECIDE',
        message:
          'The program cannot decide this application. If no party denies it by the end of 2026-11-27, the mediator is disqualified; if a party denies it, the court decides (Rule 88.04(e)).',
      });
    }
    const denied: Application = { ...filed, state: 'denied' };
    expect(refusal(() => takeStep(rule88, denied, 'program', 'retain', afterWindow)).message).toBe(
      'The other party denied the application, so the court decides it (Rule 88.04(e)).',
    );
  });

  it('the court decides only a denied application, and the applicant cannot deny their own', () => {
    expect(refusal(() => takeStep(rule88, filed, 'court', 'retain', duringWindow))).toMatchObject({
      code: 'NOT_YET',
    });
    expect(refusal(() => takeStep(rule88, filed, 'applicant', 'deny', duringWindow)).message).toBe(
      'Only the other party can deny this application (Rule 88.04(e)).',
    );
    expect(stepsFor(rule88.value, filed, 'mediator', duringWindow)).toEqual([]);
  });

  it('the applicant may withdraw an open application; a decided one stays decided', () => {
    expect(takeStep(rule88, filed, 'applicant', 'withdraw', duringWindow).state).toBe('withdrawn');
    const retained: Application = { ...filed, state: 'retained' };
    expect(refusal(() => takeStep(rule88, retained, 'applicant', 'withdraw', afterWindow))).toMatchObject({
      code: 'ALREADY_DECIDED',
    });
  });
});

describe('packs without Rule 88.04: the program decides', () => {
  it('there is no denial period; the program disqualifies or keeps the mediator', () => {
    expect(denialPeriod(program.value, filed.filedAt)).toBeNull();
    expect(stateAt(program.value, filed, at('2027-01-01T00:00:00Z'))).toBe('applied');
    expect(stepsFor(program.value, filed, 'program', duringWindow)).toEqual(['disqualify', 'retain']);
    expect(stepsFor(program.value, filed, 'adverse_party', duringWindow)).toEqual([]);
    expect(takeStep(program, filed, 'program', 'retain', duringWindow).effect).toBe('mediator_stays');
    expect(refusal(() => takeStep(program, filed, 'court', 'retain', duringWindow)).message).toBe(
      'The program decides this request.',
    );
  });
});
