import type { CaseEvent, CaseState } from './case-lifecycle.ts';
import type { ResolvedPack } from './rule-packs/index.ts';
import type { CourtReportScope, ProgramKind, RulePack } from './rule-packs/types.ts';

/** How a mediation ends (the mediator decides). */
export const OUTCOMES = [
  'full_agreement',
  'partial_agreement',
  'informal_agreement',
  'no_agreement',
  'withdrawn',
  'not_suitable',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const isOutcome = (s: string): s is Outcome => (OUTCOMES as readonly string[]).includes(s);

export const OUTCOME_EVENT: Record<Outcome, CaseEvent> = {
  full_agreement: 'close_full_agreement',
  partial_agreement: 'close_partial_agreement',
  informal_agreement: 'close_informal_agreement',
  no_agreement: 'close_no_agreement',
  withdrawn: 'withdraw',
  not_suitable: 'screening_not_suitable',
};
export const OUTCOME_STATE: Record<Outcome, CaseState> = {
  full_agreement: 'full_agreement',
  partial_agreement: 'partial_agreement',
  informal_agreement: 'informal_agreement',
  no_agreement: 'no_agreement',
  withdrawn: 'withdrawn',
  not_suitable: 'not_suitable',
};

/** Whether an outcome needs a signed written agreement (Rule 17.06(c), 88.06(c), 34 CFR 300.506(b)(6)). */
export const needsSignedAgreement = (o: Outcome) => o === 'full_agreement' || o === 'partial_agreement';

/** The outcomes a case of this pack may close with (special education: never an unwritten agreement). */
export const outcomesFor = (pack: Pick<RulePack, 'outcomes'>): readonly Outcome[] => pack.outcomes.value;

/**
 * Refuses an outcome the pack does not allow, naming why: 34 CFR 300.506(b)(6) ends a resolved
 * special-education dispute in a legally binding written agreement, so it cannot close as an
 * informal (unwritten) one. Null when the outcome is allowed.
 */
export function refuseOutcome(
  pack: Pick<RulePack, 'outcomes' | 'name'>,
  outcome: Outcome,
): { code: 'OUTCOME_NOT_ALLOWED'; field: 'outcome'; message: string } | null {
  if (pack.outcomes.value.includes(outcome)) return null;
  return {
    code: 'OUTCOME_NOT_ALLOWED',
    field: 'outcome',
    message:
      outcome === 'informal_agreement'
        ? `In ${pack.name}, an agreement must be written and signed to count (${pack.outcomes.cite.split(':')[0]}). Close the case as a full or partial agreement once it is signed, or as no agreement.`
        : `${pack.name} does not close a case this way (${pack.outcomes.cite}).`,
  };
}

/**
 * What the parties can do next, in plain words. Special education: a due process complaint or a
 * state child complaint (34 CFR 300.507, 300.151–153), and mediation may not delay a hearing
 * (34 CFR 300.506(b)(1)(ii)). Family and civil: the case goes back to the court (Rule 88.04, 17.03).
 */
export function nextSteps(kind: ProgramKind, outcome: Outcome): string[] {
  const steps: string[] = [];
  if (outcome === 'full_agreement') steps.push('Do what the agreement says, by the dates it says.');
  if (outcome === 'partial_agreement')
    steps.push('Do what the agreement says for the issues you settled, by the dates it says.');
  if (outcome === 'informal_agreement')
    steps.push(
      'You agreed on some things but did not put them in writing. A written agreement is what a court or the state can enforce.',
    );
  const unsettled = outcome !== 'full_agreement';
  if (kind === 'special_education') {
    if (outcome === 'full_agreement')
      steps.push(
        'If the school district does not do what it agreed, you can ask a state or federal court to enforce the agreement.',
      );
    if (unsettled) {
      steps.push(
        'For anything still not settled, you can file a due process complaint with DESE. A hearing officer decides.',
      );
      steps.push('You can also file a child complaint with DESE. DESE looks into it and decides.');
    }
    steps.push('You can ask for mediation again later.');
  } else if (kind === 'family') {
    steps.push(
      outcome === 'full_agreement' || outcome === 'partial_agreement'
        ? 'Your agreement goes to the judge. It is not final until the judge approves it.'
        : 'Your case goes back to the judge, who can decide the issues.',
    );
    if (unsettled) steps.push('The judge can decide what you did not settle.');
    steps.push('You can talk with a lawyer about your choices.');
  } else if (kind === 'civil') {
    steps.push(
      unsettled
        ? 'Your case goes back to the court for what you did not settle.'
        : 'Tell the court your case is settled.',
    );
    steps.push('You can talk with a lawyer about your choices.');
  } else {
    if (unsettled) steps.push('You can go to court, or try mediation again later.');
  }
  if (unsettled) steps.push('Even without an agreement, you can keep talking and agree later.');
  return steps;
}

/**
 * The most a mediator's report may tell a court or agency: whether mediation took place or ended,
 * whether a settlement was reached, and who attended (the Uniform Mediation Act §7 model, which
 * Missouri has not been found to enact). Nothing that was said. A circuit's local rule may allow
 * less (the 7th Circuit: only whether the dispute was resolved): `courtReportFields` gives the
 * fields a program's report may carry.
 */
export type CourtReport = {
  caseReference: string;
  program: string;
  courtCaseNumber: string | null;
  mediationTookPlace: boolean;
  mediationEnded: boolean;
  endedOn: string | null;
  settlement: 'full' | 'partial' | 'none';
  attendance: { name: string; role: string; side: string | null; attended: boolean }[];
};
export const COURT_REPORT_FIELDS = [
  'caseReference',
  'program',
  'courtCaseNumber',
  'mediationTookPlace',
  'mediationEnded',
  'endedOn',
  'settlement',
  'attendance',
] as const satisfies readonly (keyof CourtReport)[];

/** The fields of each report a program may choose; a report carries exactly these. */
export const COURT_REPORT_SCOPES: Record<CourtReportScope, readonly (keyof CourtReport)[]> = {
  settlement_only: ['caseReference', 'program', 'courtCaseNumber', 'settlement'],
  settlement_and_attendance: COURT_REPORT_FIELDS,
};

/** The fields this program's report to the court may carry (its choice, or the pack's default). */
export const courtReportFields = (pack: Pick<ResolvedPack, 'chosen'>): readonly (keyof CourtReport)[] =>
  COURT_REPORT_SCOPES[pack.chosen.courtReport.value];

export const settlementOf = (state: string): CourtReport['settlement'] =>
  state === 'full_agreement' ? 'full' : state === 'partial_agreement' ? 'partial' : 'none';
