/**
 * How an application to disqualify the mediator reads under the pack's rule (domain/disqualification.ts):
 * its state, who the viewer is to it, what they may do, the court's view of it, and the rule's refusals.
 */
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
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import type { CaseAccess } from '../cases/case-access.ts';
import { isNeutral } from '../cases/cases.policy.ts';
import * as repo from './selection.repository.ts';

export type RequestRow = NonNullable<Awaited<ReturnType<typeof repo.findRequest>>>;

/** The stored outcome and the Rule 88.04 state machine's state (domain/disqualification.ts). */
const STATE_OF: Record<DisqualificationOutcome, ApplicationState> = {
  pending: 'applied',
  denied: 'denied',
  granted: 'disqualified',
  refused: 'retained',
};
export const OUTCOME_OF: Record<Exclude<ApplicationState, 'withdrawn'>, DisqualificationOutcome> = {
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
export const applicationOf = (r: RequestRow): Application => ({
  state: lapsedRow(r) ? 'applied' : STATE_OF[r.outcome],
  filedAt: r.requested_at,
});

/** Who the viewer is to this application: the side that applied, the other side, or the program. */
export function actorOf(ctx: Pick<CaseAccess, 'viewer'>, r: RequestRow): ApplicationActor | null {
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

export function present(ctx: Pick<CaseAccess, 'viewer' | 'pack'>, r: RequestRow, now: Date) {
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

/** The domain's refusal as the answer a person reads (422, with the rule it comes from). */
export function step(
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

export const citeOf = (pack: ResolvedPack) => pack.disqualification.cite.split(':')[0]!;

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
