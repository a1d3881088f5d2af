/**
 * Applying to disqualify the mediator, denying and deciding (Rule 88.04 or the program's rule); how an
 * application reads is disqualification-view.ts's, its lapsing disqualification-settle.ts's.
 */
import { canTransition } from '../../../domain/case-lifecycle.ts';
import { denialPeriod } from '../../../domain/disqualification.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { type CaseAccess, loadCase, loadCourtCase, recordCaseAudit } from '../cases/case-access.ts';
import { notifyCase, notifyCoordinators, notifyCourt, notifyMediator } from '../cases/notify.ts';
import { removeMediator, settleLapsedApplications } from './disqualification-settle.ts';
import { actorOf, citeOf, OUTCOME_OF, present, type RequestRow, step } from './disqualification-view.ts';
import { SELECTION_EMAILS } from './selection.emails.ts';
import * as repo from './selection.repository.ts';

export async function listDisqualifications(deps: Deps, actor: Actor | null, caseId: string) {
  await settleLapsedApplications(deps, caseId);
  const ctx = await loadCase(deps.db, actor, caseId);
  const now = deps.clock.now();
  return (await repo.listRequests(deps.db, ctx.c.id)).map((r) => present(ctx, r, now));
}

/**
 * Rule 88.04(e): a party applies in writing to disqualify the mediator for cause; the other
 * party, the mediator, the program and the court are told, and the other party has 10 days
 * (counted by Rule 44.01(a)) to deny it. Other packs send the request to the program to decide.
 */
export async function requestDisqualification(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: { reason: string },
) {
  await settleLapsedApplications(deps, caseId);
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer, pack } = ctx;
    requireDisqualificationApplicant(ctx);
    if (!c.mediator_id)
      throw new AppError('INVALID_TRANSITION', 'There is no mediator on this case to disqualify.');
    if (await repo.hasOpenRequest(tx, c.id))
      throw new AppError('CONFLICT', 'A request to disqualify this mediator is already open.');
    // A disqualified mediator leaves the case only before the mediation begins (the lifecycle's
    // mediator_removed); an application after that could neither lapse nor be granted.
    if (!canTransition(c.state, 'mediator_removed'))
      throw new AppError(
        'INVALID_TRANSITION',
        'The mediation has begun, so the mediator can no longer be disqualified here. Ask the program or the court.',
      );
    const now = deps.clock.now();
    const period = denialPeriod(pack.disqualification.value, iso(now));
    const id = newId();
    await repo.insertRequest(tx, {
      id,
      case_id: c.id,
      mediator_id: c.mediator_id,
      side: viewer.side!,
      requested_by: viewer.userId,
      reason: input.reason,
      requested_at: iso(now),
      deny_by: period?.endsAt ?? null,
      outcome: 'pending',
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.disqualification_requested',
      at: now,
      subjectType: 'disqualification_request',
      subjectId: id,
      data: { side: viewer.side, denyBy: period?.endsAt ?? null, lastDay: period?.lastDay ?? null },
    });
    const rule = period
      ? {
          days: pack.disqualification.value.denyWithinDays ?? 10,
          lastDay: period.lastDay,
          cite: citeOf(pack),
        }
      : null;
    const otherSide = viewer.side === 'requester' ? 'respondent' : 'requester';
    await notifyCase(tx, deps, ctx, SELECTION_EMAILS.disqualificationRequested(c.reference, rule), otherSide);
    await notifyMediator(
      tx,
      deps,
      c,
      c.mediator_id,
      SELECTION_EMAILS.disqualificationToMediator(c.reference, rule),
    );
    await notifyCoordinators(tx, deps, c, SELECTION_EMAILS.disqualificationToProgram(c.reference, rule));
    if (rule) await notifyCourt(tx, deps, c, SELECTION_EMAILS.disqualificationToCourt(c.reference, rule));
    return { id, denyBy: period?.endsAt ?? null, lastDayToDeny: period?.lastDay ?? null };
  });
}

/** A party (or someone at a party's side) applies, while the case has an accepted mediator. */
export function requireDisqualificationApplicant(ctx: Pick<CaseAccess, 'c' | 'viewer'>) {
  if (ctx.viewer.kind !== 'party' && ctx.viewer.kind !== 'companion')
    throw forbidden('A party asks to disqualify the mediator.');
  if (ctx.c.mediator_status !== 'accepted' || !ctx.c.mediator_id)
    throw new AppError('INVALID_TRANSITION', 'There is no mediator on this case to disqualify.');
}

