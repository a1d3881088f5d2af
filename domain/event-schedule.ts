import { dollars } from './membership.ts';
import { formatMissouriDate, formatMissouriTime, missouriDate } from './missouri-time.ts';

/**
 * A training's schedule: one session per day (or part of a day), each with its own start and end.
 * The hours a training holds are the sum of its sessions' lengths — never a start plus a number
 * of hours, which put a two-day, sixteen-hour training's end at midnight of the first night.
 */
export type Session = { startsAt: string; endsAt: string };

const HOUR = 3_600_000;

/** Hours between a session's start and end, to the quarter hour. */
export const sessionHours = (s: Session): number =>
  Math.round(((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / HOUR) * 4) / 4;

/** The hours of every session together. */
export const scheduledHours = (sessions: readonly Session[]): number =>
  sessions.reduce((sum, s) => sum + sessionHours(s), 0);

/**
 * What is wrong with a schedule, by field path (`sessions.1.endsAt`), in words for the form:
 * each session ends after it starts, lasts at most a day, and begins after the one before ends.
 */
export function scheduleProblems(sessions: readonly Session[]): Record<string, string> {
  const problems: Record<string, string> = {};
  sessions.forEach((s, i) => {
    const start = Date.parse(s.startsAt);
    const end = Date.parse(s.endsAt);
    if (end <= start) problems[`sessions.${i}.endsAt`] = `Day ${i + 1} must end after it starts`;
    else if (end - start > 24 * HOUR) problems[`sessions.${i}.endsAt`] = `Day ${i + 1} is longer than a day`;
    const before = sessions[i - 1];
    if (before && start < Date.parse(before.endsAt))
      problems[`sessions.${i}.startsAt`] = `Day ${i + 1} must start after day ${i} ends`;
  });
  return problems;
}

/** "Saturday, March 7, 2026, 9:00 AM to 5:00 PM" in Missouri time. */
export const sessionText = (s: Session): string =>
  `${formatMissouriDate(s.startsAt, { weekday: true })}, ${formatMissouriTime(s.startsAt)} to ${formatMissouriTime(s.endsAt)}`;

/** The days a training is held, for a certificate: "March 7, 2026 and March 8, 2026". */
export function scheduleDates(sessions: readonly Session[]): string {
  const days = [...new Set(sessions.map((s) => missouriDate(new Date(s.startsAt))))];
  const words = days.map((d) => formatMissouriDate(d));
  return words.length <= 2
    ? words.join(' and ')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** What an event costs, said once: "Free", "$40.00", or "Members free, others $40.00". */
export function priceText(memberCents: number, otherCents: number): string {
  const money = (cents: number) => (cents === 0 ? 'free' : dollars(cents));
  if (memberCents === otherCents) return memberCents === 0 ? 'Free' : dollars(otherCents);
  return `Members ${money(memberCents)}, others ${money(otherCents)}`;
}
