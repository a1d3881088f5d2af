import {
  CHOICE_KEYS,
  CHOICE_LABELS,
  type ChoiceKey,
  type ProgramChoices,
  validateChoices,
} from '../../../domain/rule-packs/choices.ts';
import { describePack } from '../../../domain/rule-packs/describe.ts';
import {
  findPack,
  PackOverrideError,
  type ProgramOverrides,
  type RulePack,
  resolvePack,
  validateOverrides,
} from '../../../domain/rule-packs/index.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
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
  const courtNoticeEmail = program.settings.courtNoticeEmail ?? null;
  if (!pack) return { pack: null, rules: [], overridable: [], choices: [], courtNoticeEmail };
  const overrides = program.settings.ruleOverrides ?? {};
  const resolved = resolvePack(pack, overrides, program.settings.ruleChoices ?? {});
  return {
    pack: { id: pack.id, version: pack.version, name: pack.name },
    rules: describePack(resolved, Object.keys(overrides)),
    overridable: [...pack.overridable],
    choices: CHOICE_KEYS.map((key) => {
      const chosen = resolved.chosen[key];
      const labels: Record<string, string> = CHOICE_LABELS[key].options;
      return {
        key,
        label: CHOICE_LABELS[key].label,
        value: chosen.value,
        options: pack.choices[key].options.map((value) => ({ value, label: labels[value] ?? value })),
        cite: chosen.cite,
        local: chosen.local,
        packDefault: { value: pack.choices[key].value, cite: pack.choices[key].cite },
      };
    }),
    courtNoticeEmail,
  };
}

const packOf = (program: { rule_pack: string | null; rule_pack_version: string | null }): RulePack => {
  const pack = findPack(program.rule_pack, program.rule_pack_version) ?? findPack(program.rule_pack);
  if (!pack)
    throw new AppError('CONFLICT', 'This program does not follow a rule pack, so it has no rules to change.');
  return pack;
};

/**
 * The start of every change to a program's rules: the coordinator's right, the program's pack, and
 * the stored settings with the changes merged (null removes one, so the pack's own applies again).
 */
async function mergeChanges(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  stored: (settings: repo.ProgramSettings) => Record<string, unknown> | undefined,
  changes: Record<string, unknown>,
) {
  authorize(actor, 'programs:configure', { programId });
  const program = await repo.findProgram(deps.db, programId);
  if (!program) throw notFound('That program');
  const merged: Record<string, unknown> = { ...(stored(program.settings) ?? {}) };
  for (const [key, change] of Object.entries(changes)) {
    if (change === undefined) continue;
    if (change === null) delete merged[key];
    else merged[key] = change;
  }
  return { actorId: actor.userId, pack: packOf(program), merged };
}

/** Saves a change to a program's rules with its audit record, and answers the rules as they now read. */
async function saveRules(
  deps: Deps,
  actorId: string,
  programId: string,
  patch: Partial<repo.ProgramSettings>,
  data: Record<string, unknown>,
) {
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await updateProgramSettings(tx, programId, patch, iso(now));
    await recordAudit(tx, {
      kind: 'program.rules_changed',
      at: now,
      actorId,
      programId,
      subjectType: 'program',
      subjectId: programId,
      data,
    });
  });
  return getProgramRules(deps, programId);
}

/** A pack's refusal of a local rule or choice, as a 400 naming the setting. */
function refusedSetting(error: unknown): never {
  if (error instanceof PackOverrideError) {
    throw invalid(error.field, error.message);
  }
  throw error;
}

/**
 * Sets the program's choices from its pack's lists — how a family settlement is signed (ESIGN's
 * family-law exclusion, Missouri's UETA, the court's practice), what the mediator's report to the
 * court says (the circuit's local rule) — each naming the rule or practice it follows, and the
 * address notices to the court go to. A choice set to null goes back to the pack's default.
 */
export async function setRuleChoices(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  changes: Partial<Record<ChoiceKey, { value: string; cite: string } | null>> & {
    courtNoticeEmail?: string | null;
  },
) {
  const { courtNoticeEmail, ...chosen } = changes;
  const { actorId, pack, merged } = await mergeChanges(deps, actor, programId, (s) => s.ruleChoices, chosen);
  let choices: ProgramChoices = {};
  try {
    choices = validateChoices(pack, merged);
  } catch (error) {
    refusedSetting(error);
  }
  return saveRules(
    deps,
    actorId,
    programId,
    { ruleChoices: choices, ...(courtNoticeEmail !== undefined ? { courtNoticeEmail } : {}) },
    {
      changed: Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined),
      choices: Object.fromEntries(Object.entries(choices).map(([k, c]) => [k, c.value])),
    },
  );
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
  const { actorId, pack, merged } = await mergeChanges(
    deps,
    actor,
    programId,
    (s) => s.ruleOverrides,
    changes,
  );
  let overrides: ProgramOverrides = {};
  try {
    overrides = validateOverrides(pack, merged);
  } catch (error) {
    refusedSetting(error);
  }
  return saveRules(deps, actorId, programId, { ruleOverrides: overrides }, { changed: Object.keys(changes) });
}
