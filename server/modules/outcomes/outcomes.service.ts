import type { CaseOutcome } from '../../../contracts/outcomes.ts';
import { canTransition, STATE_LABELS } from '../../../domain/case-lifecycle.ts';
import {
  needsSignedAgreement,
  nextSteps,
  OUTCOME_EVENT,
  OUTCOME_STATE,
  OUTCOMES,
  type Outcome,
  outcomesFor,
  refuseOutcome,
} from '../../../domain/outcomes.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError, refusalOf } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { agreementState } from '../agreements/agreement-context.ts';
import { type CaseAccess, loadMediation, moveCase, parties, requireMediator } from '../cases/case-access.ts';
import { notifyPeople } from '../cases/notify.ts';
import { requireReportReader } from './court-report.ts';
import { OUTCOME_EMAILS } from './outcomes.emails.ts';
import * as repo from './outcomes.repository.ts';

/**
 * Closing a case with its outcome. Each outcome tells the parties their next steps in plain words,
 * and each party gets a short satisfaction survey (settlement rate alone is a poor measure).
 */
/** The mediator closes a case that is still open to one of the outcomes. */
function requireCloser(ctx: CaseAccess) {
  requireMediator(ctx, 'The mediator closes the case.');
  if (!OUTCOMES.some((o) => canTransition(ctx.c.state, OUTCOME_EVENT[o])))
    throw new AppError('INVALID_TRANSITION', 'This case cannot be closed now.');
}

export async function closeCase(deps: Deps, actor: Actor | null, caseId: string, outcome: Outcome) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    requireCloser(ctx);
    // 34 CFR 300.506(b)(6): a resolved special-education dispute ends in a signed written agreement.
    const refused = refuseOutcome(ctx.pack, outcome);
    if (refused)
      throw new AppError('VALIDATION_FAILED', refused.message, { fields: { outcome: refused.message } });
    if (needsSignedAgreement(outcome)) {
      const state = await agreementState(tx, ctx);
      if (!state.allSigned) {
        throw new AppError(
          'RULE_VIOLATION',
          'An agreement counts once it is written and signed by everyone who must sign it.',
          { fields: { outcome: 'the written agreement is not signed yet' } },
        );
      }
      const expected = outcome === 'full_agreement' ? 'full' : 'partial';
      if (state.record!.scope !== expected) {
        throw new AppError(
          'VALIDATION_FAILED',
          `The signed agreement settles ${state.record!.scope === 'full' ? 'every issue' : 'only some issues'}.`,
          { fields: { outcome: `choose ${state.record!.scope === 'full' ? 'full' : 'partial'} agreement` } },
        );
      }
    }
    const now = iso(deps.clock.now());
    await moveCase(tx, deps, ctx.c, OUTCOME_EVENT[outcome], ctx.actor.userId, {
      closed_at: now,
      close_reason: outcome,
    });
    const steps = nextSteps(ctx.pack.programKind, outcome);
    await repo.insertOutcome(tx, {
      case_id: caseId,
      outcome,
      closed_by: ctx.actor.userId,
      closed_at: now,
      next_steps: steps,
    });
    for (const p of parties(ctx).filter((x) => x.status === 'active')) {
      await repo.insertSurvey(tx, { id: newId(), case_id: caseId, participant_id: p.id, sent_at: now });
    }
    const base = deps.config.publicUrl.replace(/\/$/, '');
    await notifyPeople(
      tx,
      deps,
      ctx.c,
      parties(ctx)
        .filter((p) => p.status === 'active')
        .map((p) => ({ email: p.email, userId: p.user_id, name: p.name })),
      OUTCOME_EMAILS.closed({
        reference: ctx.c.reference,
        outcome,
        nextSteps: steps,
        surveyUrl: `${base}/cases/${caseId}/survey`,
      }),
    );
    return { state: ctx.c.state, outcome, nextSteps: steps };
  });
}

export async function getOutcome(deps: Deps, actor: Actor | null, caseId: string): Promise<CaseOutcome> {
  const ctx = await loadMediation(deps.db, actor, caseId);
  const row = await repo.findOutcome(deps.db, caseId);
  const survey =
    ctx.viewer.kind === 'party'
      ? await repo.findSurvey(deps.db, caseId, ctx.viewer.participantId!)
      : undefined;
  return {
    result: row
      ? {
          outcome: row.outcome,
          label: STATE_LABELS[OUTCOME_STATE[row.outcome]],
          closedAt: row.closed_at,
          nextSteps: row.next_steps,
        }
      : null,
    outcomes: [...outcomesFor(ctx.pack)],
    courtReportScope: ctx.pack.chosen.courtReport.value,
    can: {
      close: refusalOf(() => requireCloser(ctx)) === null,
      answerSurvey: Boolean(survey && !survey.answered_at),
      readCourtReport: refusalOf(() => requireReportReader(ctx)) === null,
    },
  };
}

/** For the case page: how the case ended, once the mediator closed it. */
export const findOutcome = (db: Executor, caseId: string) => repo.findOutcome(db, caseId);

/** A person's own survey answers, by their places on cases (their data export). */
export async function surveysOf(db: Executor, places: readonly { caseId: string; participantId: string }[]) {
  const out = [];
  for (const p of places) {
    const survey = await repo.findSurvey(db, p.caseId, p.participantId);
    if (survey?.answered_at)
      out.push({ caseId: p.caseId, answers: survey.answers, answeredAt: survey.answered_at });
  }
  return out;
}
