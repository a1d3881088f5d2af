import type { DueProcessBody } from '../../../contracts/cases.ts';
import { CASE_STATES, CLOSED_STATES } from '../../../domain/case-lifecycle.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { can } from '../../../domain/roles.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { DAY, iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, authorize, requireActor } from '../access/access.service.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { agreementForViewer, signedAgreementCases } from '../agreements/agreement-context.ts';
import { agreementToMediateSigners } from '../agreements-to-mediate/atm.service.ts';
import { findOutcome } from '../outcomes/outcomes.service.ts';
import { findPrograms } from '../programs/programs.service.ts';
import { screeningAnsweredBy } from '../screening/screening.service.ts';
import { latestDisqualification } from '../selection/disqualification.service.ts';
import { settleLapsedApplications } from '../selection/disqualification-settle.ts';
import { sessionTimes } from '../sessions/sessions.service.ts';
import { type CaseAccess, loadCase, loadMediation, recordCaseAudit, updateCase } from './case-access.ts';
import { requireDueProcessRecorder } from './cases.policy.ts';
import * as repo from './cases.repository.ts';
import { presentCase, stageLabelIn } from './cases.view.ts';
import { listExtensions } from './queue.repository.ts';

async function extrasFor(deps: Deps, ctx: CaseAccess) {
  const db = deps.db;
  const mediator = ctx.c.mediator_id ? await findUser(db, ctx.c.mediator_id) : null;
  const answered = await screeningAnsweredBy(db, ctx.c.id);
  const dq = await latestDisqualification(db, ctx.c.id);
  const outcome = await findOutcome(db, ctx.c.id);
  const now = deps.clock.now();
  const sessions = await sessionTimes(db, ctx.c.id);
  return {
    now,
    sessions,
    // Joint sessions only: a caucus or a pre-mediation meeting is one side's.
    nextSessionAt:
      sessions
        .filter((s) => s.kind === 'joint' && s.status === 'scheduled' && new Date(s.starts_at) > now)
        .map((s) => s.starts_at)
        .sort()[0] ?? null,
    agreement: await agreementForViewer(db, ctx),
    agreementSignedAt: (await signedAgreementCases(db, [ctx.c.id])).get(ctx.c.id) ?? null,
    outcome: outcome?.outcome ?? null,
    mediatorName: mediator?.name ?? null,
    myScreeningDone: Boolean(ctx.viewer.participantId && answered.includes(ctx.viewer.participantId)),
    screeningCount: answered.length,
    signedBy: await agreementToMediateSigners(db, ctx.c.id),
    disqualificationRequestedAt: dq?.requested_at ?? null,
    disqualificationAnswered: dq ? (dq.denied_at ?? dq.decided_at) : null,
    disqualificationOpen: dq ? dq.outcome === 'pending' || dq.outcome === 'denied' : false,
    extensions: await listExtensions(db, ctx.c.id),
    mayExtend: can(ctx.actor.grants, 'cases:manage', ctx.c.program_id),
  };
}

/**
 * The case for its viewer; a co-mediator the case's mediator brought in sees it as the mediator
 * does (their mediation pages start from it). Anyone else gets "not found". Its words (stage,
 * next step, deadlines, steps) are in `language`, the reader's.
 */
export async function getCase(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  language: Language = DEFAULT_LANGUAGE,
) {
  // Rule 88.04(e): an application no one denied in its 10 days has disqualified the mediator by now.
  await settleLapsedApplications(deps, caseId);
  const ctx = await loadMediation(deps.db, actor, caseId);
  return presentCase(ctx, await extrasFor(deps, ctx), language);
}

/** A case as a line in a list: which case and where it stands (as its case page says). */
const caseLine = (
  r: Pick<repo.CaseRow, 'id' | 'reference' | 'title' | 'state'>,
  signed: ReadonlyMap<string, string>,
  language: Language = DEFAULT_LANGUAGE,
) => ({
  id: r.id,
  reference: r.reference,
  title: r.title,
  state: r.state,
  stateLabel: stageLabelIn(r.state, signed.has(r.id), language),
});

/** The cases a person is on, or mediates (including offers waiting for an answer). */
export async function listMyCases(deps: Deps, actor: Actor | null, language: Language = DEFAULT_LANGUAGE) {
  requireActor(actor);
  const rows = await repo.listCasesForUser(deps.db, actor.userId);
  const ids = rows.map((r) => r.id);
  const signed = await signedAgreementCases(deps.db, ids);
  const programs = new Map(
    (await findPrograms(deps.db, [...new Set(rows.map((r) => r.program_id))])).map((p) => [p.id, p.name]),
  );
  return rows.map((r) => ({
    ...caseLine(r, signed, language),
    programName: programs.get(r.program_id) ?? '',
    asMediator: r.mediator_id === actor.userId,
    mediatorStatus: r.mediator_id === actor.userId ? r.mediator_status : null,
    hasPromises: signed.has(r.id),
    updatedAt: r.updated_at,
  }));
}

/**
 * A coordinator's intake queue and case list for one program: new requests first, then the cases
 * in each step of the way, the closed ones last.
 */
export async function listProgramCases(deps: Deps, actor: Actor | null, programId: string) {
  authorize(actor, 'cases:manage', { programId });
  const rows = await repo.listCasesInProgram(deps.db, programId);
  const signed = await signedAgreementCases(
    deps.db,
    rows.filter((r) => r.state === 'in_mediation').map((r) => r.id),
  );
  const step = (state: repo.CaseRow['state']) => CASE_STATES.indexOf(state);
  return [...rows]
    .sort((a, b) => step(a.state) - step(b.state))
    .map((r) => ({
      ...caseLine(r, signed),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      mediatorName: r.mediator_name,
      mediatorStatus: r.mediator_status,
    }));
}

