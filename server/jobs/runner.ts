import { hostname } from 'node:os';
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
export type JobHandler = (deps: Deps, payload: unknown) => Promise<void>;
export type Schedule = { kind: string; everyMs: number };

const handlers = new Map<string, JobHandler>();
const schedules: Schedule[] = [];

/** Each area registers its handlers at import time (see server/jobs/index of kinds in app.ts). */
export function registerJob(kind: string, handler: JobHandler, schedule?: { everyMs: number }): void {
  handlers.set(kind, handler);
  if (schedule && !schedules.some((s) => s.kind === kind))
    schedules.push({ kind, everyMs: schedule.everyMs });
}

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
  workerId = `${hostname()}:${process.pid}:${newId().slice(-6)}`,
): JobRunner {
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
      const handler = handlers.get(job.kind);
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(deps, JSON.parse(job.payload));
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
