import { inTransaction } from '../../db/database.ts';
import { AppError, forbidden, invalid } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, listRoleHolders, whoHoldsRole } from '../access/access.service.ts';
import { type CaseAccess, loadMediation, recordCaseAudit, requireMediator } from './case-access.ts';
import { mayAddCoMediator } from './cases.policy.ts';
import * as repo from './cases.repository.ts';

/**
 * Co-mediators: mediators of the program the case's mediator brings in. They work the mediation
 * as the mediator does (case-access.ts gives them their place); only the case's mediator adds one.
 */
/** Only the case's own mediator (not a co-mediator) brings one in. */
export function requireLeadMediator(ctx: CaseAccess) {
  requireMediator(ctx, 'These notes are the mediator’s alone.');
  if (!mayAddCoMediator(ctx)) throw forbidden('Only the case’s mediator adds a co-mediator.');
}

export async function addCoMediator(deps: Deps, actor: Actor | null, caseId: string, userId: string) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    requireLeadMediator(ctx);
    const mediators = await whoHoldsRole(tx, [userId], 'mediator', ctx.c.program_id);
    if (!mediators.has(userId)) throw invalid('userId', 'not a mediator in this program');
    if (userId === ctx.c.mediator_id) throw new AppError('CONFLICT', 'That person is already the mediator.');
    await repo.insertCoMediator(tx, {
      case_id: caseId,
      user_id: userId,
      added_by: ctx.actor.userId,
      added_at: iso(deps.clock.now()),
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.co_mediator_added',
      at: deps.clock.now(),
      subjectType: 'user',
      subjectId: userId,
      data: {},
    });
    return { caseId, userId };
  });
}

/**
 * The case's co-mediators, and (for the case's mediator) the program's other mediators who could
 * join. Co-mediators see the list too; nobody else does.
 */
export async function listCoMediators(deps: Deps, actor: Actor | null, caseId: string) {
  const ctx = await loadMediation(deps.db, actor, caseId);
  requireMediator(ctx, 'Only the mediators of this case see who co-mediates it.');
  const current = await repo.listCoMediators(deps.db, caseId);
  const isLead = ctx.c.mediator_id === ctx.actor.userId;
  const taken = new Set([ctx.c.mediator_id, ...current.map((m) => m.userId)]);
  const candidates = isLead
    ? (await listRoleHolders(deps.db, ctx.c.program_id, 'mediator', { activeOnly: true }))
        .filter((m) => !taken.has(m.id))
        .map((m) => ({ userId: m.id, name: m.name }))
    : [];
  return { coMediators: current, candidates, can: { add: isLead } };
}

/** For session notices: the case's co-mediators. */
export const coMediatorIds = repo.listCoMediatorIds;
