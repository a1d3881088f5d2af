import type { DistrictBody } from '../../../contracts/programs.ts';
import { can } from '../../../domain/roles.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './programs.repository.ts';

/**
 * A special-education program's list of school districts, each with the address that takes its
 * requests for mediation. The list is public (a parent picks their district from it before
 * signing in); the program's coordinators keep it.
 */
const present = (d: { id: string; name: string; email: string }) => ({
  id: d.id,
  name: d.name,
  email: d.email,
});

async function requireSpecialEducation(db: Executor, programId: string) {
  const program = await repo.findProgram(db, programId);
  if (!program) throw notFound('That program');
  if (program.kind !== 'special_education')
    throw new AppError(
      'VALIDATION_FAILED',
      'Only a special-education program keeps a list of school districts.',
    );
  return program;
}

export async function listDistricts(deps: Deps, actor: Actor | null, programId: string) {
  const program = await repo.findProgram(deps.db, programId);
  if (!program) throw notFound('That program');
  return {
    districts: (await repo.listDistricts(deps.db, programId)).map(present),
    can: {
      manage:
        program.kind === 'special_education' && can(actor?.grants ?? [], 'programs:configure', programId),
    },
  };
}

export async function addDistrict(deps: Deps, actor: Actor | null, programId: string, input: DistrictBody) {
  authorize(actor, 'programs:configure', { programId });
  await requireSpecialEducation(deps.db, programId);
  const row = {
    id: newId(),
    program_id: programId,
    name: input.name,
    email: input.email,
    created_at: iso(deps.clock.now()),
  };
  await inTransaction(deps.db, async (tx) => {
    if (await repo.findDistrictByName(tx, programId, input.name))
      throw new AppError('VALIDATION_FAILED', `${input.name} is already on the list.`, {
        fields: { name: 'is already on the list' },
      });
    await repo.insertDistrict(tx, row);
    await recordAudit(tx, {
      kind: 'program.district_added',
      at: deps.clock.now(),
      actorId: actor.userId,
      programId,
      subjectType: 'program_district',
      subjectId: row.id,
    });
  });
  return present(row);
}

export async function removeDistrict(deps: Deps, actor: Actor | null, programId: string, districtId: string) {
  authorize(actor, 'programs:configure', { programId });
  await inTransaction(deps.db, async (tx) => {
    if ((await repo.deleteDistrict(tx, programId, districtId)) === 0) throw notFound('That district');
    await recordAudit(tx, {
      kind: 'program.district_removed',
      at: deps.clock.now(),
      actorId: actor.userId,
      programId,
      subjectType: 'program_district',
      subjectId: districtId,
    });
  });
}

/** A district of the program's list, for a request that names it (intake). */
export const districtOfProgram = (db: Executor, programId: string, districtId: string) =>
  repo.findDistrict(db, programId, districtId);