/** Records that someone opened a document of the case (the trail says who read what, not what it says). */
export async function auditDocumentRead(deps: Deps, ctx: Pick<CaseAccess, 'c' | 'actor'>, what: string) {
  await inTransaction(deps.db, (tx) =>
    recordCaseAudit(tx, ctx, {
      kind: 'case.document_read',
      at: deps.clock.now(),
      subjectType: 'case',
      subjectId: ctx.c.id,
      data: { document: what },
    }),
  );
}

/** Records whether a special-education case's due-process complaint is pending (the program's coordinators). */
export async function setDueProcess(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  { pending }: DueProcessBody,
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    requireDueProcessRecorder(ctx);
    await updateCase(tx, deps, ctx.c, { due_process_pending: pending ? 1 : 0 });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.due_process_recorded',
      at: deps.clock.now(),
      subjectType: 'case',
      subjectId: ctx.c.id,
      data: { pending },
    });
    return { pending };
  });
}

// For other areas: cases' titles, the cases a person is on, rotation and caseload facts.

/** Reference and title of some cases, by id. */
export const caseTitles = async (db: Executor, caseIds: readonly string[]) =>
  new Map((await repo.listCaseTitles(db, caseIds)).map((c) => [c.id, c]));

/** The reference and title of the case each of some rows is on, as `titleOf(row.case_id)` ('' for a case gone). */
export async function caseTitlesOf(db: Executor, rows: readonly { case_id: string }[]) {
  const titles = await caseTitles(db, [...new Set(rows.map((r) => r.case_id))]);
  return (caseId: string) => {
    const found = titles.get(caseId);
    return { reference: found?.reference ?? '', title: found?.title ?? '' };
  };
}

/** A person's joined places on cases, and the cases they co-mediate (their calendar feed's cases). */
export async function casesOf(db: Executor, userId: string) {
  return {
    participations: await repo.listMyParticipations(db, userId),
    coMediated: await repo.listCoMediatedCaseIds(db, userId),
  };
}

/** The program's open cases a person is offered or mediates (taking them off its roster waits for these). */
export const openCasesMediatedBy = (db: Executor, programId: string, userId: string) =>
  repo.listOpenCasesMediatedBy(db, programId, userId, CLOSED_STATES);

/** The program's mediators who are offered or mediate one of its open cases (its roster keeps them). */
export const mediatorsOnOpenCases = async (db: Executor, programId: string) =>
  new Set(
    (await repo.listMediatorsOnOpenCases(db, programId, CLOSED_STATES)).flatMap((c) =>
      c.mediator_id ? [c.mediator_id] : [],
    ),
  );

/** Every case of a program, by id (for counts kept by other areas). */
export const caseIdsInProgram = (db: Executor, programId: string) => repo.listCaseIdsInProgram(db, programId);

/** When each mediator was last offered a case in the program, for rotation. */
export async function lastOffered(db: Executor, programId: string): Promise<Record<string, string>> {
  const rows = await repo.lastOfferedInProgram(db, programId);
  return Object.fromEntries(rows.map((r) => [r.mediator_id as string, String(r.last ?? '')]));
}

/** Cases this person is mediating, or finished in the last 30 days. */
export const casesMediatedLast30Days = (db: Executor, userId: string, now: Date) =>
  repo.countMediatedSince(db, userId, iso(new Date(now.getTime() - 30 * DAY)));

// For retention: closed cases, and removing one whose schedule has run out.

/** Every closed case with the day it closed, oldest first. */
export const closedCases = (db: Executor) => repo.listClosedCases(db, CLOSED_STATES);

/** Locks a case's row for the rest of the transaction (a purge and a legal hold never cross). */
export const lockCaseRow = (tx: Tx, caseId: string) => repo.lockCase(tx, caseId);

/** Removes a case and every row on it (the other areas' tables cascade from it); the audit trail stays. */
export const purgeCaseRecord = (db: Executor, caseId: string) => repo.deleteCase(db, caseId);

/** A person's places on cases (as a party or companion), and the cases they mediate or asked for. */
export async function casesHeldAbout(db: Executor, userId: string) {
  const places = await repo.listPlacesOf(db, userId);
  const others = await repo.listCasesRunOrRequestedBy(db, userId);
  return {
    places: places.map((p) => ({
      participantId: p.id,
      caseId: p.case_id,
      programId: p.program_id,
      reference: p.reference,
      title: p.title,
      caseState: p.state,
      caseOpenedAt: p.case_created_at,
      caseClosedAt: p.closed_at,
      side: p.side,
      role: p.role,
      name: p.name,
      email: p.email,
      organization: p.organization,
      address: p.address,
      phone: p.phone,
      status: p.status,
      addedAt: p.created_at,
    })),
    mediated: others
      .filter((c) => c.mediator_id === userId)
      .map((c) => ({
        caseId: c.id,
        programId: c.program_id,
        reference: c.reference,
        title: c.title,
        state: c.state,
        openedAt: c.created_at,
        closedAt: c.closed_at,
      })),
    requested: others
      .filter((c) => c.requested_by === userId)
      .map((c) => ({
        caseId: c.id,
        reference: c.reference,
        title: c.title,
        state: c.state,
        openedAt: c.created_at,
      })),
  };
}

/** A person's contact details leave the case records they are on (their account's deletion). */
export const forgetContactOnCases = (db: Executor, userId: string) => repo.forgetContactOf(db, userId);
