import type { Milestone } from '../../../contracts/compliance.ts';
import type { Side } from '../../../domain/attendance.ts';
import {
  canMoveMilestone,
  isSettled,
  type MilestoneAction,
  type MilestoneActor,
  type MilestoneState,
  mayActOnMilestone,
  type ResponsibleSide,
} from '../../../domain/compliance.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { requireAgreementReader } from '../agreements/agreement-context.ts';
import type { CaseAccess } from '../cases/case-access.ts';

type MilestoneFacts = { state: MilestoneState; responsible_side: ResponsibleSide; done_by_side: Side | null };

/**
 * Who sees a case's promises: everyone who reads the signed agreement (the people at the table,
 * the mediator, the program). Who acts on them is a domain rule (domain/compliance.ts).
 */
export function requireComplianceReader(ctx: CaseAccess) {
  requireAgreementReader(ctx, true);
}

export function milestoneActorOf(ctx: CaseAccess): MilestoneActor {
  const v = ctx.viewer;
  if ((v.kind === 'party' || v.kind === 'companion') && v.side) return { kind: v.kind, side: v.side };
  if (ctx.isMediator) return { kind: 'mediator' };
  return { kind: 'coordinator' };
}

const verdictOn = (ctx: CaseAccess, action: MilestoneAction, m: MilestoneFacts) =>
  mayActOnMilestone(action, milestoneActorOf(ctx), {
    responsible: m.responsible_side,
    doneBySide: m.done_by_side,
  });

export function requireMilestoneAction(ctx: CaseAccess, action: MilestoneAction, m: MilestoneFacts) {
  const verdict = verdictOn(ctx, action, m);
  if (!verdict.ok) throw forbidden(verdict.reason);
}

/** The mediator and the program correct a milestone; the parties keep it. */
const isCorrector = (ctx: CaseAccess) => ctx.isMediator || ctx.viewer.kind === 'coordinator';

export function requireCorrector(ctx: CaseAccess) {
  if (!isCorrector(ctx))
    throw forbidden('The mediator or the program corrects a promise. Ask them if something is wrong.');
}

export function requireCorrectable(m: MilestoneFacts) {
  if (isSettled(m.state))
    throw new AppError('INVALID_TRANSITION', 'This promise is settled. It cannot be corrected.');
}

/**
 * What this viewer may do with a milestone now: the checks its routes make (the person, by
 * domain/compliance.ts, and the step the lifecycle allows from its state), asked ahead.
 */
export function milestoneCan(ctx: CaseAccess, m: MilestoneFacts): Milestone['can'] {
  const may = (action: MilestoneAction) => canMoveMilestone(m.state, action) && verdictOn(ctx, action, m).ok;
  return {
    markDone: may('mark_done'),
    confirm: may('confirm'),
    dispute: may('dispute'),
    waive: may('waive'),
    correct: isCorrector(ctx) && !isSettled(m.state),
  };
}
