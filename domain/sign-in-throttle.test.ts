import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_LOCK_FAILURES,
  DEFAULT_ADDRESS_LIMIT,
  FREE_PAIR_FAILURES,
  locksAccount,
  MAX_PAIR_DELAY_MS,
  pairDelayMs,
  throttleDecision,
} from './sign-in-throttle.ts';

const now = new Date('2026-03-02T15:00:00Z');
const none = { failures: 0, oldest: null, latest: null };
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('sign-in throttle', () => {
  it('lets the first failures from an address through, then makes each wait grow', () => {
    expect(pairDelayMs(FREE_PAIR_FAILURES - 1)).toBe(0);
    expect(pairDelayMs(FREE_PAIR_FAILURES)).toBe(1000);
    expect(pairDelayMs(FREE_PAIR_FAILURES + 3)).toBe(8000);
    expect(pairDelayMs(FREE_PAIR_FAILURES + 40)).toBe(MAX_PAIR_DELAY_MS);

    const pair = { failures: FREE_PAIR_FAILURES + 2, oldest: ago(600), latest: ago(1) };
    const refused = throttleDecision({ now, pair, address: none });
    expect(refused).toMatchObject({ allowed: false, scope: 'pair', retryAfterSeconds: 3 });
    expect(throttleDecision({ now, pair: { ...pair, latest: ago(4) }, address: none })).toEqual({
      allowed: true,
    });
  });

  it('stops an address only past a limit a school district behind one address does not reach', () => {
    expect(DEFAULT_ADDRESS_LIMIT).toBeGreaterThanOrEqual(5000);
    const busy = { failures: 4999, oldest: ago(3000), latest: ago(1) };
    expect(throttleDecision({ now, pair: none, address: busy })).toEqual({ allowed: true });
    const refused = throttleDecision({ now, pair: none, address: { ...busy, failures: 5000 } });
    expect(refused).toMatchObject({ allowed: false, scope: 'address', retryAfterSeconds: 600 });
    expect(throttleDecision({ now, pair: none, address: busy, addressLimit: 100 })).toMatchObject({
      allowed: false,
    });
  });

  it('locks an account after many failures from every address', () => {
    expect(locksAccount(ACCOUNT_LOCK_FAILURES - 1)).toBe(false);
    expect(locksAccount(ACCOUNT_LOCK_FAILURES)).toBe(true);
  });
});
