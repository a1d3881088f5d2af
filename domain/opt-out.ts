import type { CaseEvent } from './case-lifecycle.ts';
import { courtPeriod } from './court-days.ts';
import type { Cited, OptOutRule } from './rule-packs/types.ts';

/**
 * Rule 17.03(b) (civil cases): "If counsel for any party, after conferring with their respective
 * clients, all other attorneys, and unrepresented parties, conclude that referral to alternative
 * dispute resolution has no reasonable chance of being productive, they may opt out by so advising
 * the court, in writing, within thirty days before the deadline to begin the alternative dispute
 * resolution. The matter shall not thereafter be referred by the court to alternative dispute
 * resolution absent compelling circumstances, which shall be set out by the court in any order
 * referring the matter." (courts.mo.gov, effective 1 July 2022; read 2026-11-26.)
 *
 * So the opt-out is not a request for someone to grant: filed in its window, it ends the referral
 * and the court is told. The window is the thirty days just before the deadline to begin.
 */

/** The first and last day a written opt-out may be filed (Missouri dates), or null if the pack has none. */
export function optOutWindow(
  rule: OptOutRule,
  beginBy: string,
): { opensOn: string; closesOn: string } | null {
  if (!rule.allowed) return null;
  // Counted back from the deadline to begin, that day not counted (Rule 44.01(a) leaves out the
  // day of the event); a window that closes before a court's date is never moved later.
  return {
    opensOn: courtPeriod(beginBy, -rule.windowDays).dueDate,
    closesOn: courtPeriod(beginBy, -1).dueDate,
  };
}

export type OptOutRefusal = {
  code: 'OPT_OUT_NOT_ALLOWED' | 'OPT_OUT_NOT_OPEN' | 'OPT_OUT_CLOSED' | 'COUNSEL_ONLY' | 'CONFERRAL_NEEDED';
  /** The field of the opt-out form the refusal is about, when there is one. */
  field: 'beginBy' | 'filedBy' | 'conferred' | null;
  message: string;
};

/**
 * Whether a written opt-out may be filed today, and if not, why, in words a person can act on.
 * `today` is the Missouri date of filing; `beginBy` the court's deadline to begin.
 */
export function refuseOptOut(
  rule: Cited<OptOutRule>,
  input: { beginBy: string | null; today: string; filerIsCounsel: boolean; conferred: boolean },
): OptOutRefusal | null {
  const r = rule.value;
  const because = `Rule 17.03(b)`;
  if (!r.allowed) {
    return {
      code: 'OPT_OUT_NOT_ALLOWED',
      field: null,
      message: `This program takes no opt-out (${rule.cite}).`,
    };
  }
  if (!input.beginBy) {
    return {
      code: 'OPT_OUT_NOT_ALLOWED',
      field: 'beginBy',
      message: 'The court’s deadline to begin mediation is needed to know when an opt-out may be filed.',
    };
  }
  if (r.filedBy === 'counsel' && !input.filerIsCounsel) {
    return {
      code: 'COUNSEL_ONLY',
      field: 'filedBy',
      message: `Only a party’s lawyer can opt out (${because}). If you do not have a lawyer, you can ask the court.`,
    };
  }
  if (r.conferralRequired && !input.conferred) {
    return {
      code: 'CONFERRAL_NEEDED',
      field: 'conferred',
      message: `Confirm that you talked with your client, every other lawyer and every party without a lawyer before opting out (${because}).`,
    };
  }
  const window = optOutWindow(r, input.beginBy)!;
  if (input.today < window.opensOn) {
    return {
      code: 'OPT_OUT_NOT_OPEN',
      field: null,
      message: `An opt-out can be filed from ${window.opensOn} through ${window.closesOn}: the ${r.windowDays} days before the deadline to begin, ${input.beginBy} (${because}).`,
    };
  }
  if (input.today > window.closesOn) {
    return {
      code: 'OPT_OUT_CLOSED',
      field: null,
      message: `The time to opt out ended on ${window.closesOn}, the day before the deadline to begin (${because}).`,
    };
  }
  return null;
}

/**
 * What a filed opt-out does: the case closes as opted out (the referral ends), and everyone is
 * told, the court first: the opt-out is the written notice to the court the rule requires.
 */
export const OPT_OUT_EFFECT = {
  caseEvent: 'opt_out_filed' satisfies CaseEvent,
  notify: ['the court', 'every party and their attorneys', 'the mediator, if one is assigned', 'the program'],
} as const;

/**
 * After an opt-out the court may refer the case again only for compelling circumstances, set out in
 * its order (Rule 17.03(b)): a new referral names them.
 */
export const mayReferAgain = (order: { compellingCircumstances?: string | null }): boolean =>
  (order.compellingCircumstances ?? '').trim().length > 0;
