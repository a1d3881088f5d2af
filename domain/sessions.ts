import type { Deadline } from './deadlines.ts';

/**
 * Mediation sessions: pre-mediation meetings with one side, joint sessions, and caucuses (the
 * mediator with one side during a joint session). Times are instants (UTC); people type and read
 * them in Missouri time.
 */
export const SESSION_KINDS = ['pre_mediation', 'joint', 'caucus'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
/** A session is scheduled, then held (attendance recorded) or cancelled. */
export const SESSION_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  pre_mediation: 'Pre-mediation meeting',
  joint: 'Joint session',
  caucus: 'Private meeting (caucus)',
};

/**
 * Screening's "separate sessions" safeguard: where it is set for anyone on the case, the sides
 * never sit together, so the mediator meets each side on its own (pre-mediation meetings and
 * caucuses, shuttling between them) and no joint session is set. The refusal, or null.
 */
export function jointSessionRefusal(safeguards: readonly { kind: string }[]): string | null {
  return safeguards.some((s) => s.kind === 'separate_sessions')
    ? 'Screening set the “separate sessions” safeguard on this case, so the sides do not meet in a joint session. Meet each side on its own: set a pre-mediation meeting or a private meeting (caucus) instead.'
    : null;
}

export type Interval = { start: Date; minutes: number };
const end = (i: Interval) => i.start.getTime() + i.minutes * 60_000;

/** Two sessions overlap when one starts before the other ends (back to back is fine). */
export const overlaps = (a: Interval, b: Interval): boolean =>
  a.start.getTime() < end(b) && b.start.getTime() < end(a);

/**
 * The pack's deadlines a session would miss: a session that ends after a deadline that is not
 * yet met (DESE practice: the session within 15 days of choosing the mediator, completion within
 * 30 days of agreeing to mediate). A warning, not a refusal: the parties may agree to a later date.
 */
export function deadlineWarnings(deadlines: readonly Deadline[], session: Interval): string[] {
  return deadlines
    .filter((d) => d.dueAt && d.status !== 'met' && end(session) > Date.parse(d.dueAt))
    .map((d) => `This session is after the deadline "${d.label}" (${d.cite}).`);
}

/**
 * When the first session was held, for the DESE deadline "the session within 15 days of choosing
 * the mediator" (34 CFR 300.506(b)(5): mediation is scheduled in a timely manner). A joint session
 * counts from the moment it starts, whether or not the mediator has recorded attendance yet;
 * a cancelled one never counts, nor do pre-mediation meetings or caucuses alone.
 */
export function firstSessionHeldAt(
  sessions: readonly { kind: string; status: string; starts_at: string }[],
  now: Date,
): string | null {
  const started = sessions
    .filter((s) => s.kind === 'joint' && s.status !== 'cancelled' && Date.parse(s.starts_at) <= now.getTime())
    .map((s) => s.starts_at)
    .sort();
  return started[0] ?? null;
}

/**
 * Hours of mediation against a local minimum (16th Circuit: at least two hours unless waived for
 * good cause). Held sessions count; cancelled ones do not.
 */
export function hoursProgress(
  minimumHours: number | null,
  sessions: readonly { minutes: number; status: string }[],
  freeHours: number | null = null,
): {
  minimumHours: number | null;
  heldHours: number;
  scheduledHours: number;
  met: boolean | null;
  freeHours: number | null;
  freeHoursLeft: number | null;
  paidHours: number;
} {
  const sum = (status: string) =>
    sessions.filter((s) => s.status === status).reduce((n, s) => n + s.minutes, 0) / 60;
  const heldHours = sum('held');
  return {
    minimumHours,
    heldHours,
    scheduledHours: sum('scheduled'),
    met: minimumHours === null ? null : heldHours >= minimumHours,
    // A program's free-hours allowance (a local rule): hours held beyond it are charged at the
    // program's rates. Without an allowance, nothing is counted against one.
    freeHours,
    freeHoursLeft: freeHours === null ? null : Math.max(0, freeHours - heldHours),
    paidHours: freeHours === null ? 0 : Math.max(0, heldHours - freeHours),
  };
}

/**
 * When the first session was scheduled (a date set), for the DESE deadline "the session is
 * scheduled within 15 days of picking the mediator" (the State Plan as restated by MPACT): met
 * once a joint session is on the calendar, whenever it is to take place. A cancelled one does not
 * count, so a session set and then cancelled leaves the deadline open until another is set.
 */
export function firstSessionScheduledAt(
  sessions: readonly { kind: string; status: string; created_at?: string }[],
): string | null {
  const set = sessions
    .filter((s) => s.kind === 'joint' && s.status !== 'cancelled' && s.created_at)
    .map((s) => s.created_at!)
    .sort();
  return set[0] ?? null;
}

/**
 * The best of the proposed times: the one the most people asked can attend; of a tie, the
 * earliest. Null when no one can attend any (or nothing was proposed).
 */
export function bestSlot(
  slots: readonly { id: string; startsAt: string }[],
  answers: readonly (readonly string[] | null)[],
): { id: string; count: number } | null {
  let best: { id: string; count: number; at: number } | null = null;
  for (const slot of slots) {
    const count = answers.filter((a) => a?.includes(slot.id)).length;
    const at = Date.parse(slot.startsAt);
    if (count > 0 && (!best || count > best.count || (count === best.count && at < best.at)))
      best = { id: slot.id, count, at };
  }
  return best && { id: best.id, count: best.count };
}
