import { type CaseState, isClosed } from './case-lifecycle.ts';
import { type CourtCalendar, courtPeriod, STATEWIDE } from './court-days.ts';
import { endOfMissouriDay, missouriDate } from './missouri-time.ts';
import type { Anchor, DeadlineRule } from './rule-packs/types.ts';

function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

const isWeekend = (date: string) => {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};

/**
 * The local date `days` after (or before, when negative) a date, counting calendar days or
 * business days (Monday to Friday). Court periods (Rule 44.01, Missouri's holidays) are counted
 * by courtPeriod in court-days.ts.
 */
export function addDays(date: string, days: number, kind: 'calendar' | 'business'): string {
  if (kind === 'calendar') return shiftDate(date, days);
  const step = days < 0 ? -1 : 1;
  let left = Math.abs(days);
  let current = date;
  while (left > 0) {
    current = shiftDate(current, step);
    if (!isWeekend(current)) left -= 1;
  }
  return current;
}

export type DeadlineStatus =
  | 'upcoming'
  | 'due_soon'
  | 'overdue'
  | 'met'
  | 'not_started'
  | 'no_longer_applies';

/**
 * A deadline the case has moved past without meeting it, so it can no longer be missed: every
 * deadline of a closed case (declined, withdrawn, closed with or without an agreement), and the
 * Rule 17.03(b) opt-out window once the case is in mediation (the window closes before mediation
 * must begin, and an opt-out cannot be filed from there).
 */
export function noLongerApplies(rule: Pick<DeadlineRule, 'metBy'>, state: CaseState): boolean {
  if (isClosed(state)) return true;
  return rule.metBy === 'opt_out_decided' && state === 'in_mediation';
}
export type Deadline = {
  id: string;
  label: string;
  /** The last moment: 23:59:59 Missouri time on the due date. */
  dueAt: string | null;
  dueDate: string | null;
  status: DeadlineStatus;
  daysLeft: number | null;
  cite: string;
  /** The date the pack gave, when the deadline was extended to `dueDate`. */
  originalDueDate: string | null;
};

/**
 * Every deadline of a pack for one case, from the dates its events happened. Court deadlines are
 * counted on `calendar` (Missouri's statewide court calendar unless the program adds closures).
 */
export function computeDeadlines(
  rules: readonly DeadlineRule[],
  anchors: Partial<Record<Anchor, string | null>>,
  met: Partial<Record<string, string | null>>,
  now: Date,
  calendar: CourtCalendar = STATEWIDE,
  /** Deadlines extended to a new date, by id (the latest extension's date). */
  extended: Partial<Record<string, string>> = {},
  /** Where the case stands: a deadline it moved past no longer applies (noLongerApplies). */
  state?: CaseState,
): Deadline[] {
  return rules.map((rule) => {
    const start = anchors[rule.from];
    if (!start) {
      return {
        id: rule.id,
        label: rule.label,
        dueAt: null,
        dueDate: null,
        status: 'not_started',
        daysLeft: null,
        cite: rule.cite,
        originalDueDate: null,
      };
    }
    // An anchor given as a date (a court's deadline to begin) is already a Missouri date.
    const startDate = start.length === 10 ? start : missouriDate(new Date(start));
    const packDate =
      rule.dayKind === 'court'
        ? courtPeriod(startDate, rule.days, calendar).dueDate
        : addDays(startDate, rule.days, rule.dayKind);
    const dueDate = extended[rule.id] ?? packDate;
    const dueAt = endOfMissouriDay(dueDate);
    const today = missouriDate(now);
    const daysLeft = Math.round(
      (Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
    );
    const status: DeadlineStatus = met[rule.metBy]
      ? 'met'
      : state && noLongerApplies(rule, state)
        ? 'no_longer_applies'
        : now > dueAt
          ? 'overdue'
          : daysLeft <= rule.warnDays
            ? 'due_soon'
            : 'upcoming';
    return {
      id: rule.id,
      label: rule.label,
      dueAt: dueAt.toISOString(),
      dueDate,
      status,
      daysLeft,
      cite: rule.cite,
      originalDueDate: dueDate === packDate ? null : packDate,
    };
  });
}
