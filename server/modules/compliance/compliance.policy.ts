import type { Side } from '../../../domain/attendance.ts';
import type { MilestoneActor, ResponsibleSide } from '../../../domain/compliance.ts';
import { type MilestoneAction, mayActOnMilestone } from '../../../domain/compliance.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { requireAgreementReader } from '../agreements/agreement-context.ts';
import type { CaseAccess } from '../cases/case-access.ts';

type MediationContext = CaseAccess;

/**
 * Who sees a case's promises: everyone who reads the signed agreement (the people at the table,
 * the mediator, the program). Who acts on them is a domain rule (domain/compliance.ts).
 */
export function requireComplianceReader(ctx: MediationContext) {
  requireAgreementReader(ctx, true);
}

export function milestoneActorOf(ctx: MediationContext): MilestoneActor {
  const v = ctx.viewer;
  if ((v.kind === 'party' || v.kind === 'companion') && v.side) return { kind: v.kind, side: v.side };
  if (ctx.isMediator) return { kind: 'mediator' };
  return { kind: 'coordinator' };
}

export function requireMilestoneAction(
  ctx: MediationContext,
  action: MilestoneAction,
  m: { responsible_side: ResponsibleSide; done_by_side: Side | null },
) {
  const verdict = mayActOnMilestone(action, milestoneActorOf(ctx), {
    responsible: m.responsible_side,
    doneBySide: m.done_by_side,
  });
  if (!verdict.ok) throw forbidden(verdict.reason);
}

/** The mediator and the program correct a milestone; the parties keep it. */
export function requireCorrector(ctx: MediationContext) {
  if (!ctx.isMediator && ctx.viewer.kind !== 'coordinator')
    throw forbidden('The mediator or the program corrects a promise. Ask them if something is wrong.');
}

export const invalidTransition = (message: string) => new AppError('INVALID_TRANSITION', message);
