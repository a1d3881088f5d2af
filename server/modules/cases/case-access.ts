import type { Side } from '../../../domain/attendance.ts';
import {
  type CaseEvent,
  type CaseState,
  IllegalTransition,
  transition,
} from '../../../domain/case-lifecycle.ts';
import type { Language } from '../../../domain/languages.ts';
import { can, courtCircuitsOf } from '../../../domain/roles.ts';
import { findPack, type ResolvedPack, resolvePack } from '../../../domain/rule-packs/index.ts';
import type { Executor, Tx } from '../../db/database.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { type AuditInput, recordAudit } from '../audit/audit.service.ts';
import { findProgram } from '../programs/programs.service.ts';
import * as repo from './cases.repository.ts';
import { refreshNextDeadline } from './queue.service.ts';

/**
 * Case access: every area that acts on a case starts here. It loads the case, its rules (the
 * program's pack with its local rules) and its people, and works out the viewer's place in it,
 * in one place and by one rule:
 *
 *   party        on the case (joined), for one side
 *   companion    an advocate, support person, attorney or interpreter with a side
 *   mediator     the mediator offered the case, or who accepted it
 *   co_mediator  a mediator the case's mediator brought in (case_co_mediators)
 *   coordinator  holds cases:manage in the case's program
 *
 * A person with no place gets "not found", so a case's existence is not revealed. A person with
 * several places gets the first that applies, in that order.
 *
 * A court's clerk or judge's staff has a sixth place, `court`, on the cases their circuit's court
 * referred, through a third door only: loadCourtCase, which the court area alone uses. loadCase
 * and loadMediation never give it, so no route of the mediation answers a court user; what the
 * court sees is built by the court area from what the rules let a court see.
 *
 * Two doors, one rule. The case's first part (intake, screening, choosing the mediator, the
 * Agreement to Mediate) happened before anyone co-mediated, so loadCase leaves co-mediators out;
 * the case page and the mediation itself (sessions, notes, issues, the agreement, the outcome,
 * compliance) go through loadMediation, where a co-mediator works as the mediator does.
 */
export type { CaseDetails, CaseRow, ParticipantRow, StoredSafeguard } from './cases.repository.ts';

export type Place = 'party' | 'companion' | 'mediator' | 'co_mediator' | 'coordinator' | 'court';
export type Viewer = { kind: Place; userId: string; side: Side | null; participantId: string | null };

export type CaseAccess = {
  c: repo.CaseRow;
  pack: ResolvedPack;
  programName: string;
  participants: repo.ParticipantRow[];
  viewer: Viewer;
  actor: Actor;
  /** The case's accepted mediator or a co-mediator: the one who runs the mediation. */
  isMediator: boolean;
};

/** The viewer's place on a case, by the rule above; null when they have none. */
export function placeOf(
  actor: Actor,
  c: repo.CaseRow,
  participants: readonly repo.ParticipantRow[],
  coMediatorIds: readonly string[],
): Viewer | null {
  const at = (kind: Place, side: Side | null = null, participantId: string | null = null): Viewer => ({
    kind,
    userId: actor.userId,
    side,
    participantId,
  });
  const mine = participants.find((p) => p.user_id === actor.userId && p.status === 'active');
  if (mine) return at(mine.role === 'party' ? 'party' : 'companion', mine.side, mine.id);
  if (c.mediator_id === actor.userId && c.mediator_status !== null) return at('mediator');
  if (coMediatorIds.includes(actor.userId)) return at('co_mediator');
  if (can(actor.grants, 'cases:manage', c.program_id)) return at('coordinator');
  return null;
}

export const isMediatorOf = (viewer: Viewer, c: repo.CaseRow) =>
  (viewer.kind === 'mediator' && c.mediator_status === 'accepted') || viewer.kind === 'co_mediator';

