import { canTransition, isClosed } from '../../../domain/case-lifecycle.ts';
import {
  type Application,
  type ApplicationActor,
  ApplicationRefused,
  type ApplicationState,
  denialPeriod,
  stateAt,
  stepsFor,
  takeStep,
} from '../../../domain/disqualification.ts';
import type { DisqualificationOutcome } from '../../../domain/mediator-selection.ts';
import type { ResolvedPack } from '../../../domain/rule-packs/index.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { supersedeAgreementToMediate } from '../agreements-to-mediate/atm.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  type CaseAccess,
  type CaseRow,
  loadCase,
  loadCaseForJob,
  loadCourtCase,
  moveCase,
  recordCaseAudit,
} from '../cases/case-access.ts';
import { isNeutral } from '../cases/cases.policy.ts';
import { notifyCase, notifyCoordinators, notifyCourt, notifyMediator } from '../cases/notify.ts';
import { SELECTION_EMAILS } from './selection.emails.ts';
import * as repo from './selection.repository.ts';

type RequestRow = NonNullable<Awaited<ReturnType<typeof repo.findRequest>>>;

/** The stored outcome and the Rule 88.04 state machine's state (domain/disqualification.ts). */
const STATE_OF: Record<DisqualificationOutcome, ApplicationState> = {
  pending: 'applied',
  denied: 'denied',
  granted: 'disqualified',
  refused: 'retained',
};
const OUTCOME_OF: Record<Exclude<ApplicationState, 'withdrawn'>, DisqualificationOutcome> = {
  applied: 'pending',
  denied: 'denied',
  disqualified: 'granted',
  retained: 'refused',
};
/** Granted by no one: an application no party denied in time (recorded by settleLapsedApplications). */
const lapsedRow = (r: RequestRow) =>
  r.outcome === 'granted' && r.decided_by === null && !r.court_order && r.deny_by !== null;
/**
 * Ended by no one: an undenied application whose time ran out after the mediation had begun, which
 * closed without effect (settleLapsedApplications): the mediator stays.
 */
const endedRow = (r: RequestRow) =>
  r.outcome === 'refused' && r.decided_by === null && !r.court_order && r.deny_by !== null;
/** The application as the rule sees it: one that lapsed is an undenied application past its time. */
const applicationOf = (r: RequestRow): Application => ({
  state: lapsedRow(r) ? 'applied' : STATE_OF[r.outcome],
  filedAt: r.requested_at,
});

/** Who the viewer is to this application: the side that applied, the other side, or the program. */
function actorOf(ctx: Pick<CaseAccess, 'viewer'>, r: RequestRow): ApplicationActor | null {
  const { viewer } = ctx;
  if (viewer.kind === 'party') return viewer.side === r.side ? 'applicant' : 'adverse_party';
  if (viewer.kind === 'coordinator' && isNeutral(viewer)) return 'program';
  if (viewer.kind === 'court') return 'court';
  return null;
}

/**
 * The steps the viewer may take now. Under Rule 88.04 the program takes none itself: it records
 * the court's decision of a denied application, naming the court's order (`decideForCourt`).
 */
function canOf(ctx: Pick<CaseAccess, 'viewer' | 'pack'>, r: RequestRow, now: Date) {
  const rule = ctx.pack.disqualification.value;
  const who = actorOf(ctx, r);
  const app = applicationOf(r);
  const steps = who ? stepsFor(rule, app, who, now) : [];
  const recordsCourt =
    rule.kind === 'rule_88_04' && who === 'program' && stepsFor(rule, app, 'court', now).length > 0;
  return {
    deny: steps.includes('deny'),
    decide: steps.includes('disqualify') || recordsCourt,
    /** The decision is the court's: the program records it with the court's order. */
    recordCourtOrder: recordsCourt,
  };
}