/** Rule 88.04(e): the adverse party denies the application within its 10 days; the court then decides. */
export async function denyDisqualification(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  requestId: string,
  input: { reason: string },
) {
  await settleLapsedApplications(deps, caseId);
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer, pack } = ctx;
    const r = await repo.findRequest(tx, c.id, requestId);
    if (!r) throw notFound('That request');
    const who = actorOf(ctx, r);
    if (who !== 'adverse_party') throw forbidden('Only the other party can deny this request.');
    const now = deps.clock.now();
    step(ctx, r, who, 'deny', now);
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
    const notice = SELECTION_EMAILS.disqualificationDenied(c.reference, citeOf(pack));
    await notifyCase(tx, deps, ctx, notice, r.side);
    await notifyMediator(tx, deps, c, r.mediator_id, notice);
    await notifyCoordinators(tx, deps, c, notice);
    await notifyCourt(tx, deps, c, SELECTION_EMAILS.disqualificationDeniedToCourt(c.reference, citeOf(pack)));
    return { outcome: 'denied' as const };
  });
}

/**
 * The decision. Rule 88.04: the court decides a denied application, and only a denied one (an
 * undenied one disqualifies by itself when its 10 days end); the program records the court's
 * decision with the court's order, and cannot decide or refuse on its own. Other packs: the
 * program decides.
 */
export async function decideDisqualification(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  requestId: string,
  input: { grant: boolean; courtOrder?: string | undefined },
) {
  await settleLapsedApplications(deps, caseId);
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const r = await repo.findRequest(tx, ctx.c.id, requestId);
    if (!r) throw notFound('That request');
    if (actorOf(ctx, r) !== 'program') throw forbidden('The program records the decision on this request.');
    return decide(tx, deps, ctx, r, input);
  });
}

/**
 * Rule 88.04: the court's own clerk or judge's staff records the court's decision of a denied
 * application, with its order, on the court's page (loadCourtCase); the same rule, audit and notices.
 */
export async function decideDisqualificationAsCourt(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  requestId: string,
  input: { grant: boolean; courtOrder: string },
) {
  await settleLapsedApplications(deps, caseId);
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCourtCase(tx, actor, caseId);
    const r = await repo.findRequest(tx, ctx.c.id, requestId);
    if (!r) throw notFound('That request');
    if (ctx.pack.disqualification.value.kind !== 'rule_88_04')
      throw forbidden('The program decides applications to disqualify under this program’s rules.');
    const { outcome } = await decide(tx, deps, ctx, r, input);
    return { outcome };
  });
}

async function decide(
  tx: Tx,
  deps: Deps,
  ctx: CaseAccess,
  r: RequestRow,
  input: { grant: boolean; courtOrder?: string | undefined },
) {
  const { c, viewer, pack } = ctx;
  const byCourt = pack.disqualification.value.kind === 'rule_88_04';
  const courtOrder = input.courtOrder?.trim() || null;
  const now = deps.clock.now();
  const { state } = step(ctx, r, byCourt ? 'court' : 'program', input.grant ? 'disqualify' : 'retain', now);
  if (byCourt && !courtOrder) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Please check the court's order: the court decides a denied application (${citeOf(pack)}), so record the order it made.`,
      { fields: { courtOrder: 'Give the date and number of the court’s order (or the docket entry)' } },
    );
  }
  await repo.updateRequest(tx, r.id, {
    outcome: OUTCOME_OF[state as 'disqualified' | 'retained'],
    decided_at: iso(now),
    decided_by: viewer.userId,
    court_order: byCourt ? courtOrder : null,
  });
  await recordCaseAudit(tx, ctx, {
    kind: 'case.disqualification_decided',
    at: now,
    subjectType: 'disqualification_request',
    subjectId: r.id,
    data: {
      granted: input.grant,
      by: byCourt ? 'court' : 'program',
      recordedBy: viewer.kind === 'court' ? 'court' : 'program',
      courtOrder,
    },
  });
  if (input.grant) await removeMediator(tx, deps, ctx.c, r, viewer.userId);
  const notice = SELECTION_EMAILS.disqualificationDecided(c.reference, input.grant, courtOrder);
  await notifyCase(tx, deps, ctx, notice);
  if (!input.grant) await notifyMediator(tx, deps, c, r.mediator_id, notice);
  // The program learns of a decision the court recorded itself, so it can choose the next mediator.
  if (viewer.kind === 'court') await notifyCoordinators(tx, deps, c, notice);
  return { outcome: input.grant ? ('granted' as const) : ('refused' as const), state: c.state };
}

/** For the case page's deadlines: the latest request to disqualify the mediator, if any. */
export const latestDisqualification = (db: Executor, caseId: string) => repo.findLatestRequest(db, caseId);

/**
 * For sessions: whether an application to disqualify the mediator is open (waiting for a denial,
 * or denied and waiting for the court). While one is, the mediation does not begin: a first session
 * would move the case past the point where the mediator can still be replaced (Rule 88.04).
 */
export const disqualificationOpen = (db: Executor, caseId: string) => repo.hasOpenRequest(db, caseId);
