import { sql } from 'kysely';
import { dialectOf, type Executor } from '../db/database.ts';
import type { JobsTable } from '../db/schema.ts';

export type JobRow = Omit<JobsTable, 'payload' | 'attempts' | 'max_attempts'> & {
  payload: string;
  attempts: number;
  max_attempts: number;
};

export async function insertJob(
  db: Executor,
  job: {
    id: string;
    kind: string;
    payload: string;
    uniqueKey: string | null;
    runAt: string;
    createdAt: string;
    maxAttempts: number;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('jobs')
    .values({
      id: job.id,
      kind: job.kind,
      payload: job.payload,
      unique_key: job.uniqueKey,
      status: 'queued',
      run_at: job.runAt,
      max_attempts: job.maxAttempts,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: job.createdAt,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Claims due jobs in one statement: on PostgreSQL the inner SELECT skips rows another server has
 * locked, so two servers never take the same job; SQLite runs the statement under its single
 * write lock. A job whose lock expired (its server died) is claimed again.
 */
export async function claimDueJobs(
  db: Executor,
  workerId: string,
  now: string,
  lockUntil: string,
  limit: number,
) {
  const due = db
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
      ]),
    )
    .orderBy('run_at')
    .limit(limit);
  const lockedDue = dialectOf(db) === 'postgres' ? due.forUpdate().skipLocked() : due;
  return (await db
    .updateTable('jobs')
    .set({ status: 'running', locked_by: workerId, locked_until: lockUntil, attempts: sql`attempts + 1` })
    .where('id', 'in', lockedDue)
    .returningAll()
    .execute()) as JobRow[];
}

export async function finishJob(db: Executor, id: string, workerId: string, at: string) {
  await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: at, locked_by: null, locked_until: null })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

export async function failJob(
  db: Executor,
  id: string,
  workerId: string,
  error: string,
  retryAt: string | null,
  at: string,
) {
  await db
    .updateTable('jobs')
    .set(
      retryAt
        ? { status: 'queued', run_at: retryAt, last_error: error, locked_by: null, locked_until: null }
        : { status: 'failed', last_error: error, finished_at: at, locked_by: null, locked_until: null },
    )
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}
