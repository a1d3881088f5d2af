import type { Executor } from '../../db/database.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { type CaseContext, loadCase, packForCase } from '../cases/case-context.ts';
import { isAcceptedMediator } from '../cases/cases.policy.ts';
import * as casesRepo from '../cases/cases.repository.ts';

/**
 * A case as seen by someone working its mediation. Builds on the case policy of part 1, and adds
 * co-mediators: a mediator the case's mediator brought in, who sees what the mediator sees.
 */
export type MediationContext = CaseContext & { isMediator: boolean };

export const coMediatorIds = async (db: Executor, caseId: string) =>
  (await db.selectFrom('case_co_mediators').select('user_id').where('case_id', '=', caseId).execute()).map(
    (r) => r.user_id,
  );

export async function loadMediation(
  db: Executor,
  actor: Actor | null,
  caseId: string,
): Promise<MediationContext> {
  requireActor(actor);
  try {
    const ctx = await loadCase(db, actor, caseId);
    return { ...ctx, isMediator: isAcceptedMediator(ctx.viewer, ctx.c) };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error;
  }
  const c = db.isTransaction ? await casesRepo.lockCase(db, caseId) : await casesRepo.findCase(db, caseId);
  if (!c || !(await coMediatorIds(db, caseId)).includes(actor.userId)) throw notFound('That case');
  const { pack, programName } = await packForCase(db, c);
  return {
    c,
    pack,
    programName,
    participants: await casesRepo.listParticipants(db, caseId),
    viewer: { kind: 'mediator', userId: actor.userId, side: null, participantId: null },
    actor,
    isMediator: true,
  };
}

export function requireMediator(ctx: MediationContext, what = 'Only the mediator can do that.') {
  if (!ctx.isMediator) throw forbidden(what);
}

/** Steps of the mediation happen once the Agreement to Mediate is signed and until the case closes. */
export function requireInMediation(ctx: MediationContext) {
  if (ctx.c.state !== 'ready_to_schedule' && ctx.c.state !== 'in_mediation') {
    throw new AppError(
      'INVALID_TRANSITION',
      ctx.c.state === 'agreement_to_mediate' || ctx.c.state === 'choosing_mediator'
        ? 'This step starts once everyone has signed the Agreement to Mediate.'
        : 'This case is closed.',
    );
  }
}

/** Parties and the people with them who have joined, and the mediators: everyone at the table. */
export const activeParticipants = (ctx: CaseContext) => ctx.participants.filter((p) => p.status === 'active');
