/**
 * Sign-in throttling, built so an attacker cannot turn it on the account's owner. Failed
 * attempts are counted over a sliding hour:
 *
 * - per account and address together: the first few failures are free, then each further try
 *   from that address must wait twice as long as the last (1 s, 2 s, 4 s … up to 15 minutes).
 *   Guessing from one address slows to a crawl; the owner, at another address, is not touched.
 * - per account, from every address: past ACCOUNT_LOCK_FAILURES the account is locked. The owner
 *   is e-mailed a link that lifts the lock, and a completed password reset lifts it too, so a
 *   lock costs the owner one e-mail, never an hour.
 * - per address, over all accounts: a limit high enough for a school district's shared address
 *   (thousands of people behind one address), which only stops spraying at scale.
 *
 * The second factor has its own limits: a few codes per pending sign-in (the fifth wrong one ends
 * it), and a few per account per hour across every sign-in.
 */
export const THROTTLE_WINDOW_MS = 60 * 60 * 1000;
/** Failures from one address for one account before delays begin. */
export const FREE_PAIR_FAILURES = 5;
export const MAX_PAIR_DELAY_MS = 15 * 60 * 1000;
/** Failures for one account from every address in an hour that lock it. */
export const ACCOUNT_LOCK_FAILURES = 50;
/** Failures from one address over every account in an hour; the setting SIGN_IN_ADDRESS_LIMIT. */
export const DEFAULT_ADDRESS_LIMIT = 5000;
/** Wrong codes in one pending sign-in: the last one ends it. */
export const MFA_ATTEMPTS_PER_SIGN_IN = 5;
/** Wrong second-factor codes for one account in an hour, across sign-ins. */
export const MFA_FAILURES_PER_ACCOUNT = 10;

export type FailureCount = { failures: number; oldest: string | null; latest?: string | null };

export type ThrottleInput = {
  now: Date;
  /** This account from this address. */
  pair: FailureCount;
  /** This address over every account. */
  address: FailureCount;
  addressLimit?: number;
};

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; scope: 'pair' | 'address'; retryAt: Date; retryAfterSeconds: number };

/** The wait after the latest failure before this address may try this account again. */
export function pairDelayMs(failures: number): number {
  if (failures < FREE_PAIR_FAILURES) return 0;
  return Math.min(MAX_PAIR_DELAY_MS, 1000 * 2 ** (failures - FREE_PAIR_FAILURES));
}

const refusal = (scope: 'pair' | 'address', now: Date, retryAt: Date): ThrottleDecision => ({
  allowed: false,
  scope,
  retryAt,
  retryAfterSeconds: Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000)),
});

/** Decides whether one more password may be checked (the account lock is decided apart). */
export function throttleDecision({ now, pair, address, addressLimit }: ThrottleInput): ThrottleDecision {
  const limit = addressLimit ?? DEFAULT_ADDRESS_LIMIT;
  if (address.failures >= limit) {
    const oldest = address.oldest ?? now.toISOString();
    return refusal('address', now, new Date(new Date(oldest).getTime() + THROTTLE_WINDOW_MS));
  }
  const delay = pairDelayMs(pair.failures);
  if (delay > 0 && pair.latest) {
    const retryAt = new Date(new Date(pair.latest).getTime() + delay);
    if (retryAt > now) return refusal('pair', now, retryAt);
  }
  return { allowed: true };
}

/** Whether this failure (counted in `accountFailures`, from every address) locks the account. */
export const locksAccount = (accountFailures: number) => accountFailures >= ACCOUNT_LOCK_FAILURES;
