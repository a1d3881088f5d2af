import {
  type AttendanceRefusal,
  checkAttendance,
  comesAsAttorney,
  companionCount,
  type ParticipantRole,
  type Side,
} from '../../../domain/attendance.ts';
import { type CaseState, isClosed } from '../../../domain/case-lifecycle.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError, forbidden, invalid } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, loadGrants } from '../access/access.service.ts';
import { findUserByEmail } from '../accounts/accounts.service.ts';
import { type CaseAccess, loadCase, parties, recordCaseAudit } from './case-access.ts';
import { CASE_EMAILS } from './cases.emails.ts';
import { mayAddParticipant, mayAgreeToMoreCompanions, mayKeepContact } from './cases.policy.ts';
import * as repo from './cases.repository.ts';
import { inviteParticipant } from './intake.service.ts';
import { notifyCase } from './notify.ts';

function assertOpen(state: CaseState) {
  if (isClosed(state)) throw new AppError('INVALID_TRANSITION', 'This case is closed.');
}

/** The program adds people to either side of an open case; parties and advocates to their own. */
export function requireAddingTo(ctx: Pick<CaseAccess, 'c' | 'viewer'>, side: Side) {
  if (!mayAddParticipant(ctx.viewer, side)) throw forbidden('You can add people to your own side only.');
  assertOpen(ctx.c.state);
}

/** A party of an open case agrees, for themselves, that each side may bring more people. */
export function requireCompanionAgreement(ctx: Pick<CaseAccess, 'c' | 'viewer'>) {
  if (!mayAgreeToMoreCompanions(ctx.viewer)) throw forbidden('Only a party can agree to this.');
  assertOpen(ctx.c.state);
}

/** A person on the case keeps their own address and phone. */
export function requireContactOwner(ctx: Pick<CaseAccess, 'viewer'>) {
  if (!mayKeepContact(ctx.viewer)) throw forbidden('Only people on the case have contact details here.');
}

/** The roles of the account with this address, if there is one. */
export async function accountRolesOf(db: Executor, email: string) {
  const account = await findUserByEmail(db, email);
  return account ? (await loadGrants(db, account.id)).map((g) => g.role) : [];
}

/** A refusal of the pack's attendance rules, naming the field it is about. */
export const attendanceRefused = (refusal: AttendanceRefusal) =>
  new AppError(refusal.code, refusal.message, {
    fields:
      refusal.code === 'ATTORNEY_NOT_ALLOWED'
        ? { role: 'attorneys cannot attend in this program' }
        : { side: 'has reached the limit' },
  });

/**
 * Adds an advocate, support person, attorney or interpreter to one side, within the pack's
 * attendance rules: no attorney where the pack bars them, and the companion cap unless every
 * party has agreed to more.
 */
export async function addParticipant(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: {
    side: Side;
    role: ParticipantRole;
    name: string;
    email?: string | undefined;
    organization?: string | undefined;
    isAttorney: boolean;
  },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, pack, viewer } = ctx;
    requireAddingTo(ctx, input.side);
    if (input.role === 'party') throw invalid('role', 'the parties are set when the case is opened');
    const side = ctx.participants.filter((p) => p.side === input.side && p.status !== 'removed');
    // Someone who already has an account comes as what it says they are.
    const accountRoles = input.email ? await accountRolesOf(tx, input.email) : [];
    const person = { role: input.role, isAttorney: input.isAttorney, accountRoles };
    const refusal = checkAttendance(pack, {
      ...person,
      companions: companionCount(side),
      bothAgreedToMore: parties(ctx).every((p) => p.agreed_to_more_companions === 1),
    });
    if (refusal) throw attendanceRefused(refusal);
    if (input.email && ctx.participants.some((p) => p.email === input.email)) {
      throw invalid('email', 'this person is already on the case');
    }
    const now = deps.clock.now();
    const id = newId();
    await repo.insertParticipant(tx, {
      id,
      case_id: c.id,
      user_id: null,
      side: input.side,
      role: input.role,
      name: input.name,
      email: input.email ?? null,
      organization: input.organization ?? null,
      is_attorney: comesAsAttorney(person) ? 1 : 0,
      status: input.email ? 'invited' : 'listed',
      added_by: viewer.userId,
      created_at: iso(now),
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.participant_added',
      at: now,
      subjectType: 'case_participant',
      subjectId: id,
      data: { side: input.side, role: input.role, isAttorney: comesAsAttorney(person) },
    });
    if (input.email) {
      await inviteParticipant(tx, deps, c, id, {
        name: input.name,
        email: input.email,
        invitedBy: viewer.userId,
        role: input.role === 'attorney' ? 'attorney' : 'advocate',
        inLanguage: CASE_EMAILS.addedToCase({
          name: input.name,
          by: ctx.actor.name,
          reference: c.reference,
          role: input.role,
        }),
      });
    }
    await notifyCase(tx, deps, ctx, CASE_EMAILS.participantAdded(c.reference, input.name, input.role));
    return { id };
  });
}

/** DESE practice: more than 3 companions per party only when both parties agree; each agreement is recorded. */
export async function agreeToMoreCompanions(deps: Deps, actor: Actor | null, caseId: string) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer } = ctx;
    requireCompanionAgreement(ctx);
    const now = deps.clock.now();
    await repo.updateParticipant(tx, viewer.participantId!, { agreed_to_more_companions: 1 });
    const all = parties(ctx).every((p) => p.id === viewer.participantId || p.agreed_to_more_companions === 1);
    await recordCaseAudit(tx, ctx, {
      kind: 'case.companions_agreed',
      at: now,
      subjectType: 'case_participant',
      subjectId: viewer.participantId,
      data: { side: viewer.side, bothAgreed: all },
    });
    await notifyCase(tx, deps, ctx, CASE_EMAILS.companionsAgreed(c.reference, ctx.actor.name, all));
    return { bothAgreed: all };
  });
}

/** A party's own address and phone: seen by their side, the mediator and coordinators only. */
export async function updateMyContact(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: { address?: string | undefined; phone?: string | undefined },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    requireContactOwner(ctx);
    const participantId = ctx.viewer.participantId!;
    const now = deps.clock.now();
    await repo.updateParticipant(tx, participantId, {
      ...(input.address !== undefined ? { address: input.address || null } : {}),
      ...(input.phone !== undefined ? { phone: input.phone || null } : {}),
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.contact_updated',
      at: now,
      subjectType: 'case_participant',
      subjectId: participantId,
      data: { fields: Object.keys(input) },
    });
    return { ok: true as const };
  });
}
