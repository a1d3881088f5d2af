import { DEFAULT_LANGUAGE } from '../../../domain/languages.ts';
import { translator } from '../../../i18n/i18n.ts';
import type { Executor } from '../../db/database.ts';
import { AppError, type CatalogMessage } from '../../http/errors.ts';
import { type Clock, DAY, HOUR, MINUTE } from '../../infra/clock.ts';
import { defineJob } from '../../jobs/runner.ts';
import * as repo from './access.repository.ts';

export type Quota = { limit: number; windowMs: number };

/**
 * A refusal as a message of the `errors` catalog, with its English words when they are written
 * here (otherwise the catalog's English is the text).
 */
export type Refusal = CatalogMessage & { text?: string };

/**
 * Counts one hit against `key` in the current fixed window and refuses past the limit with a
 * message saying when to try again (a text, or one made from the seconds to wait, which may name
 * its message in the `errors` catalog so it reads in the page's language). One atomic
 * upsert, so concurrent servers never undercount. Called inside a transaction, a refused or
 * failed change does not count: the hit rolls back with it.
 */
export async function consumeQuota(
  db: Executor,
  clock: Clock,
  key: string,
  quota: Quota,
  message:
    | string
    | ((
        retryAfterSeconds: number,
      ) => string | Refusal) = 'You have done that too many times. Please wait a while and try again.',
): Promise<void> {
  const now = clock.now().getTime();
  const windowStart = new Date(Math.floor(now / quota.windowMs) * quota.windowMs).toISOString();
  const hits = await repo.countHit(db, key, windowStart);
  if (hits > quota.limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(windowStart) + quota.windowMs - now) / 1000));
    const said = typeof message === 'string' ? message : message(retryAfterSeconds);
    throw typeof said === 'string'
      ? new AppError('RATE_LIMITED', said, { retryAfterSeconds })
      : new AppError(
          'RATE_LIMITED',
          said.text ?? translator(DEFAULT_LANGUAGE, 'errors')(said.key, said.args ?? {}),
          { retryAfterSeconds, key: said.key, args: said.args },
        );
  }
}

/**
 * When a refused person may try again, as a catalog message's arguments: {unit} (seconds, minutes
 * or hours) and {n}, which the catalog words as "in about 3 hours".
 */
export function waitArgs(seconds: number): { unit: 'seconds' | 'minutes' | 'hours'; n: number } {
  if (seconds < 90) return { unit: 'seconds', n: seconds };
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return { unit: 'minutes', n: minutes };
  return { unit: 'hours', n: Math.ceil(minutes / 60) };
}

/**
 * What one person may do per day that makes Parley e-mail other people, with the person's own
 * words in it. Each is counted in the database (every server shares the count) by
 * consumePersonQuota, inside the action's transaction; its refusal names the quota in the
 * `errors` catalog (limits.perPersonDaily).
 */
export const PERSON_QUOTAS = {
  /** Requests for mediation a person makes for themselves, each inviting the other side (CASE_REQUESTS_PER_DAY). */
  caseRequests: { limit: 5, windowMs: DAY },
  /** Requests a coordinator enters for parties, each inviting both of them. */
  requestsEntered: { limit: 50, windowMs: DAY },
  /** Invitations of any kind (to a case, to a program, to the association). */
  invitations: { limit: 50, windowMs: DAY },
  /** Job listings, each e-mailed to the members who asked for alerts. */
  jobPostings: { limit: 5, windowMs: DAY },
  /** Messages on cases, each e-mailing its readers that there is one. */
  caseMessages: { limit: 200, windowMs: DAY },
} as const satisfies Record<string, Quota>;

export type PersonQuotaName = keyof typeof PERSON_QUOTAS;

/** Counts one action of a person against its quota (its limit, or the one a setting gives). */
export async function consumePersonQuota(
  db: Executor,
  clock: Clock,
  userId: string,
  name: PersonQuotaName,
  limit: number = PERSON_QUOTAS[name].limit,
): Promise<void> {
  const quota = PERSON_QUOTAS[name];
  await consumeQuota(db, clock, `person:${name}:${userId}`, { limit, windowMs: quota.windowMs }, (wait) => ({
    key: 'limits.perPersonDaily',
    args: { quota: name, count: limit, ...waitArgs(wait) },
  }));
}

/**
 * Every change a signed-in person makes (any POST, PUT, PATCH or DELETE under /api/) counts
 * against WRITES_PER_MINUTE: far above what a person does by hand, far below a script.
 */
export async function consumeWrite(db: Executor, clock: Clock, userId: string, perMinute: number) {
  await consumeQuota(
    db,
    clock,
    `person:writes:${userId}`,
    { limit: perMinute, windowMs: MINUTE },
    (wait) => ({
      key: 'limits.writesPerMinute',
      args: { count: perMinute, ...waitArgs(wait) },
    }),
  );
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
