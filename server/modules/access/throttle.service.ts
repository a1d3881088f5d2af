import type { Executor } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { type Clock, DAY, HOUR } from '../../infra/clock.ts';
import { defineJob } from '../../jobs/runner.ts';
import * as repo from './access.repository.ts';

export type Quota = { limit: number; windowMs: number };

/**
 * Counts one hit against `key` in the current fixed window and refuses past the limit with a
 * message saying when to try again. One atomic upsert, so concurrent servers never undercount.
 */
export async function consumeQuota(
  db: Executor,
  clock: Clock,
  key: string,
  quota: Quota,
  message = 'You have done that too many times. Please wait a while and try again.',
): Promise<void> {
  const now = clock.now().getTime();
  const windowStart = new Date(Math.floor(now / quota.windowMs) * quota.windowMs).toISOString();
  const hits = await repo.countHit(db, key, windowStart);
  if (hits > quota.limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(windowStart) + quota.windowMs - now) / 1000));
    throw new AppError('RATE_LIMITED', message, { retryAfterSeconds });
  }
}

/** Old windows are dropped by a periodic job so the table stays small. */
export async function pruneQuotas(db: Executor, before: Date): Promise<void> {
  await repo.deleteCountersBefore(db, before.toISOString());
}

export const ACCESS_JOBS = [
  defineJob({
    kind: 'throttles.prune',
    everyMs: HOUR,
    run: (deps) => pruneQuotas(deps.db, new Date(deps.clock.now().getTime() - DAY)),
  }),
];
