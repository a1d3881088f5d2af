/**
 * Association membership: a year of dues buys a period; after it ends the membership is
 * overdue ("grace") for the tier's grace days, then lapsed. Pure rules, no I/O; the membership
 * service applies them and the daily job moves stored states to match.
 *
 * Benefits (the member role: forms library, newsletter archive, job listings, member prices, and
 * for full members the directory listing) hold while a membership is active or in grace, and stop
 * when it lapses. Grace is a courtesy so a late cheque does not switch a mediator's listing off.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * DAY_MS);

export const MEMBERSHIP_STATUSES = ['pending', 'active', 'grace', 'lapsed'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** A membership year. Renewals before expiry or during grace extend from the old end date. */
export const MEMBERSHIP_TERM_MONTHS = 12;

export type MembershipClock = {
  status: MembershipStatus;
  /** End of the paid period (exclusive), ISO-8601 UTC; null while the first dues are unpaid. */
  expiresAt: string | null;
  graceDays: number;
};

/** The state a membership is in at `now`, from its paid period: active → grace → lapsed. */
export function membershipStateAt(m: MembershipClock, now: Date): MembershipStatus {
  if (!m.expiresAt) return m.status === 'lapsed' ? 'lapsed' : 'pending';
  const end = new Date(m.expiresAt).getTime();
  const t = now.getTime();
  if (t < end) return 'active';
  if (t < end + m.graceDays * DAY_MS) return 'grace';
  return 'lapsed';
}

/** A membership's state in words: the same for the member and for staff. */
export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  pending: 'Waiting for dues',
  active: 'Active',
  grace: 'Overdue (grace period)',
  lapsed: 'Lapsed',
};

/** When benefits stop if dues are not paid: the end of the paid period plus the grace days. */
export const graceEndsAt = (expiresAt: string | null, graceDays: number): string | null =>
  expiresAt ? new Date(new Date(expiresAt).getTime() + graceDays * DAY_MS).toISOString() : null;

export const hasBenefits = (status: MembershipStatus): boolean => status === 'active' || status === 'grace';

/** How staff may record dues or a fee received outside Parley (the offline provider). */
export const OFFLINE_METHODS = ['cheque', 'cash', 'at_event', 'bank_transfer', 'money_order'] as const;
export type OfflineMethod = (typeof OFFLINE_METHODS)[number];

/** Adds calendar months in UTC, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/**
 * The new end of the paid period when dues are paid at `paidAt`. Paying early or during grace
 * extends from the old end (no free days, none lost); a lapsed or new membership starts afresh.
 */
export function periodAfterPayment(m: MembershipClock, paidAt: Date): { startsAt: Date; expiresAt: Date } {
  const state = membershipStateAt(m, paidAt);
  const startsAt = (state === 'active' || state === 'grace') && m.expiresAt ? new Date(m.expiresAt) : paidAt;
  return { startsAt, expiresAt: addMonths(startsAt, MEMBERSHIP_TERM_MONTHS) };
}

export const REMINDER_KINDS = ['renew-30-days', 'renew-7-days', 'expired', 'grace', 'lapsed'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** When each reminder falls due, relative to the end of the paid period. */
export function reminderSchedule(expiresAt: string, graceDays: number): { kind: ReminderKind; at: Date }[] {
  const end = new Date(expiresAt);
  const midGrace = Math.max(1, Math.floor(graceDays / 2));
  return [
    { kind: 'renew-30-days', at: addDays(end, -30) },
    { kind: 'renew-7-days', at: addDays(end, -7) },
    { kind: 'expired', at: end },
    ...(graceDays > 1 ? [{ kind: 'grace' as const, at: addDays(end, midGrace) }] : []),
    { kind: 'lapsed', at: addDays(end, graceDays) },
  ];
}

/**
 * The one reminder to send now, if any: the latest that has fallen due. When the job was not run
 * for a while (a server was down), earlier reminders are skipped rather than sent all at once —
 * a member gets "your membership has lapsed", not three notices in one morning. The caller keeps
 * a unique key per (membership, period, kind) so each goes once.
 */
export function reminderDue(m: MembershipClock, now: Date): ReminderKind | null {
  if (!m.expiresAt || m.status === 'pending') return null;
  const due = reminderSchedule(m.expiresAt, m.graceDays).filter((r) => r.at.getTime() <= now.getTime());
  return due.at(-1)?.kind ?? null;
}

/** "$125.00": an amount of money held in cents. */
export const dollars = (cents: number): string => `$${(cents / 100).toFixed(2)}`;
