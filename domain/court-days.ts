import { missouriLegalHoliday } from './missouri-holidays.ts';

/**
 * Counting a court period the way Missouri courts do, Supreme Court Rule 44.01(a): "the day of
 * the act, event, or default after which the designated period of time begins to run is not to
 * be included. The last day of the period so computed is to be included, unless it is a Saturday,
 * Sunday or a legal holiday, in which event the period runs until the end of the next day which
 * is neither a Saturday, Sunday nor a legal holiday. When the period of time prescribed or allowed
 * is less than seven days, intermediate Saturdays, Sundays and legal holidays shall be excluded."
 * (courts.mo.gov clerk handbook, Rule 44.01, revised 1 July 2013; read 2026-11-26.)
 *
 * Dates here are Missouri calendar dates, "YYYY-MM-DD".
 */
export const RULE_44_01 = {
  cite: 'Rule 44.01(a)',
  since: '2013-07-01',
  source: 'courts.mo.gov clerk handbooks, Supreme Court Rules, 44.01',
  read: '2026-11-26',
};

/** A day the court is closed by its own order (a circuit's administrative order), with the order. */
export type LocalClosure = { date: string; reason: string };

/**
 * The days a court is closed: weekends, RSMo 9.010's holidays, and the circuit's own closures.
 * A day a circuit court closes by order (the Friday after Thanksgiving in some circuits, the
 * Friday before a Saturday holiday) counts as a legal holiday for its deadlines: the St. Louis
 * County circuit's order of 28 October 2013 closing the Friday after Thanksgiving says so, citing
 * Heinen v. Healthline Management, 982 S.W.2d 244 (Mo. 1998) (the order was read, the decision
 * was not). A program adds those days as local closures.
 */
export type CourtCalendar = { closedBecause: (date: string) => string | null };

const dayOfWeek = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Missouri's statewide court calendar, plus a circuit's own closures. */
export function missouriCourtCalendar(closures: readonly LocalClosure[] = []): CourtCalendar {
  const local = new Map(closures.map((c) => [c.date, c.reason]));
  return {
    closedBecause(date) {
      const d = dayOfWeek(date);
      if (d === 6) return 'a Saturday';
      if (d === 0) return 'a Sunday';
      const holiday = missouriLegalHoliday(date);
      if (holiday) return `${holiday.name}, a Missouri legal holiday (RSMo 9.010)`;
      const closure = local.get(date);
      return closure ? `the court is closed (${closure})` : null;
    },
  };
}

export const STATEWIDE: CourtCalendar = missouriCourtCalendar();

export const isCourtDay = (date: string, calendar: CourtCalendar = STATEWIDE) =>
  calendar.closedBecause(date) === null;

export type CourtPeriod = {
  /** The last day to act: the end of this day, Missouri time. */
  dueDate: string;
  /** The day the count itself reached, before any move off a weekend or holiday. */
  countedTo: string;
  /** The days the last day moved past, with why, so a page can say why the date is later. */
  movedPast: { date: string; why: string }[];
};

/**
 * The last day of a period of `days` days after `start` (the day of the act, not counted), by
 * Rule 44.01(a). A period shorter than seven days counts court days only. A negative period
 * (a window that must close before a court's date) counts back in calendar days and is never
 * moved: Rule 44.01(a) speaks of periods running forward, and moving the close of a window later
 * could let a filing land on or after the very date it must come before.
 */
export function courtPeriod(start: string, days: number, calendar: CourtCalendar = STATEWIDE): CourtPeriod {
  if (days < 0) {
    const dueDate = plusDays(start, days);
    return { dueDate, countedTo: dueDate, movedPast: [] };
  }
  let countedTo = start;
  if (days < 7) {
    for (let left = days; left > 0; ) {
      countedTo = plusDays(countedTo, 1);
      if (isCourtDay(countedTo, calendar)) left -= 1;
    }
  } else {
    countedTo = plusDays(start, days);
  }
  const movedPast: CourtPeriod['movedPast'] = [];
  let dueDate = countedTo;
  for (let why = calendar.closedBecause(dueDate); why; why = calendar.closedBecause(dueDate)) {
    movedPast.push({ date: dueDate, why });
    dueDate = plusDays(dueDate, 1);
  }
  return { dueDate, countedTo, movedPast };
}