/** The program's name and the case's rules: the pack version the case started under, with local rules. */
export async function packForCase(
  db: Executor,
  c: { program_id: string; rule_pack: string; rule_pack_version: string },
): Promise<{ pack: ResolvedPack; programName: string }> {
  const program = await findProgram(db, c.program_id);
  const pack = findPack(c.rule_pack, c.rule_pack_version) ?? findPack(c.rule_pack);
  if (!program || !pack) throw new AppError('INTERNAL', 'This case’s rules could not be loaded.');
  return {
    pack: resolvePack(pack, program.settings.ruleOverrides ?? {}, program.settings.ruleChoices ?? {}),
    programName: program.name,
  };
}

async function load(
  db: Executor,
  actor: Actor | null,
  caseId: string,
  door: { coMediators: boolean },
): Promise<CaseAccess> {
  requireActor(actor);
  // Inside a transaction the case row is locked, so two people acting at once cannot both move it.
  const c = db.isTransaction ? await repo.lockCase(db, caseId) : await repo.findCase(db, caseId);
  if (!c) throw notFound('That case');
  const participants = await repo.listParticipants(db, caseId);
  const coMediators = door.coMediators ? await repo.listCoMediatorIds(db, caseId) : [];
  const viewer = placeOf(actor, c, participants, coMediators);
  if (!viewer) throw notFound('That case');
  const { pack, programName } = await packForCase(db, c);
  return { c, pack, programName, participants, viewer, actor, isMediator: isMediatorOf(viewer, c) };
}

/** A case in its first part, from the request to the Agreement to Mediate. */
export const loadCase = (db: Executor, actor: Actor | null, caseId: string) =>
  load(db, actor, caseId, { coMediators: false });

/** The case page and the mediation, where co-mediators work beside the mediator. */
export const loadMediation = (db: Executor, actor: Actor | null, caseId: string) =>
  load(db, actor, caseId, { coMediators: true });

/** Whether this person works for the court that referred the case (a court grant for its circuit). */
export const courtOf = (actor: Actor, c: Pick<repo.CaseRow, 'court_circuit'>) =>
  c.court_circuit != null && courtCircuitsOf(actor.grants).includes(c.court_circuit);

/**
 * The court's door: a case its circuit's court referred, for that court's clerk or judge's staff
 * (the `court:cases` permission). Anyone else, and any other case, gets "not found".
 */
export async function loadCourtCase(db: Executor, actor: Actor | null, caseId: string): Promise<CaseAccess> {
  requireActor(actor);
  const c = db.isTransaction ? await repo.lockCase(db, caseId) : await repo.findCase(db, caseId);
  if (!c || !can(actor.grants, 'court:cases') || !courtOf(actor, c)) throw notFound('That case');
  const participants = await repo.listParticipants(db, caseId);
  const { pack, programName } = await packForCase(db, c);
  const viewer: Viewer = { kind: 'court', userId: actor.userId, side: null, participantId: null };
  return { c, pack, programName, participants, viewer, actor, isMediator: false };
}

/** The cases the person's court referred (newest first, at most `limit`), each as the court's access. */
export async function listCourtCaseAccess(
  db: Executor,
  actor: Actor | null,
  find: Parameters<typeof repo.listCourtCases>[2],
): Promise<CaseAccess[]> {
  requireActor(actor);
  if (!can(actor.grants, 'court:cases'))
    throw forbidden('This list is for a court’s clerk or judge’s staff.');
  const rows = await repo.listCourtCases(db, courtCircuitsOf(actor.grants), find);
  const viewer: Viewer = { kind: 'court', userId: actor.userId, side: null, participantId: null };
  return Promise.all(
    rows.map(async (c) => ({
      c,
      ...(await packForCase(db, c)),
      participants: await repo.listParticipants(db, c.id),
      viewer,
      actor,
      isMediator: false,
    })),
  );
}

/** The case and its people for work no person started (reminders): no viewer. Locked inside a transaction. */
export async function loadCaseForJob(db: Executor, caseId: string) {
  const c = db.isTransaction ? await repo.lockCase(db, caseId) : await repo.findCase(db, caseId);
  if (!c) return null;
  const participants = await repo.listParticipants(db, caseId);
  return { c, participants, ...(await packForCase(db, c)) };
}

