import { describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, throttleDecision } from './sign-in-throttle.ts';

const now = new Date('2026-11-21T12:00:00.000Z');
const none = { failures: 0, oldest: null };

describe('sign-in throttle', () => {
  it('allows the 100th failure to be checked and refuses the 101st attempt', () => {
    const oldest = '2026-11-21T11:30:00.000Z';
    expect(
      throttleDecision({ now, account: { failures: MAX_FAILURES_PER_ACCOUNT - 1, oldest }, address: none }),
    ).toEqual({
      allowed: true,
    });
    const refused = throttleDecision({
      now,
      account: { failures: MAX_FAILURES_PER_ACCOUNT, oldest },
      address: none,
    });
    expect(refused).toMatchObject({ allowed: false, scope: 'account', retryAfterSeconds: 30 * 60 });
  });

  it('limits one address across many accounts', () => {
    const oldest = '2026-11-21T11:59:00.000Z';
    const d = throttleDecision({
      now,
      account: none,
      address: { failures: MAX_FAILURES_PER_ADDRESS, oldest },
    });
    expect(d).toMatchObject({ allowed: false, scope: 'address', retryAfterSeconds: 59 * 60 });
  });
});
