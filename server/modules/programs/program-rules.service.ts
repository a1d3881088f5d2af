import { describePack } from '../../../domain/rule-packs/describe.ts';
import {
  findPack,
  PackOverrideError,
  type ProgramOverrides,
  resolvePack,
  validateOverrides,
} from '../../../domain/rule-packs/index.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './programs.repository.ts';
import { updateProgramSettings } from './programs.service.ts';

/** The rules a program runs by — its pack with its local rules — in plain words with citations. Public. */
export async function getProgramRules(deps: Deps, programId: string) {
  const program = await repo.findProgram(deps.db, programId);
  if (!program) throw notFound('That program');
  const pack = findPack(program.rule_pack, program.rule_pack_version) ?? findPack(program.rule_pack);
  if (!pack) return { pack: null, rules: [], overridable: [] };
  const overrides = program.settings.ruleOverrides ?? {};
  return {
    pack: { id: pack.id, version: pack.version, name: pack.name },
    rules: describePack(resolvePack(pack, overrides), Object.keys(overrides)),
    overridable: [...pack.overridable],
  };
}

/**
 * Sets the local rules a program adds to its pack (a minimum number of hours, a report
 * deadline), each citing the local rule it comes from. Only what the pack allows may change.
 */
export async function setRuleOverrides(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  changes: Record<string, { value: number | null; cite: string } | null | undefined>,
) {
  authorize(actor, 'programs:configure', { programId });
  const program = await repo.findProgram(deps.db, programId);
  if (!program) throw notFound('That program');
  const pack = findPack(program.rule_pack, program.rule_pack_version) ?? findPack(program.rule_pack);
  if (!pack)
    throw new AppError('CONFLICT', 'This program does not follow a rule pack, so it has no rules to change.');
  const merged: Record<string, unknown> = { ...(program.settings.ruleOverrides ?? {}) };
  for (const [key, change] of Object.entries(changes)) {
    if (change === undefined) continue;
    if (change === null) delete merged[key];
    else merged[key] = change;
  }
  let overrides: ProgramOverrides;
  try {
    overrides = validateOverrides(pack, merged);
  } catch (error) {
    if (error instanceof PackOverrideError) {
      throw new AppError('VALIDATION_FAILED', `Please check ${error.field}: ${error.message}.`, {
        fields: { [error.field]: error.message },
      });
    }
    throw error;
  }
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await updateProgramSettings(tx, programId, { ruleOverrides: overrides }, iso(now));
    await recordAudit(tx, {
      kind: 'program.rules_changed',
      at: now,
      actorId: actor.userId,
      programId,
      subjectType: 'program',
      subjectId: programId,
      data: { changed: Object.keys(changes) },
    });
  });
  return getProgramRules(deps, programId);
}
