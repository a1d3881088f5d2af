/**
 * Sign-in throttling. Failed attempts are counted over a sliding hour, per account and per
 * address; past either limit, sign-in is refused (even with the right password) until the oldest
 * counted failure leaves the window. The limits hold in every environment, tests included.
 */
export const THROTTLE_WINDOW_MS = 60 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 100;
export const MAX_FAILURES_PER_ADDRESS = 1000;

export type ThrottleInput = {
  now: Date;
  account: { failures: number; oldest: string | null };
  address: { failures: number; oldest: string | null };
};

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; scope: 'account' | 'address'; retryAt: Date; retryAfterSeconds: number };

/** Decides whether one more attempt may be checked. */
export function throttleDecision({ now, account, address }: ThrottleInput): ThrottleDecision {
  const blocked = (count: number, limit: number) => count >= limit;
  const scope = blocked(account.failures, MAX_FAILURES_PER_ACCOUNT)
    ? 'account'
    : blocked(address.failures, MAX_FAILURES_PER_ADDRESS)
      ? 'address'
      : null;
  if (!scope) return { allowed: true };
  const oldest = (scope === 'account' ? account.oldest : address.oldest) ?? now.toISOString();
  const retryAt = new Date(new Date(oldest).getTime() + THROTTLE_WINDOW_MS);
  return {
    allowed: false,
    scope,
    retryAt,
    retryAfterSeconds: Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000)),
  };
}
