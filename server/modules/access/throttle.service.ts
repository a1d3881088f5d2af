import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { type Clock, DAY, HOUR } from '../../infra/clock.ts';
import { defineJob } from '../../jobs/runner.ts';

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
  const row = await db
    .insertInto('throttle_counters')
    .values({ key, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`throttle_counters.hits + 1` }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  if (row.hits > quota.limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(windowStart) + quota.windowMs - now) / 1000));
    throw new AppError('RATE_LIMITED', message, { retryAfterSeconds });
  }
}

/** Old windows are dropped by a periodic job so the table stays small. */
export async function pruneQuotas(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('throttle_counters').where('window_start', '<', before.toISOString()).execute();
}

export const ACCESS_JOBS = [
  defineJob({
    kind: 'throttles.prune',
    everyMs: HOUR,
    run: (deps) => pruneQuotas(deps.db, new Date(deps.clock.now().getTime() - DAY)),
  }),
];
