import { ceProgress } from '../../../domain/continuing-education.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { PATH_STEPS, type PathStep, pathChecklist } from '../../../domain/mediator-path.ts';
import { translator } from '../../../i18n/i18n.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, authorize, requireActor } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { casesMediatedLast30Days } from '../cases/cases.service.ts';
import { verifiedCourses } from '../directory/directory.service.ts';
import * as repo from './membership.repository.ts';

// Continuing-education progress and the personal checklist on the path to becoming a mediator,
// both read from the directory's training record (verified courses only, as for eligibility).

export async function myContinuingEducation(deps: Deps, actor: Actor | null) {
  authorize(actor, 'association:members');
  const now = deps.clock.now();
  return ceProgress(await verifiedCourses(deps.db, actor.userId), now.getUTCFullYear());
}

/** The person's checklist, each step's detail line in `language` (the page's). */
export async function myPath(deps: Deps, actor: Actor | null, language: Language = DEFAULT_LANGUAGE) {
  requireActor(actor);
  const now = deps.clock.now();
  const ticks = await repo.listPathTicks(deps.db, actor.userId);
  const t = translator(language, 'association');
  return pathChecklist({
    courses: await verifiedCourses(deps.db, actor.userId),
    casesLast30Days: await casesMediatedLast30Days(deps.db, actor.userId, now),
    selfTicked: ticks.filter((s): s is PathStep => (PATH_STEPS as readonly string[]).includes(s)),
    now,
  }).map((s) => ({ ...s, detail: t(`become.detail.${s.detail.key}`, s.detail.args) }));
}

/** The person ticks (or unticks) a step Parley cannot see for itself. */
export async function tickStep(
  deps: Deps,
  actor: Actor | null,
  step: PathStep,
  done: boolean,
  language: Language = DEFAULT_LANGUAGE,
) {
  requireActor(actor);
  const current = (await myPath(deps, actor)).find((s) => s.step === step)!;
  if (!current.selfTickable) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Parley checks off this step for you from your training record.',
      {
        fields: { step: 'is checked off by Parley from what it can see' },
      },
    );
  }
  await inTransaction(deps.db, async (tx) => {
    if (done) await repo.tickPathStep(tx, actor.userId, step, iso(deps.clock.now()));
    else await repo.untickPathStep(tx, actor.userId, step);
    await recordAudit(tx, {
      kind: 'mediator_path.ticked',
      at: deps.clock.now(),
      actorId: actor.userId,
      subjectType: 'user',
      subjectId: actor.userId,
      data: { step, done },
    });
  });
  return myPath(deps, actor, language);
}
