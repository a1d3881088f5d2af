import { checkAttendance, type ParticipantRole, type Side } from '../../../domain/attendance.ts';
import { type CaseState, isClosed } from '../../../domain/case-lifecycle.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError, forbidden, invalid } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { loadCase, parties, recordCaseAudit } from './case-access.ts';
import { CASE_EMAILS } from './cases.emails.ts';
import { mayActForSide } from './cases.policy.ts';
import * as repo from './cases.repository.ts';
import { inviteParticipant } from './intake.service.ts';
import { notifyCase } from './notify.ts';

const ROLE_WORDS: Record<ParticipantRole, string> = {
  party: 'a party',
  advocate: 'an advocate',
  support: 'a support person',
  attorney: 'an attorney',
  interpreter: 'an interpreter',
};

function assertOpen(state: CaseState) {
  if (isClosed(state)) throw new AppError('INVALID_TRANSITION', 'This case is closed.');
}

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
    if (viewer.kind !== 'coordinator' && !mayActForSide(viewer, input.side)) {
      throw forbidden('You can add people to your own side only.');
    }
    assertOpen(c.state);
    if (input.role === 'party') throw invalid('role', 'the parties are set when the case is opened');
    const side = ctx.participants.filter((p) => p.side === input.side);
    const refusal = checkAttendance(pack, {
      role: input.role,
      isAttorney: input.isAttorney,
      companions: side.filter((p) => p.role !== 'party').length,
      bothAgreedToMore: parties(ctx).every((p) => p.agreed_to_more_companions === 1),
    });
    if (refusal) {
      throw new AppError(refusal.code, refusal.message, {
        fields:
          refusal.code === 'ATTORNEY_NOT_ALLOWED'
            ? { role: 'attorneys cannot attend in this program' }
            : { side: 'has reached the limit' },
      });
    }
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
      is_attorney: input.isAttorney || input.role === 'attorney' ? 1 : 0,
      status: input.email ? 'invited' : 'listed',
      added_by: viewer.userId,
      created_at: iso(now),
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.participant_added',
      at: now,
      subjectType: 'case_participant',
      subjectId: id,
      data: { side: input.side, role: input.role, isAttorney: input.isAttorney },
    });
    if (input.email) {
      await inviteParticipant(tx, deps, c, id, {
        name: input.name,
        email: input.email,
        invitedBy: viewer.userId,
        role: input.role === 'attorney' ? 'attorney' : 'advocate',
        ...CASE_EMAILS.addedToCase({
          name: input.name,
          by: ctx.actor.name,
          reference: c.reference,
          as: ROLE_WORDS[input.role],
        }),
      });
    }
    await notifyCase(
      tx,
      deps,
      ctx,
      CASE_EMAILS.participantAdded(c.reference, input.name, ROLE_WORDS[input.role]),
    );
    return { id };
  });
}

/** DESE practice: more than 3 companions per party only when both parties agree; each agreement is recorded. */
export async function agreeToMoreCompanions(deps: Deps, actor: Actor | null, caseId: string) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer } = ctx;
    if (viewer.kind !== 'party') throw forbidden('Only a party can agree to this.');
    assertOpen(c.state);
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
    const { viewer } = ctx;
    if (!viewer.participantId) throw forbidden('Only people on the case have contact details here.');
    const now = deps.clock.now();
    await repo.updateParticipant(tx, viewer.participantId, {
      ...(input.address !== undefined ? { address: input.address || null } : {}),
      ...(input.phone !== undefined ? { phone: input.phone || null } : {}),
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.contact_updated',
      at: now,
      subjectType: 'case_participant',
      subjectId: viewer.participantId,
      data: { fields: Object.keys(input) },
    });
    return { ok: true };
  });
}
