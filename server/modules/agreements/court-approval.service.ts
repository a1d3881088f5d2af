/**
 * Court approval of a family agreement (Rule 88.06(c)): recorded by the program or by the court's
 * own staff, and what the court's page shows of the agreement it approves.
 */
import { formatMissouriDate, missouriDate } from '../../../domain/missouri-time.ts';
import { documentSections, needsCourtApproval } from '../../../domain/settlement.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { invalid, refusalOf } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import type { Actor } from '../access/access.service.ts';
import { type CaseAccess, loadCourtCase, loadMediation, recordCaseAudit } from '../cases/case-access.ts';
import { notifyCase, notifyMediator } from '../cases/notify.ts';
import { agreementState } from './agreement-context.ts';
import { AGREEMENT_EMAILS } from './agreements.emails.ts';
import { requireCourtApprover } from './agreements.policy.ts';
import * as repo from './agreements.repository.ts';

/** Rule 88.06(c): a family agreement binds once the court approves it; the program records the date. */
export async function recordCourtApproval(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  { approvedOn }: { approvedOn: string },
) {
  return inTransaction(deps.db, async (tx) =>
    approve(tx, deps, await loadMediation(tx, actor, caseId), approvedOn),
  );
}

/** Rule 88.06(c): the court's clerk or judge's staff records the court's approval on the court's page. */
export async function approveAsCourt(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  { approvedOn }: { approvedOn: string },
) {
  return inTransaction(deps.db, async (tx) => {
    const { courtApprovedAt, status } = await approve(
      tx,
      deps,
      await loadCourtCase(tx, actor, caseId),
      approvedOn,
    );
    return { courtApprovedAt, status };
  });
}

async function approve(tx: Tx, deps: Deps, ctx: CaseAccess, approvedOn: string) {
  const state = await agreementState(tx, ctx);
  requireCourtApprover(ctx, state);
  if (approvedOn > missouriDate(deps.clock.now())) throw invalid('approvedOn', 'cannot be in the future');
  await repo.updateAgreement(tx, ctx.c.id, {
    court_approved_at: approvedOn,
    court_approval_recorded_by: ctx.actor.userId,
    updated_at: iso(deps.clock.now()),
  });
  await recordCaseAudit(tx, ctx, {
    kind: 'agreement.court_approved',
    at: deps.clock.now(),
    subjectType: 'case',
    subjectId: ctx.c.id,
    data: { approvedOn, recordedBy: ctx.viewer.kind === 'court' ? 'court' : 'program' },
  });
  const notice = AGREEMENT_EMAILS.courtApproved(ctx.c.reference, formatMissouriDate(approvedOn));
  await notifyCase(tx, deps, ctx, notice);
  if (ctx.c.mediator_id) await notifyMediator(tx, deps, ctx.c, ctx.c.mediator_id, notice);
  return { courtApprovedAt: approvedOn, status: 'binding' as const, binding: true };
}

/**
 * For the court's view: the signed family agreement it is asked to approve (or approved). Only
 * once everyone signed it and only where the court approves agreements: never a draft, a version
 * before the signed one, or a comment.
 */
export async function approvalForCourt(db: Executor, ctx: CaseAccess) {
  if (!needsCourtApproval(ctx.pack)) return null;
  const state = await agreementState(db, ctx);
  if (!state.allSigned || !state.doc || !state.record?.signed_at) return null;
  if (state.status !== 'awaiting_court_approval' && state.status !== 'binding') return null;
  const signedAt = (participantId: string) =>
    state.signatures.find((x) => x.participant_id === participantId)?.signed_at ?? null;
  return {
    status: state.status,
    signedAt: state.record.signed_at,
    courtApprovedAt: state.record.court_approved_at,
    title: state.doc.title,
    sections: documentSections(state.doc.body).sections,
    signers: state.signers.map((s) => ({
      name: s.name,
      capacity: s.capacity,
      signedAt: signedAt(s.participantId),
    })),
    can: {
      approve:
        !refusalOf(() => requireCourtApprover(ctx, state)) && state.status === 'awaiting_court_approval',
    },
  };
}
