import { hostname } from 'node:os';
import type { z } from 'zod';
import type { Executor } from '../db/database.ts';
import { addMs, iso, MINUTE } from '../infra/clock.ts';
import type { Deps } from '../infra/deps.ts';
import { newId } from '../infra/ids.ts';
import * as repo from './jobs.repository.ts';

/**
 * A database-backed job queue. Jobs survive restarts, run on whichever server claims them first,
 * and retry with exponential back-off. Periodic work (reminders, deadline checks) is enqueued
 * with a unique key per period, so it runs once per period however many servers are up.
 */
export type Job<P = unknown> = {
  kind: string;
  /** What a queued job carries, checked before it runs: a job with a bad payload fails loudly. */
  payload?: z.ZodType<P>;
  /** Periodic work: enqueued once per period (under a key per period) on whichever server ticks first. */
  everyMs?: number;
  run(deps: Deps, payload: P): Promise<unknown>;
};

/** A job of an area. The area exports it; server/jobs/jobs.ts lists it so the runner knows it. */
export const defineJob = <P = undefined>(job: Job<P>): Job<P> => job;

export async function enqueueJob(
  db: Executor,
  deps: Pick<Deps, 'clock'>,
  job: { kind: string; payload?: unknown; runAt?: Date; uniqueKey?: string; maxAttempts?: number },
): Promise<boolean> {
  const now = deps.clock.now();
  return repo.insertJob(db, {
    id: newId(),
    kind: job.kind,
    payload: JSON.stringify(job.payload ?? {}),
    uniqueKey: job.uniqueKey ?? null,
    runAt: iso(job.runAt ?? now),
    createdAt: iso(now),
    maxAttempts: job.maxAttempts ?? 8,
  });
}

/** 30 s, 1 min, 2 min … capped at 1 hour. */
export const backoffMs = (attempt: number): number =>
  Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 60 * MINUTE);

export type JobRunner = {
  runDueJobs(): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
};

export function createJobRunner(
  deps: Deps,
  // biome-ignore lint/suspicious/noExplicitAny: a list of jobs whose payloads differ
  jobs: readonly Job<any>[],
  workerId = `${hostname()}:${process.pid}:${newId().slice(-6)}`,
): JobRunner {
  const byKind = new Map(jobs.map((j) => [j.kind, j]));
  if (byKind.size !== jobs.length) throw new Error('Two jobs share one kind.');
  const schedules = jobs.flatMap((j) => (j.everyMs ? [{ kind: j.kind, everyMs: j.everyMs }] : []));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function enqueueSchedules(now: Date) {
    for (const s of schedules) {
      const period = Math.floor(now.getTime() / s.everyMs);
      await enqueueJob(deps.db, deps, { kind: s.kind, uniqueKey: `${s.kind}@${period}`, maxAttempts: 3 });
    }
  }

  async function runDueJobs(): Promise<number> {
    const now = deps.clock.now();
    await enqueueSchedules(now);
    const jobs = await repo.claimDueJobs(deps.db, workerId, iso(now), iso(addMs(now, 5 * MINUTE)), 20);
    for (const job of jobs) {
      const definition = byKind.get(job.kind);
      try {
        if (!definition) throw new Error(`no handler for job kind ${job.kind}`);
        const parsed = definition.payload?.safeParse(JSON.parse(job.payload));
        if (parsed && !parsed.success) throw new Error(`job ${job.kind} has a payload it cannot read`);
        await definition.run(deps, parsed?.data);
        await repo.finishJob(deps.db, job.id, workerId, iso(deps.clock.now()));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const retryAt =
          job.attempts < job.max_attempts ? iso(addMs(deps.clock.now(), backoffMs(job.attempts))) : null;
        deps.log.warn({ job: job.kind, jobId: job.id, attempt: job.attempts, err: message }, 'job failed');
        await repo.failJob(deps.db, job.id, workerId, message, retryAt, iso(deps.clock.now()));
      }
    }
    return jobs.length;
  }

  return {
    runDueJobs: () => {
      running = runDueJobs();
      return running;
    },
    start(intervalMs = 1000) {
      const tick = async () => {
        if (stopped) return;
        try {
          running = runDueJobs();
          await running;
        } catch (error) {
          deps.log.error({ err: error }, 'job runner tick failed');
        }
        if (!stopped) timer = setTimeout(tick, intervalMs);
      };
      timer = setTimeout(tick, intervalMs);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => 0);
    },
  };
}
