import { type CaseState, STATE_LABELS } from '../../../domain/case-lifecycle.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, authorize, requireActor } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type CaseContext, loadCase, packForCase } from './case-context.ts';
import * as repo from './cases.repository.ts';
import { presentCase } from './cases.view.ts';

async function extrasFor(deps: Deps, ctx: Awaited<ReturnType<typeof loadCase>>) {
  const db = deps.db;
  const mediator = ctx.c.mediator_id ? await repo.findUser(db, ctx.c.mediator_id) : null;
  const screenings = await repo.listScreenings(db, ctx.c.id);
  const doc = await db
    .selectFrom('case_documents')
    .select('id')
    .where('case_id', '=', ctx.c.id)
    .where('kind', '=', 'agreement_to_mediate')
    .where('status', '=', 'current')
    .executeTakeFirst();
  const signedBy = doc
    ? (
        await db.selectFrom('signatures').select('participant_id').where('document_id', '=', doc.id).execute()
      ).flatMap((s) => (s.participant_id ? [s.participant_id] : []))
    : [];
  const dq = await db
    .selectFrom('disqualification_requests')
    .selectAll()
    .where('case_id', '=', ctx.c.id)
    .orderBy('requested_at', 'desc')
    .executeTakeFirst();
  const end = await repo.findMediationEnd(db, ctx.c.id);
  return {
    now: deps.clock.now(),
    sessions: await repo.listSessionTimes(db, ctx.c.id),
    agreementSigned: end.agreementSigned,
    outcome: end.outcome,
    mediatorName: mediator?.name ?? null,
    myScreeningDone: Boolean(
      ctx.viewer.participantId && screenings.some((s) => s.participant_id === ctx.viewer.participantId),
    ),
    screeningCount: screenings.length,
    signedBy,
    disqualificationRequestedAt: dq?.requested_at ?? null,
    disqualificationAnswered: dq ? (dq.denied_at ?? dq.decided_at) : null,
  };
}

export async function getCase(deps: Deps, actor: Actor | null, caseId: string) {
  const ctx = await loadCaseOrCoMediation(deps, actor, caseId);
  return presentCase(ctx, await extrasFor(deps, ctx));
}

/**
 * The case for its viewer; a co-mediator the case's mediator brought in sees it as the mediator
 * does (their mediation pages start from it). Anyone else gets "not found", as before.
 */
async function loadCaseOrCoMediation(deps: Deps, actor: Actor | null, caseId: string): Promise<CaseContext> {
  try {
    return await loadCase(deps.db, actor, caseId);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'NOT_FOUND' || !actor) throw error;
    const c = await repo.findCase(deps.db, caseId);
    if (!c || !(await repo.isCoMediator(deps.db, caseId, actor.userId))) throw error;
    const { pack, programName } = await packForCase(deps.db, c);
    return {
      c,
      pack,
      programName,
      participants: await repo.listParticipants(deps.db, caseId),
      viewer: { kind: 'mediator', userId: actor.userId, side: null, participantId: null },
      actor,
    };
  }
}

/** The cases a person is on, or mediates (including offers waiting for an answer). */
export async function listMyCases(deps: Deps, actor: Actor | null) {
  requireActor(actor);
  const rows = await repo.listCasesForUser(deps.db, actor.userId);
  const signed = await repo.casesWithSignedAgreement(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    state: r.state,
    stateLabel: STATE_LABELS[r.state as CaseState],
    programName: r.program_name,
    asMediator: r.mediator_id === actor.userId,
    mediatorStatus: r.mediator_id === actor.userId ? r.mediator_status : null,
    hasPromises: signed.has(r.id),
    updatedAt: r.updated_at,
  }));
}

/** A coordinator's intake queue and case list for one program. */
export async function listProgramCases(deps: Deps, actor: Actor | null, programId: string) {
  authorize(actor, 'cases:manage', { programId });
  const rows = await repo.listCasesInProgram(deps.db, programId);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    state: r.state,
    stateLabel: STATE_LABELS[r.state as CaseState],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    mediatorName: r.mediator_name,
    mediatorStatus: r.mediator_status,
  }));
}

/** Records that someone opened a document of the case (the trail says who read what, not what it says). */
export async function auditDocumentRead(deps: Deps, actor: Actor, c: repo.CaseRow, what: string) {
  await inTransaction(deps.db, (tx) =>
    recordAudit(tx, {
      kind: 'case.document_read',
      at: deps.clock.now(),
      actorId: actor.userId,
      programId: c.program_id,
      caseId: c.id,
      subjectType: 'case',
      subjectId: c.id,
      data: { document: what },
    }),
  );
}
