import { type CourseHours, ceProgress } from '../../../domain/continuing-education.ts';
import { PATH_STEPS, type PathStep, pathChecklist } from '../../../domain/mediator-path.ts';
import type { Executor } from '../../db/database.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { DAY, iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, authorize, requireActor } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as directoryRepo from '../directory/directory.repository.ts';

// Continuing-education progress and the personal checklist on the path to becoming a mediator,
// both read from the directory's training record (verified courses only, as for eligibility).

async function verifiedCourses(db: Executor, userId: string): Promise<CourseHours[]> {
  const profile = await directoryRepo.findProfileByUser(db, userId);
  if (!profile) return [];
  return (await directoryRepo.listCourses(db, profile.id))
    .filter((c) => c.verified_at !== null)
    .map((c) => ({ date: c.course_date, hours: Number(c.hours), kind: c.kind }));
}

/** Cases this person is mediating in Parley, or finished in the last 30 days. */
async function casesLast30Days(db: Executor, userId: string, now: Date): Promise<number> {
  const since = iso(new Date(now.getTime() - 30 * DAY));
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('mediator_id', '=', userId)
    .where('mediator_chosen_at', 'is not', null)
    .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', since)]))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function myContinuingEducation(deps: Deps, actor: Actor | null) {
  authorize(actor, 'association:members');
  const now = deps.clock.now();
  return ceProgress(await verifiedCourses(deps.db, actor.userId), now.getUTCFullYear());
}

export async function myPath(deps: Deps, actor: Actor | null) {
  requireActor(actor);
  const now = deps.clock.now();
  const ticks = await deps.db
    .selectFrom('mediator_path_ticks')
    .select('step')
    .where('user_id', '=', actor.userId)
    .execute();
  return pathChecklist({
    courses: await verifiedCourses(deps.db, actor.userId),
    casesLast30Days: await casesLast30Days(deps.db, actor.userId, now),
    selfTicked: ticks
      .map((t) => t.step)
      .filter((s): s is PathStep => (PATH_STEPS as readonly string[]).includes(s)),
    now,
  });
}

/** The person ticks (or unticks) a step Parley cannot see for itself. */
export async function tickStep(deps: Deps, actor: Actor | null, step: PathStep, done: boolean) {
  requireActor(actor);
  const current = (await myPath(deps, actor)).find((s) => s.step === step)!;
  if (!current.selfTickable) {
    throw new AppError('VALIDATION_FAILED', 'Parley ticks this step for you from your training record.', {
      fields: { step: 'is ticked by Parley from what it can see' },
    });
  }
  await inTransaction(deps.db, async (tx) => {
    if (done) {
      await tx
        .insertInto('mediator_path_ticks')
        .values({ user_id: actor.userId, step, ticked_at: iso(deps.clock.now()) })
        .onConflict((oc) => oc.columns(['user_id', 'step']).doNothing())
        .execute();
    } else {
      await tx
        .deleteFrom('mediator_path_ticks')
        .where('user_id', '=', actor.userId)
        .where('step', '=', step)
        .execute();
    }
    await recordAudit(tx, {
      kind: 'mediator_path.ticked',
      at: deps.clock.now(),
      actorId: actor.userId,
      subjectType: 'user',
      subjectId: actor.userId,
      data: { step, done },
    });
  });
  return myPath(deps, actor);
}
