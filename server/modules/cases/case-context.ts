import {
  type CaseEvent,
  type CaseState,
  IllegalTransition,
  transition,
} from '../../../domain/case-lifecycle.ts';
import {
  findPack,
  type ProgramOverrides,
  type ResolvedPack,
  resolvePack,
} from '../../../domain/rule-packs/index.ts';
import type { Executor, Tx } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type Viewer, viewerOf } from './cases.policy.ts';
import * as repo from './cases.repository.ts';

export type CaseContext = {
  c: repo.CaseRow;
  pack: ResolvedPack;
  programName: string;
  participants: repo.ParticipantRow[];
  viewer: Viewer;
  actor: Actor;
};

export function programOverrides(settings: string): ProgramOverrides {
  try {
    return ((JSON.parse(settings) as { ruleOverrides?: ProgramOverrides }).ruleOverrides ??
      {}) as ProgramOverrides;
  } catch {
    return {};
  }
}

export async function packForCase(
  db: Executor,
  c: { program_id: string; rule_pack: string; rule_pack_version: string },
) {
  const program = await repo.findProgramRow(db, c.program_id);
  const pack = findPack(c.rule_pack, c.rule_pack_version) ?? findPack(c.rule_pack);
  if (!program || !pack) throw new AppError('INTERNAL', 'This case’s rules could not be loaded.');
  return { pack: resolvePack(pack, programOverrides(program.settings)), programName: program.name };
}

/**
 * Loads a case for an actor and works out who they are on it. Inside a transaction the case row
 * is locked, so two people acting at once cannot both move it.
 */
export async function loadCase(db: Executor, actor: Actor | null, caseId: string): Promise<CaseContext> {
  requireActor(actor);
  const c = db.isTransaction ? await repo.lockCase(db, caseId) : await repo.findCase(db, caseId);
  if (!c) throw notFound('That case');
  const participants = await repo.listParticipants(db, caseId);
  const viewer = viewerOf(actor, c, participants);
  if (!viewer) throw notFound('That case');
  const { pack, programName } = await packForCase(db, c);
  return { c, pack, programName, participants, viewer, actor };
}

/** Moves a case along its lifecycle, or refuses with INVALID_TRANSITION; writes the audit event. */
export async function moveCase(
  tx: Tx,
  deps: Deps,
  c: repo.CaseRow,
  event: CaseEvent,
  actorId: string | null,
  patch: Parameters<typeof repo.updateCase>[2] = {},
): Promise<CaseState> {
  let to: CaseState;
  try {
    to = transition(c.state as CaseState, event);
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
  return to;
}

export const parties = (ctx: { participants: repo.ParticipantRow[] }) =>
  ctx.participants.filter((p) => p.role === 'party');