function present(ctx: Pick<CaseAccess, 'viewer' | 'pack'>, r: RequestRow, now: Date) {
  const rule = ctx.pack.disqualification.value;
  const state = stateAt(rule, applicationOf(r), now);
  const lapsed = state === 'disqualified' && applicationOf(r).state === 'applied';
  const period = denialPeriod(rule, r.requested_at);
  return {
    id: r.id,
    side: r.side,
    reason: r.reason,
    requestedAt: r.requested_at,
    denyBy: r.deny_by,
    lastDayToDeny: period?.lastDay ?? null,
    deniedAt: r.denied_at,
    denialReason: r.denial_reason,
    outcome: state === 'withdrawn' ? r.outcome : OUTCOME_OF[state],
    decidedAt: lapsed ? r.deny_by : r.decided_at,
    /** How it was settled: nobody denied it in time, the court's order, or the program (other packs). */
    decidedBy: lapsed
      ? ('no_denial' as const)
      : endedRow(r)
        ? ('mediation_began' as const)
        : r.outcome === 'granted' || r.outcome === 'refused'
          ? r.court_order
            ? ('court' as const)
            : ('program' as const)
          : null,
    courtOrder: r.court_order ?? null,
    can: canOf(ctx, r, now),
  };
}

export async function listDisqualifications(deps: Deps, actor: Actor | null, caseId: string) {
  await settleLapsedApplications(deps, caseId);
  const ctx = await loadCase(deps.db, actor, caseId);
  const now = deps.clock.now();
  return (await repo.listRequests(deps.db, ctx.c.id)).map((r) => present(ctx, r, now));
}

