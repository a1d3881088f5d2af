import type { z } from 'zod';
import type { CourtCase, CourtCaseSummary, CourtCasesQuery } from '../../../contracts/court.ts';
import { isClosed, stageLabel } from '../../../domain/case-lifecycle.ts';
import type { Executor } from '../../db/database.ts';
import { keysetPage, readKeyset } from '../../http/keyset.ts';
import type { Deps } from '../../infra/deps.ts';
import type { Actor } from '../access/access.service.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { approvalForCourt } from '../agreements/court-approval.service.ts';
import { type CaseAccess, listCourtCaseAccess, loadCourtCase } from '../cases/case-access.ts';
import { mayKeepCourtRecord } from '../cases/court-record.service.ts';
import { reportForCourt } from '../outcomes/court-report.ts';
import { settleLapsedApplications } from '../selection/disqualification-settle.ts';
import { applicationsForCourt } from '../selection/disqualification-view.ts';

/**
 * The court's pages: for a circuit's clerk or judge's staff, the cases that circuit's courts
 * referred, each with only what the rules let a court see (Rule 88.08 and Rule 17.06 keep what is
 * said in mediation confidential; the report says at most what the Uniform Mediation Act §7 model
 * and the circuit allow). Every field is picked here from what the other areas offer the court:
 * the referral, the parties' names, the mediator's name, the stage, the applications to disqualify
 * that come before the court, the signed agreement it approves, the report once mediation ended.
 * Nothing is read from notes, preparation, issues and options, screening, drafts or comments.
 */
export async function listCourtCases(
  deps: Deps,
  actor: Actor | null,
  q: z.output<typeof CourtCasesQuery>,
): Promise<{ rows: CourtCaseSummary[]; next: string | null }> {
  const found = await listCourtCaseAccess(deps.db, actor, {
    q: q.q || undefined,
    state: q.state,
    after: readKeyset(q.after),
    limit: q.limit + 1,
  });
  const page = keysetPage(found, q.limit, (ctx) => ({ value: ctx.c.created_at, id: ctx.c.id }));
  const now = deps.clock.now();
  return {
    rows: await Promise.all(
      page.rows.map(async (ctx) => summaryOf(ctx, await courtFacts(deps.db, ctx, now))),
    ),
    next: page.next,
  };
}

export async function getCourtCase(deps: Deps, actor: Actor | null, caseId: string): Promise<CourtCase> {
  // An application no one denied in its 10 days has disqualified the mediator by now.
  await settleLapsedApplications(deps, caseId);
  const ctx = await loadCourtCase(deps.db, actor, caseId);
  const facts = await courtFacts(deps.db, ctx, deps.clock.now());
  const { c } = ctx;
  const mediator =
    c.mediator_id && c.mediator_status === 'accepted' ? await findUser(deps.db, c.mediator_id) : null;
  return {
    ...summaryOf(ctx, facts),
    caseType: c.case_type,
    people: ctx.participants
      .filter((p) => p.status === 'active' && (p.role === 'party' || p.role === 'attorney'))
      .map((p) => ({ name: p.name, side: p.side, role: p.role === 'party' ? 'party' : 'attorney' })),
    mediator: mediator?.name ?? null,
    closedAt: c.closed_at,
    optedOutAt: c.details.optOut ? c.opt_out_requested_at : null,
    disqualifications: facts.disqualifications,
    report: facts.report,
    approval: facts.approval,
    can: { editRecord: mayKeepCourtRecord(ctx) },
  };
}

async function courtFacts(db: Executor, ctx: CaseAccess, now: Date) {
  return {
    disqualifications: await applicationsForCourt(db, ctx, now),
    approval: await approvalForCourt(db, ctx),
    report: await reportForCourt(db, ctx),
  };
}

function summaryOf(ctx: CaseAccess, facts: Awaited<ReturnType<typeof courtFacts>>): CourtCaseSummary {
  const { c } = ctx;
  const d = c.details;
  const referral =
    d.form === 'court_referral'
      ? {
          court: d.court,
          circuit: d.circuit,
          caseNumber: d.caseNumber,
          judge: d.judge ?? null,
          division: d.division ?? null,
          rule: d.rule,
          orderDate: d.orderDate,
          beginBy: d.beginBy ?? null,
        }
      : // A court case always holds its referral; this only satisfies the type.
        {
          court: '',
          circuit: c.court_circuit ?? 0,
          caseNumber: '',
          judge: null,
          division: null,
          rule: '',
          orderDate: '',
          beginBy: null,
        };
  return {
    id: c.id,
    reference: c.reference,
    programName: ctx.programName,
    referral,
    parties: ctx.participants
      .filter((p) => p.role === 'party' && p.status !== 'removed')
      .map((p) => ({ name: p.name, side: p.side })),
    state: c.state,
    stage: stageLabel(c.state, facts.approval !== null),
    next: nextForCourt(ctx, facts),
  };
}

/** What the court is asked to do next, in words. */
function nextForCourt(
  ctx: CaseAccess,
  facts: Awaited<ReturnType<typeof courtFacts>>,
): CourtCaseSummary['next'] {
  if (facts.disqualifications.some((a) => a.can.decide))
    return {
      kind: 'decide_disqualification',
      text: 'Decide the application to disqualify the mediator: the other party denied it.',
    };
  if (facts.approval?.can.approve)
    return {
      kind: 'approve_agreement',
      text: 'Everyone signed the agreement: it waits for the court’s approval.',
    };
  if (facts.report)
    return { kind: 'read_report', text: 'Mediation has ended: the report to the court is ready.' };
  return {
    kind: 'none',
    text: isClosed(ctx.c.state)
      ? 'Nothing waits for the court.'
      : 'Nothing waits for the court now: the program and the mediator are handling the mediation.',
  };
}
