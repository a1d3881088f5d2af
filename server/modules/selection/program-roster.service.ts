import { ROSTER_LABELS } from '../../../domain/eligibility.ts';
import { can } from '../../../domain/roles.ts';
import { findPack, resolvePack } from '../../../domain/rule-packs/index.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, authorize, listRoleHolders, revokeRole } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { mediatorsOnOpenCases, openCasesMediatedBy } from '../cases/cases.service.ts';
import { listProgramInvitations } from '../invitations/invitations.service.ts';
import { findProgram } from '../programs/programs.service.ts';
import { programRosterReasons } from './roster.ts';

/**
 * The program's roster for its coordinators: who holds its mediator role, whether each may be
 * offered its cases now (the rule choosing a mediator uses) and why not, and the mediator
 * invitations not yet answered. Adding a mediator is an invitation to the role; removing one
 * takes the role away.
 */
async function programAndPack(deps: Deps, programId: string) {
  const program = await findProgram(deps.db, programId);
  if (!program) throw notFound('That program');
  const found = findPack(program.rule_pack, program.rule_pack_version) ?? findPack(program.rule_pack);
  const pack = found
    ? resolvePack(found, program.settings.ruleOverrides ?? {}, program.settings.ruleChoices ?? {})
    : null;
  return { program, pack };
}

export async function programRoster(deps: Deps, actor: Actor | null, programId: string) {
  authorize(actor, 'programs:configure', { programId });
  const { pack } = await programAndPack(deps, programId);
  const holders = await listRoleHolders(deps.db, programId, 'mediator');
  const reasons = pack ? await programRosterReasons(deps.db, programId, pack) : new Map<string, string>();
  // A mediator on an open case of the program stays on its roster until that case closes or moves on.
  const mediating = await mediatorsOnOpenCases(deps.db, programId);
  const invitations = (await listProgramInvitations(deps, actor, programId)).filter(
    (i) => i.role === 'mediator' && i.status === 'pending',
  );
  return {
    rule: !pack
      ? 'The program’s own mediators.'
      : pack.roster.value.kind === 'program'
        ? `The program’s own mediators (${pack.roster.cite}).`
        : `The program’s mediators who are on the ${ROSTER_LABELS[pack.roster.value.roster]} in the directory (${pack.roster.cite}).`,
    mediators: holders.map((m) => ({
      userId: m.id,
      name: m.name,
      email: m.email,
      mayBeAppointed: !reasons.has(m.id),
      reason: reasons.get(m.id) ?? null,
      can: { remove: !mediating.has(m.id) },
    })),
    invitations: invitations.map((i) => ({ id: i.id, name: i.name, email: i.email, expiresAt: i.expiresAt })),
    can: { invite: can(actor.grants, 'people:invite', programId) },
  };
}

export async function removeFromRoster(deps: Deps, actor: Actor | null, programId: string, userId: string) {
  authorize(actor, 'programs:configure', { programId });
  await programAndPack(deps, programId);
  await inTransaction(deps.db, async (tx) => {
    const open = await openCasesMediatedBy(tx, programId, userId);
    if (open.length > 0)
      throw new AppError(
        'CONFLICT',
        `This mediator is the mediator on an open case of the program (${open
          .map((c) => `${c.reference}, ${c.title}`)
          .join('; ')}); they stay on the roster until it closes or another mediator takes it.`,
      );
    if (!(await revokeRole(tx, userId, 'mediator', programId))) throw notFound('That mediator on the roster');
    await recordAudit(tx, {
      kind: 'program.mediator_removed',
      at: deps.clock.now(),
      actorId: actor.userId,
      programId,
      subjectType: 'user',
      subjectId: userId,
    });
  });
}
