import type { Cited, RulePack } from './rule-packs/types.ts';

/**
 * How long a closed case's records are kept, and when its confidential words go.
 *
 * A case's records are kept `closedCaseYears` after it closes (the pack's figure, or the program's
 * own schedule naming where it comes from), then purged: the case and everything on it, leaving the
 * audit trail and a de-identified statistical row. A program may also purge the confidential words
 * (the mediator's notes, each party's preparation, options never released) `confidentialAfterDays`
 * after the case closes; by default they go with the rest. A legal hold stops both.
 */
export type ProgramRetention = {
  /** The program's own schedule, naming where it comes from; absent: the pack's figure. */
  closedCaseYears?: { value: number; cite: string; since?: string };
  /** Days after closing to purge confidential words; absent or null: with the rest. */
  confidentialAfterDays?: number | null;
};

export type ResolvedRetention = {
  closedCaseYears: Cited<number> & { local: boolean };
  confidentialAfterDays: number | null;
};

/** Parley's default for a program without a pack (the association): three years, its own practice. */
export const NO_PACK_RETENTION: Cited<{ closedCaseYears: number }> = {
  value: { closedCaseYears: 3 },
  cite: 'Parley default for a program without a rule pack',
  since: '2026-11-26',
  confirmed: false,
  note: 'No rule applies; the program should name its own schedule.',
};

/** Longest and shortest schedules a program may set (whole years), and the longest early purge. */
export const RETENTION_LIMITS = { minYears: 1, maxYears: 75, maxConfidentialDays: 3650 } as const;

export function resolveRetention(pack: RulePack | undefined, own: ProgramRetention = {}): ResolvedRetention {
  const base = pack?.retention ?? NO_PACK_RETENTION;
  const years = own.closedCaseYears
    ? {
        value: own.closedCaseYears.value,
        cite: own.closedCaseYears.cite,
        since: own.closedCaseYears.since ?? '',
        local: true,
      }
    : {
        value: base.value.closedCaseYears,
        cite: base.cite,
        since: base.since,
        ...(base.source ? { source: base.source } : {}),
        ...(base.read ? { read: base.read } : {}),
        ...(base.confirmed === false ? { confirmed: false as const } : {}),
        ...(base.note ? { note: base.note } : {}),
        local: false,
      };
  return { closedCaseYears: years, confidentialAfterDays: own.confidentialAfterDays ?? null };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant a closed case's records are due to be purged: whole calendar years after it closed (UTC). */
export function recordsExpireAt(closedAt: Date, years: number): Date {
  const at = new Date(closedAt.getTime());
  at.setUTCFullYear(at.getUTCFullYear() + years);
  return at;
}

/** The instant a closed case's confidential words are due to be purged, or null when they go with the rest. */
export const confidentialExpiresAt = (closedAt: Date, days: number | null): Date | null =>
  days === null ? null : new Date(closedAt.getTime() + days * DAY_MS);

export type PurgeStep = 'none' | 'confidential' | 'records';

/**
 * What is due for a closed case now: its whole record (which takes the confidential words with it),
 * only its confidential words, or nothing. A case under a legal hold is due nothing.
 */
export function purgeDue(input: {
  closedAt: Date;
  now: Date;
  retention: ResolvedRetention;
  held: boolean;
}): PurgeStep {
  if (input.held) return 'none';
  if (recordsExpireAt(input.closedAt, input.retention.closedCaseYears.value) <= input.now) return 'records';
  const early = confidentialExpiresAt(input.closedAt, input.retention.confidentialAfterDays);
  return early && early <= input.now ? 'confidential' : 'none';
}

/** A month as YYYY-MM (UTC): statistical rows keep dates to the month, never the day. */
export const monthOf = (at: Date | string): string => new Date(at).toISOString().slice(0, 7);

/**
 * How long expired or used sign-in tokens and unanswered invitations are kept after they stop
 * working, before the daily token purge removes them (time to answer "my link did not work").
 */
export const TOKEN_GRACE_DAYS = 30;