/**
 * One case as a viewer reaches it from a page: who asks, which case, and the language to answer in
 * (the page's), handed to a service as one value (the sessions' services and the negotiation
 * aids' take it; route.ts's caseAt builds it from a request).
 */
export type CaseAt = { deps: Deps; actor: Actor | null; caseId: string; language: Language };

/** An audit entry for what someone did on a case: who, the program and the case come from the case's access. */
export const recordCaseAudit = (
  tx: Tx,
  ctx: Pick<CaseAccess, 'c' | 'actor'>,
  event: Omit<AuditInput, 'actorId' | 'programId' | 'caseId'>,
) => recordAudit(tx, { ...event, actorId: ctx.actor.userId, programId: ctx.c.program_id, caseId: ctx.c.id });

export function requireMediator(ctx: CaseAccess, what = 'Only the mediator can do that.') {
  if (!ctx.isMediator) throw forbidden(what);
}

/** Steps of the mediation happen once the Agreement to Mediate is signed and until the case closes. */
export function requireInMediation(ctx: CaseAccess) {
  if (ctx.c.state !== 'ready_to_schedule' && ctx.c.state !== 'in_mediation') {
    throw new AppError(
      'INVALID_TRANSITION',
      ctx.c.state === 'agreement_to_mediate' || ctx.c.state === 'choosing_mediator'
        ? 'This step starts once everyone has signed the Agreement to Mediate.'
        : 'This case is closed.',
    );
  }
}

/** Moves a case along its lifecycle, or refuses with INVALID_TRANSITION; writes the audit event. */
export async function moveCase(
  tx: Tx,
  deps: Deps,
  c: repo.CaseRow,
  event: CaseEvent,
  actorId: string | null,
  patch: repo.CasePatch = {},
): Promise<CaseState> {
  let to: CaseState;
  try {
    to = transition(c.state, event);
  } catch (error) {
    if (error instanceof IllegalTransition) throw new AppError('INVALID_TRANSITION', error.message);
    throw error;
  }
  const now = deps.clock.now();
  await repo.updateCase(tx, c.id, { ...patch, state: to, updated_at: iso(now) });
  await recordAudit(tx, {
    kind: 'case.state_changed',
    at: now,
    actorId,
    programId: c.program_id,
    caseId: c.id,
    subjectType: 'case',
    subjectId: c.id,
    data: { from: c.state, to, event },
  });
  c.state = to;
  await refreshNextDeadline(tx, deps, c.id);
  return to;
}

/**
 * Changes the case row without moving it along its lifecycle (a screening decision, a declined
 * mediator), keeping its updated_at; the caller's row shows the change.
 */
export async function updateCase(tx: Tx, deps: Pick<Deps, 'clock'>, c: repo.CaseRow, patch: repo.CasePatch) {
  const change = { ...patch, updated_at: iso(deps.clock.now()) };
  await repo.updateCase(tx, c.id, change);
  Object.assign(c, change);
  await refreshNextDeadline(tx, deps, c.id);
}

/** A person on the case asked (or was given the safeguard) to keep their address and phone hidden. */
export const hideContact = (tx: Tx, participantId: string) =>
  repo.updateParticipant(tx, participantId, { hide_contact: 1 });

/** The court's deadline to begin mediation, where a court referral gave one (Rule 17.03). */
export const beginByOf = (c: repo.CaseRow) =>
  c.details.form === 'court_referral' ? (c.details.beginBy ?? null) : null;

/** The parties (not the people with them). */
export const parties = (ctx: { participants: repo.ParticipantRow[] }) =>
  ctx.participants.filter((p) => p.role === 'party');

/** Parties and the people with them who have joined: everyone at the table. */
export const activeParticipants = (ctx: { participants: repo.ParticipantRow[] }) =>
  ctx.participants.filter((p) => p.status === 'active');

/** Who a participant is, as everyone on the case may read it: name, side and capacity. */
export const participantIdentity = (p: repo.ParticipantRow) => ({
  id: p.id,
  side: p.side,
  role: p.role,
  name: p.name,
  organization: p.organization,
  isAttorney: p.is_attorney === 1,
});