/** The domain's refusal as the answer a person reads (422, with the rule it comes from). */
function step(
  ctx: Pick<CaseAccess, 'pack'>,
  r: RequestRow,
  who: ApplicationActor,
  s: 'deny' | 'disqualify' | 'retain',
  now: Date,
) {
  try {
    return takeStep(ctx.pack.disqualification, applicationOf(r), who, s, now);
  } catch (error) {
    if (error instanceof ApplicationRefused)
      throw new AppError(error.code === 'ALREADY_DECIDED' ? 'CONFLICT' : 'RULE_VIOLATION', error.message);
    throw error;
  }
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

const citeOf = (pack: ResolvedPack) => pack.disqualification.cite.split(':')[0]!;

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

/** The disqualified mediator leaves the case, is not offered it again, and a new one is chosen. */
async function removeMediator(tx: Tx, deps: Deps, c: CaseRow, r: RequestRow, actorId: string | null) {
  if (c.mediator_id !== r.mediator_id) return;
  await supersedeAgreementToMediate(tx, deps, c);
  await moveCase(tx, deps, c, 'mediator_removed', actorId, {
    mediator_id: null,
    mediator_status: null,
    mediator_chosen_at: null,
    mediator_disclosure: null,
    ready_at: null,
    declined_mediators: [...c.declined_mediators, r.mediator_id],
    // The new mediator writes their own Rule 88.06 disclosure.
    details: { ...c.details, mediatorDisclosure: undefined },
  });
  await repo.deletePicks(tx, c.id);
  await notifyMediator(tx, deps, c, r.mediator_id, SELECTION_EMAILS.disqualified(c.reference));
}

/**
 * Rule 88.04(e): an application no party denied within its 10 days disqualifies the mediator; no
 * one decides it. Recorded for one case (before any step on its applications) or, by the job,
 * for every case with one whose time has run out. Answers how many were recorded.
 *
 * A disqualified mediator leaves the case only before the mediation begins (Rule 88.04 replaces the
 * mediator before the mediation; the lifecycle's mediator_removed, and new applications are refused
 * once it has begun). An application filed before that whose time ran out after the mediation began
 * with the same mediator therefore ends without effect: the mediator stays, the ending is audited,
 * and the parties, the mediator, the program and the court are told, so a party may still ask the
 * court (a case that closed meanwhile: only the program is told). One case that cannot be recorded
 * is logged and never stops the others.
 */
export async function settleLapsedApplications(deps: Deps, caseId?: string): Promise<number> {
  const now = deps.clock.now();
  const lapsed = await repo.listLapsedRequests(deps.db, iso(now), caseId);
  let recorded = 0;
  for (const { id, case_id } of lapsed) {
    try {
      if (await settleLapsed(deps, case_id, id, now)) recorded += 1;
    } catch (error) {
      deps.log.error(
        { err: error, caseId: case_id, requestId: id },
        'an undenied application could not be recorded',
      );
    }
  }
  return recorded;
}

async function settleLapsed(deps: Deps, caseId: string, id: string, now: Date): Promise<boolean> {
  return inTransaction(deps.db, async (tx) => {
    const loaded = await loadCaseForJob(tx, caseId);
    const r = loaded && (await repo.findRequest(tx, caseId, id));
    if (!loaded || !r || r.outcome !== 'pending') return false;
    if (stateAt(loaded.pack.disqualification.value, applicationOf(r), now) !== 'disqualified') return false;
    const { c } = loaded;
    const cite = citeOf(loaded.pack);
    const toCase = { c, participants: loaded.participants };
    if (c.mediator_id === r.mediator_id && !canTransition(c.state, 'mediator_removed')) {
      await repo.updateRequest(tx, r.id, { outcome: 'refused', decided_at: r.deny_by, decided_by: null });
      await recordAudit(tx, {
        kind: 'case.disqualification_ended',
        at: now,
        actorId: null,
        programId: c.program_id,
        caseId: c.id,
        subjectType: 'disqualification_request',
        subjectId: r.id,
        data: { denyBy: r.deny_by, state: c.state },
      });
      // A case that closed meanwhile (withdrawn, declined) has no one left to act: the program is told.
      if (isClosed(c.state)) {
        await notifyCoordinators(tx, deps, c, SELECTION_EMAILS.disqualificationEndedByClosing(c.reference));
        return true;
      }
      const notice = SELECTION_EMAILS.disqualificationEndedByMediation(c.reference, cite);
      await notifyCase(tx, deps, toCase, notice);
      await notifyMediator(tx, deps, c, r.mediator_id, notice);
      await notifyCoordinators(tx, deps, c, notice);
      await notifyCourt(tx, deps, c, notice);
      return true;
    }
    await repo.updateRequest(tx, r.id, { outcome: 'granted', decided_at: r.deny_by, decided_by: null });
    await recordAudit(tx, {
      kind: 'case.disqualification_lapsed',
      at: now,
      actorId: null,
      programId: c.program_id,
      caseId: c.id,
      subjectType: 'disqualification_request',
      subjectId: r.id,
      data: { denyBy: r.deny_by },
    });
    await removeMediator(tx, deps, c, r, null);
    const notice = SELECTION_EMAILS.disqualifiedForNoDenial(c.reference, cite);
    await notifyCase(tx, deps, toCase, notice);
    await notifyCoordinators(tx, deps, c, notice);
    await notifyCourt(tx, deps, c, notice);
    return true;
  });
}

/**
 * For the court's view: each application as the court may see it. Its grounds and the denial's
 * reach the court once an adverse party denied it (Rule 88.04(e) puts a denied one before the
 * court), never before; `can.decide` by the same rule the decision's route applies.
 */
export async function applicationsForCourt(db: Executor, ctx: CaseAccess, now: Date) {
  return (await repo.listRequests(db, ctx.c.id)).map((r) => {
    const seen = present(ctx, r, now);
    const beforeCourt = r.denied_at !== null;
    return {
      id: seen.id,
      side: seen.side,
      requestedAt: seen.requestedAt,
      lastDayToDeny: seen.lastDayToDeny,
      deniedAt: seen.deniedAt,
      outcome: seen.outcome,
      decidedAt: seen.decidedAt,
      decidedBy: seen.decidedBy,
      courtOrder: seen.courtOrder,
      reason: beforeCourt ? seen.reason : null,
      denialReason: beforeCourt ? seen.denialReason : null,
      can: { decide: seen.can.decide },
    };
  });
}

/** For the case page's deadlines: the latest request to disqualify the mediator, if any. */
export const latestDisqualification = (db: Executor, caseId: string) => repo.findLatestRequest(db, caseId);

/**
 * For sessions: whether an application to disqualify the mediator is open (waiting for a denial,
 * or denied and waiting for the court). While one is, the mediation does not begin: a first session
 * would move the case past the point where the mediator can still be replaced (Rule 88.04).
 */
export const disqualificationOpen = (db: Executor, caseId: string) => repo.hasOpenRequest(db, caseId);
