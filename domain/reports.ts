/**
 * What the reports count and how, in plain words: the definitions shown beside the figures, the
 * due-process cost behind "cost avoided" and where the figure comes from, and the rule that keeps
 * small counts from pointing at a family.
 */

/** The default cost of a due-process hearing, whole dollars, and where the figure comes from. */
export const DEFAULT_DUE_PROCESS_COST = 16_000;
export const DEFAULT_DUE_PROCESS_COST_SOURCE =
  'Missouri Department of Elementary and Secondary Education (DESE): "Missouri due process costs districts an average of approximately $16,000 to litigate."';

/** The outcomes the dashboard counts, in the order it shows them. */
export const REPORTED_OUTCOMES = [
  'full_agreement',
  'partial_agreement',
  'informal_agreement',
  'no_agreement',
  'not_suitable',
] as const;
export type ReportedOutcome = (typeof REPORTED_OUTCOMES)[number];

/** Outcomes that resolved the dispute, in whole or part. */
export const RESOLVED_OUTCOMES = ['full_agreement', 'partial_agreement', 'informal_agreement'] as const;

export const RESOLUTION_RATE_DEFINITION =
  'Mediations that ended in a full, partial or informal agreement, out of all mediations that ended with an outcome (agreement or no agreement), by the day the case closed. Requests declined, withdrawn or found not suitable are not mediations that ended, so they are left out.';

export const COST_AVOIDED_DEFINITION =
  'Cases resolved by agreement, times what one due-process hearing costs: an estimate of what was not spent on hearings, not a measured saving.';

export const DEADLINES_MET_DEFINITION =
  'Promises in signed agreements that fell due in the period and were no longer open: those done by their due date, out of those done, done late or missed (waived ones are left out).';

export const DAYS_DEFINITION =
  'Calendar days from the request to the first session held, and from the request to the case closing. The median is the middle case; the 90th percentile is the case 9 in 10 are at or under (nearest rank).';

export const SURVEY_QUESTIONS = [
  { key: 'overall', label: 'How it went overall' },
  { key: 'heard', label: 'How well they were heard' },
  { key: 'fair', label: 'How fair it was' },
] as const;
export type SurveyQuestionKey = (typeof SURVEY_QUESTIONS)[number]['key'];

/** The smallest count shown as itself to a party or the public; smaller ones read "fewer than 5". */
export const SMALL_CELL = 5;

/** A percentage to one decimal, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole) / 10;
}

/** A figure to one decimal. */
export const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

/** The first day of the month after `month` (YYYY-MM), as YYYY-MM-DD. */
export function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The day after a date (YYYY-MM-DD). */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Every month (YYYY-MM) from the one holding `first` to the one holding `last`, at most `limit` (the latest). */
export function monthsBetween(first: string, last: string, limit = 120): string[] {
  const months: string[] = [];
  for (let m = first.slice(0, 7); m <= last.slice(0, 7); m = nextMonthStart(m).slice(0, 7)) months.push(m);
  return months.slice(-limit);
}

/**
 * The mediation section of the IDEA Part B dispute-resolution data each state reports to the U.S.
 * Department of Education for a reporting year (July 1 to June 30), figure by figure, in its order
 * and numbering, with what Parley counts for each.
 */
export const FEDERAL_FIGURES = [
  {
    key: 'received',
    number: '2.1',
    label: 'Mediation requests received',
    counts: 'Requests received during the year.',
  },
  {
    key: 'held',
    number: '2.1(a)',
    label: 'Mediations held',
    counts: 'Cases whose first session was held during the year.',
  },
  {
    key: 'heldRelated',
    number: '2.1(a)(i)',
    label: 'Mediations held related to due process complaints',
    counts: 'Mediations held during the year on a case with a due process complaint pending.',
  },
  {
    key: 'agreementsRelated',
    number: '2.1(a)(i)(1)',
    label: 'Mediation agreements related to due process complaints',
    counts: 'Of those, the ones that reached a written agreement (full or partial) by June 30.',
  },
  {
    key: 'heldNotRelated',
    number: '2.1(a)(ii)',
    label: 'Mediations held not related to due process complaints',
    counts: 'Mediations held during the year on a case with no due process complaint pending.',
  },
  {
    key: 'agreementsNotRelated',
    number: '2.1(a)(ii)(1)',
    label: 'Mediation agreements not related to due process complaints',
    counts: 'Of those, the ones that reached a written agreement (full or partial) by June 30.',
  },
  {
    key: 'pending',
    number: '2.1(b)',
    label: 'Mediations pending',
    counts: 'Requests received during the year that on June 30 were neither held nor closed.',
  },
  {
    key: 'withdrawn',
    number: '2.1(c)',
    label: 'Mediations withdrawn or not held',
    counts: 'Requests received during the year that closed by June 30 without a session held.',
  },
] as const;
export type FederalFigureKey = (typeof FEDERAL_FIGURES)[number]['key'];
export const FEDERAL_FIGURE_KEYS = FEDERAL_FIGURES.map((f) => f.key) as [
  FederalFigureKey,
  ...FederalFigureKey[],
];

/** Written agreements, the only ones the federal section counts (34 CFR 300.506(b)(6)). */
export const WRITTEN_AGREEMENTS = ['full_agreement', 'partial_agreement'] as const;

/** The reporting year that starts on July 1 of `year`: its first and last days and its name ("2025–26"). */
export function reportingYear(year: number) {
  return {
    year,
    from: `${year}-07-01`,
    to: `${year + 1}-06-30`,
    label: `${year}–${String((year + 1) % 100).padStart(2, '0')}`,
  };
}

/** The reporting year a Missouri date falls in (named by the year it starts). */
export const reportingYearOf = (date: string): number => {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '07-01' ? year : year - 1;
};

export const FEWER_THAN_5 = 'fewer than 5' as const;
/**
 * A count as a party or the public may see it: 1 to 4 read "fewer than 5", so a small figure
 * cannot point at a family. Coordinators see exact counts.
 */
export const publicCell = (n: number): number | typeof FEWER_THAN_5 =>
  n > 0 && n < SMALL_CELL ? FEWER_THAN_5 : n;
/** A percentage as the public may see it: none when fewer than 5 cases stand behind it. */
export const publicPercent = (part: number, whole: number): number | null =>
  whole < SMALL_CELL ? null : percent(part, whole);
