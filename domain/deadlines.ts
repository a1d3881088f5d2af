import { type CourtCalendar, courtPeriod, STATEWIDE } from './court-days.ts';
import type { Anchor, DeadlineRule } from './rule-packs/types.ts';

/** Missouri's time zone: every deadline is shown and counted in it. */
export const MISSOURI_TZ = 'America/Chicago';

const partsFmt = new Intl.DateTimeFormat('en-US', {
  timeZone: MISSOURI_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function zonedParts(at: Date) {
  const p = Object.fromEntries(partsFmt.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    y: Number(p.year),
    m: Number(p.month),
    d: Number(p.day),
    h: Number(p.hour),
    min: Number(p.minute),
    s: Number(p.second),
  };
}

/** The local date (YYYY-MM-DD) in Missouri of an instant. */
export function missouriDate(at: Date): string {
  const p = zonedParts(at);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** The instant of a Missouri wall-clock time (handles daylight saving). */
export function missouriInstant(date: string, time = '23:59:59'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = time.split(':').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm, ss);
  // Offset of Missouri from UTC around that time, applied twice to settle across a DST change.
  let at = guess;
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(at));
    const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s);
    at = guess - (asUtc - at);
  }
  return new Date(at);
}

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

export type DeadlineStatus = 'upcoming' | 'due_soon' | 'overdue' | 'met' | 'not_started';
export type Deadline = {
  id: string;
  label: string;
  /** The last moment: 23:59:59 Missouri time on the due date. */
  dueAt: string | null;
  dueDate: string | null;
  status: DeadlineStatus;
  daysLeft: number | null;
  cite: string;
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
      };
    }
    // An anchor given as a date (a court's deadline to begin) is already a Missouri date.
    const startDate = start.length === 10 ? start : missouriDate(new Date(start));
    const dueDate =
      rule.dayKind === 'court'
        ? courtPeriod(startDate, rule.days, calendar).dueDate
        : addDays(startDate, rule.days, rule.dayKind);
    const dueAt = missouriInstant(dueDate);
    const today = missouriDate(now);
    const daysLeft = Math.round(
      (Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
    );
    const status: DeadlineStatus = met[rule.metBy]
      ? 'met'
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
    };
  });
}

/** "Friday, March 20, 2026" in Missouri time. */
export function formatMissouriDate(at: Date | string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: MISSOURI_TZ, dateStyle: 'full' }).format(
    typeof at === 'string' ? new Date(at) : at,
  );
}
