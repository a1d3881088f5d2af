import { addDays } from '../../../domain/deadlines.ts';
import { endOfMissouriDay, missouriDate } from '../../../domain/missouri-time.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { supersedeAgreementToMediate } from '../agreements-to-mediate/atm.service.ts';
import { loadCase, moveCase, recordCaseAudit } from '../cases/case-access.ts';
import { isNeutral } from '../cases/cases.policy.ts';
import { notifyCase, notifyCoordinators, notifyMediator } from '../cases/notify.ts';
import { SELECTION_EMAILS } from './selection.emails.ts';
import * as repo from './selection.repository.ts';

const present = (r: NonNullable<Awaited<ReturnType<typeof repo.findRequest>>>) => ({
  id: r.id,
  side: r.side,
  reason: r.reason,
  requestedAt: r.requested_at,
  denyBy: r.deny_by,
  deniedAt: r.denied_at,
  denialReason: r.denial_reason,
  outcome: r.outcome,
  decidedAt: r.decided_at,
});

export async function listDisqualifications(deps: Deps, actor: Actor | null, caseId: string) {
  const ctx = await loadCase(deps.db, actor, caseId);
  return (await repo.listRequests(deps.db, ctx.c.id)).map(present);
}

/**
 * Rule 88.04: a party may apply to disqualify the mediator for cause; the other party may deny
 * within 10 days. Other packs record the request for the program to decide.
 */
export async function requestDisqualification(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: { reason: string },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer, pack } = ctx;
    if (viewer.kind !== 'party' && viewer.kind !== 'companion')
      throw forbidden('A party asks to disqualify the mediator.');
    if (c.mediator_status !== 'accepted' || !c.mediator_id) {
      throw new AppError('INVALID_TRANSITION', 'There is no mediator on this case to disqualify.');
    }
    if (await repo.hasOpenRequest(tx, c.id))
      throw new AppError('CONFLICT', 'A request to disqualify this mediator is already open.');
    const now = deps.clock.now();
    const days = pack.disqualification.value.denyWithinDays;
    const denyBy = days ? iso(endOfMissouriDay(addDays(missouriDate(now), days, 'calendar'))) : null;
    const id = newId();
    await repo.insertRequest(tx, {
      id,
      case_id: c.id,
      mediator_id: c.mediator_id,
      side: viewer.side!,
      requested_by: viewer.userId,
      reason: input.reason,
      requested_at: iso(now),
      deny_by: denyBy,
      outcome: 'pending',
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.disqualification_requested',
      at: now,
      subjectType: 'disqualification_request',
      subjectId: id,
      data: { side: viewer.side, denyBy },
    });
    const otherSide = viewer.side === 'requester' ? 'respondent' : 'requester';
    await notifyCase(
      tx,
      deps,
      ctx,
      SELECTION_EMAILS.disqualificationRequested(
        c.reference,
        days ? { days, cite: pack.disqualification.cite } : null,
      ),
      otherSide,
    );
    await notifyMediator(
      tx,
      deps,
      c,
      c.mediator_id,
      SELECTION_EMAILS.disqualificationToMediator(c.reference),
    );
    await notifyCoordinators(tx, deps, c, SELECTION_EMAILS.disqualificationToProgram(c.reference));
    return { id, denyBy };
  });
}

/** Rule 88.04: the adverse party denies the request, within the window. */
export async function denyDisqualification(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  requestId: string,
  input: { reason: string },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer, pack } = ctx;
    const r = await repo.findRequest(tx, c.id, requestId);
    if (!r) throw notFound('That request');
    if (viewer.kind !== 'party' || viewer.side === r.side)
      throw forbidden('Only the other party can deny this request.');
    if (!r.deny_by) {
      throw new AppError(
        'RULE_VIOLATION',
        `In this program the request goes straight to the program to decide (${pack.disqualification.cite}).`,
      );
    }
    if (r.outcome !== 'pending') throw new AppError('CONFLICT', 'This request was already answered.');
    const now = deps.clock.now();
    if (now.toISOString() > r.deny_by) {
      throw new AppError(
        'RULE_VIOLATION',
        `The ${pack.disqualification.value.denyWithinDays} days to deny this request ended on ${missouriDate(new Date(r.deny_by))} (${pack.disqualification.cite}).`,
      );
    }
    await repo.updateRequest(tx, r.id, {
      denied_at: iso(now),
      denied_by: viewer.userId,
      denial_reason: input.reason,
      outcome: 'denied',
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.disqualification_denied',
      at: now,
      subjectType: 'disqualification_request',
      subjectId: r.id,
    });
    await notifyCoordinators(tx, deps, c, SELECTION_EMAILS.disqualificationDenied(c.reference));
    return { outcome: 'denied' as const };
  });
}

/** The program (or court) decides; on Rule 88 cases not before the 10 days pass unless denied. */
export async function decideDisqualification(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  requestId: string,
  input: { grant: boolean },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer, pack } = ctx;
    if (viewer.kind !== 'coordinator' || !isNeutral(viewer))
      throw forbidden('The program decides this request.');
    const r = await repo.findRequest(tx, c.id, requestId);
    if (!r) throw notFound('That request');
    if (r.outcome !== 'pending' && r.outcome !== 'denied')
      throw new AppError('CONFLICT', 'This request was already decided.');
    const now = deps.clock.now();
    if (r.outcome === 'pending' && r.deny_by && now.toISOString() <= r.deny_by) {
      throw new AppError(
        'RULE_VIOLATION',
        `The other party has until ${missouriDate(new Date(r.deny_by))} to deny this request (${pack.disqualification.cite}).`,
      );
    }
    await repo.updateRequest(tx, r.id, {
      outcome: input.grant ? 'granted' : 'refused',
      decided_at: iso(now),
      decided_by: viewer.userId,
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.disqualification_decided',
      at: now,
      subjectType: 'disqualification_request',
      subjectId: r.id,
      data: { granted: input.grant },
    });
    if (input.grant && c.mediator_id === r.mediator_id) {
      const declined = [...c.declined_mediators, r.mediator_id];
      await supersedeAgreementToMediate(tx, deps, c);
      await moveCase(tx, deps, c, 'mediator_removed', viewer.userId, {
        mediator_id: null,
        mediator_status: null,
        mediator_chosen_at: null,
        mediator_disclosure: null,
        ready_at: null,
        declined_mediators: declined,
      });
      await repo.deletePicks(tx, c.id);
      await notifyMediator(tx, deps, c, r.mediator_id, SELECTION_EMAILS.disqualified(c.reference));
    }
    await notifyCase(tx, deps, ctx, SELECTION_EMAILS.disqualificationDecided(c.reference, input.grant));
    return { outcome: input.grant ? ('granted' as const) : ('refused' as const), state: c.state };
  });
}

/** For the case page's deadlines: the latest request to disqualify the mediator, if any. */
export const latestDisqualification = (db: Executor, caseId: string) => repo.findLatestRequest(db, caseId);
