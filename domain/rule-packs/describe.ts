import { CHOICE_LABELS } from './choices.ts';
import type { ResolvedPack } from './index.ts';
import type { Cited, DeadlineRule } from './types.ts';

/** One rule as a person reads it, with where it comes from. */
export type RuleLine = {
  key: string;
  label: string;
  text: string;
  cite: string;
  since: string;
  local: boolean;
  /** Set when the rule could not be confirmed against its current official text: what is open. */
  unconfirmed?: string;
};

const CONSENT_TEXT = {
  both_must_agree: 'Both sides must agree to take part. Either side may say no.',
  court_ordered: 'The court orders the parties to attend. Reaching an agreement is still up to them.',
  court_referred_opt_out: 'The court refers the case to mediation.',
  voluntary: 'Taking part is voluntary.',
} as const;

const SELECTION_TEXT = {
  joint_choice: 'the parties choose together from the list',
  rotation: 'the next mediator on the list in turn',
  appointment: 'the coordinator or the court appoints one',
} as const;

const hours = (n: number | null) =>
  n === null ? 'No minimum' : `At least ${n} hour${n === 1 ? '' : 's'} of mediation`;
const free = (n: number | null) =>
  n === null
    ? 'No free-hours allowance set by the program'
    : `The first ${n} hour${n === 1 ? '' : 's'} of mediation are free`;
const days = (n: number | null) => (n === null ? 'No deadline' : `Within ${n} days of the end of mediation`);

/** How a deadline's days are counted, in words. */
const COUNTING_TEXT = {
  calendar: 'calendar days, weekends and holidays included',
  business: 'weekdays',
  court:
    'days counted as the court counts: if the last day is a Saturday, Sunday or Missouri legal holiday, it moves to the next day the court is open',
} as const;

function deadlineText(d: DeadlineRule): string {
  if (d.days >= 0) return `${d.label}: ${d.days} ${COUNTING_TEXT[d.dayKind]}.`;
  // A window that closes before a court's date is counted back and never moved later.
  const n = Math.abs(d.days);
  return `${d.label}: the ${n === 1 ? 'day' : `${n} days`} before the court’s deadline to begin, even on a weekend or holiday.`;
}

function optOutText(pack: ResolvedPack): string {
  const o = pack.optOut.value;
  if (!o.allowed) return CONSENT_TEXT[pack.consent.value];
  return `${CONSENT_TEXT[pack.consent.value]} A party’s lawyer, after talking with the client, the other lawyers and any party without a lawyer, may opt out in writing in the ${o.windowDays} days before the court’s deadline to begin mediation. A filed opt-out ends the referral and the court is told; the court can send the case back only for compelling reasons it writes in its order.`;
}

function disqualificationText(pack: ResolvedPack): string {
  const d = pack.disqualification.value;
  return d.kind === 'rule_88_04'
    ? `A party may apply in writing to disqualify the mediator for cause. If no other party denies it within ${d.denyWithinDays} days (counted as the court counts), the mediator is replaced. If a party denies it, the court decides. The program cannot refuse an application no one denied.`
    : 'A party may ask the program to replace the mediator. The program decides.';
}

/**
 * The rules a program runs by, in plain words, each with its citation and the date of the
 * version encoded — the page a parent, a mediator or a court can read to know what applies.
 * A rule not confirmed against its current official text says so.
 */
export function describePack(pack: ResolvedPack, localKeys: readonly string[] = []): RuleLine[] {
  const line = (
    key: string,
    label: string,
    text: string,
    c: Pick<Cited<unknown>, 'cite' | 'since' | 'confirmed' | 'note'>,
    local = localKeys.includes(key),
  ): RuleLine => ({
    key,
    label,
    text,
    cite: c.cite,
    since: c.since,
    local,
    ...(c.confirmed === false
      ? { unconfirmed: c.note ?? 'Not confirmed against the current official text.' }
      : {}),
  });
  const writings = pack.requiredWritings.value
    .map((w) =>
      w === 'agreement_to_mediate'
        ? 'the Agreement to Mediate'
        : 'the seven written disclosures of Rule 88.06(a), with the mediator’s fees in dollars and any relationships or conflicts',
    )
    .join(' and ');
  const { settlementSignature, courtReport } = pack.chosen;
  const informalAllowed = pack.outcomes.value.includes('informal_agreement');
  return [
    line('consent', 'Taking part', optOutText(pack), pack.optOut.value.allowed ? pack.optOut : pack.consent),
    line('cost', 'Cost', pack.cost.value.text, pack.cost),
    line(
      'attorneys',
      'Lawyers at sessions',
      pack.attorneysAtSessions.value
        ? 'Lawyers may attend.'
        : 'Lawyers do not attend sessions. A non-lawyer advocate or support person may come.',
      pack.attorneysAtSessions,
    ),
    line(
      'companionsPerParty',
      'People who may come with each side',
      pack.companions.value === null
        ? 'Set by the program.'
        : `Up to ${pack.companions.value}, unless both sides agree to more.`,
      pack.companions,
    ),
    line(
      'selection',
      'Choosing the mediator',
      `${pack.selection.value.map((s) => SELECTION_TEXT[s]).join('; or ')}.`.replace(/^./, (c) =>
        c.toUpperCase(),
      ),
      pack.selection,
    ),
    line('disqualification', 'Replacing the mediator', disqualificationText(pack), pack.disqualification),
    line(
      'writings',
      'Signed before the first joint session',
      `Each party signs ${writings}.`,
      pack.requiredWritings,
    ),
    line(
      'confidentiality',
      'What stays private',
      `What is said in mediation is confidential under ${pack.confidentiality.value.statute}, with the limits below.`,
      pack.confidentiality,
    ),
    ...pack.confidentiality.value.exceptions.map((e) =>
      line(`exception:${e.id}`, 'A limit on privacy', `If there is ${e.text}: ${e.dutyText}`, e),
    ),
    ...pack.deadlines.map((d) => line(`deadline:${d.id}`, 'Deadline', deadlineText(d), d)),
    line('signedBy', 'Who signs the agreement', pack.agreementSignedBy.value, pack.agreementSignedBy),
    line(
      'settlementSignature',
      CHOICE_LABELS.settlementSignature.label,
      `${CHOICE_LABELS.settlementSignature.options[settlementSignature.value]}.`,
      settlementSignature,
      settlementSignature.local,
    ),
    line('goesTo', 'Where the agreement goes', pack.agreementGoesTo.value, pack.agreementGoesTo),
    line(
      'outcomes',
      'How a case can end',
      informalAllowed
        ? 'Full, partial, informal (unwritten) or no agreement; or withdrawn, or not suitable for mediation.'
        : 'Full or partial agreement, written and signed; no agreement; withdrawn; or not suitable for mediation. An agreement that is not written down does not count.',
      pack.outcomes,
    ),
    line('minimumHours', 'Minimum time in mediation', hours(pack.minimumHours.value), pack.minimumHours),
    ...(pack.overridable.includes('freeHours') || pack.freeHours.value !== null
      ? [line('freeHours', 'Free hours', free(pack.freeHours.value), pack.freeHours)]
      : []),
    line(
      'reportDeadlineDays',
      "Mediator's report to the court",
      days(pack.reportDeadlineDays.value),
      pack.reportDeadlineDays,
    ),
    line(
      'courtReport',
      CHOICE_LABELS.courtReport.label,
      `${CHOICE_LABELS.courtReport.options[courtReport.value]}. Never anything that was said in mediation.`,
      courtReport,
      courtReport.local,
    ),
  ];
}
