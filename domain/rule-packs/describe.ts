import type { ResolvedPack } from './index.ts';

/** One rule as a person reads it, with where it comes from. */
export type RuleLine = {
  key: string;
  label: string;
  text: string;
  cite: string;
  since: string;
  local: boolean;
};

const CONSENT_TEXT = {
  both_must_agree: 'Both sides must agree to take part. Either side may say no.',
  court_ordered: 'The court orders the parties to attend. Reaching an agreement is still up to them.',
  court_referred_opt_out: 'The court refers the case; a party may opt out in writing before the deadline.',
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

/**
 * The rules a program runs by, in plain words, each with its citation and the date of the
 * version encoded — the page a parent, a mediator or a court can read to know what applies.
 */
export function describePack(pack: ResolvedPack, localKeys: readonly string[] = []): RuleLine[] {
  const line = (key: string, label: string, text: string, c: { cite: string; since: string }): RuleLine => ({
    key,
    label,
    text,
    cite: c.cite,
    since: c.since,
    local: localKeys.includes(key),
  });
  const writings = pack.requiredWritings.value
    .map((w) =>
      w === 'agreement_to_mediate'
        ? 'the Agreement to Mediate'
        : 'the seven written disclosures of Rule 88.06(a)',
    )
    .join(' and ');
  return [
    line('consent', 'Taking part', CONSENT_TEXT[pack.consent.value], pack.consent),
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
    line(
      'writings',
      'Signed before the first joint session',
      `Each party signs ${writings}.`,
      pack.requiredWritings,
    ),
    line(
      'confidentiality',
      'What stays private',
      `What is said in mediation is confidential under ${pack.confidentiality.value.statute}, except ${pack.confidentiality.value.exceptions.join(' and ')}.`,
      pack.confidentiality,
    ),
    ...pack.deadlines.map((d) =>
      line(`deadline:${d.id}`, 'Deadline', `${d.label}: ${Math.abs(d.days)} ${d.dayKind} days.`, d),
    ),
    line('signedBy', 'Who signs the agreement', pack.agreementSignedBy.value, pack.agreementSignedBy),
    line('goesTo', 'Where the agreement goes', pack.agreementGoesTo.value, pack.agreementGoesTo),
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
  ];
}
