import type { PROGRAM_KINDS } from '../../../contracts/programs.ts';
import { packForKind } from '../../../domain/rule-packs/index.ts';
import type { Executor } from '../../db/database.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, authorize, listPeopleInScope } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ProgramSettings } from './programs.repository.ts';
import * as repo from './programs.repository.ts';

const present = (p: {
  id: string;
  kind: string;
  slug: string;
  name: string;
  description: string;
  require_mfa: number;
}) => ({
  id: p.id,
  kind: p.kind,
  slug: p.slug,
  name: p.name,
  description: p.description,
  requireMfa: p.require_mfa === 1,
});

/** Programs are public: a parent needs to know who runs which kind of mediation. */
export async function listPrograms(deps: Deps) {
  return (await repo.listPrograms(deps.db)).map(present);
}

export async function getProgram(deps: Deps, programId: string) {
  const program = await repo.findProgram(deps.db, programId);
  if (!program) throw notFound('That program');
  return present(program);
}

export async function createProgram(
  deps: Deps,
  actor: Actor | null,
  input: {
    kind: (typeof PROGRAM_KINDS)[number];
    slug: string;
    name: string;
    description: string;
    requireMfa: boolean;
  },
) {
  authorize(actor, 'programs:manage');
  const now = iso(deps.clock.now());
  const id = newId();
  await inTransaction(deps.db, async (tx) => {
    if (await repo.slugTaken(tx, input.slug))
      throw new AppError('ALREADY_EXISTS', 'Another program already uses that short name.', {
        fields: { slug: 'is taken' },
      });
    await repo.insertProgram(tx, {
      id,
      kind: input.kind,
      slug: input.slug,
      name: input.name,
      description: input.description,
      rule_pack: packForKind(input.kind)?.id ?? null,
      rule_pack_version: packForKind(input.kind)?.version ?? null,
      settings: {},
      require_mfa: input.requireMfa ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(tx, {
      kind: 'program.created',
      at: deps.clock.now(),
      actorId: actor.userId,
      programId: id,
      subjectType: 'program',
      subjectId: id,
      data: { kind: input.kind },
    });
  });
  return getProgram(deps, id);
}

/** A program's coordinators may change its name, description and second-factor requirement. */
export async function updateProgram(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  patch: { name?: string | undefined; description?: string | undefined; requireMfa?: boolean | undefined },
) {
  authorize(actor, 'programs:configure', { programId });
  const program = await repo.findProgram(deps.db, programId);
  if (!program) throw notFound('That program');
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await repo.updateProgram(tx, programId, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.requireMfa !== undefined ? { require_mfa: patch.requireMfa ? 1 : 0 } : {}),
      updated_at: iso(now),
    });
    await recordAudit(tx, {
      kind: 'program.updated',
      at: now,
      actorId: actor.userId,
      programId,
      subjectType: 'program',
      subjectId: programId,
      data: { fields: Object.keys(patch) },
    });
  });
  return getProgram(deps, programId);
}

export async function listProgramPeople(deps: Deps, actor: Actor | null, programId: string) {
  authorize(actor, 'people:read', { programId });
  return listPeopleInScope(deps.db, programId);
}

// For other areas: a program's row with its settings read, and the programs requiring a second factor.

export const findProgram = (db: Executor, programId: string) => repo.findProgram(db, programId);

export const findPrograms = (db: Executor, programIds: readonly string[]) =>
  repo.findProgramsByIds(db, programIds);

export const programsRequiringMfa = async (db: Executor, programIds: readonly string[]) =>
  (await repo.findProgramsByIds(db, programIds)).filter((p) => p.require_mfa === 1);

/** Changes one part of a program's settings (its compliance settings, its local rules), keeping the rest. */
export async function updateProgramSettings(
  db: Executor,
  programId: string,
  patch: Partial<ProgramSettings>,
  at: string,
): Promise<ProgramSettings | null> {
  const program = await repo.findProgram(db, programId);
  if (!program) return null;
  const settings = { ...program.settings, ...patch };
  await repo.updateSettings(db, programId, settings, at);
  return settings;
}
