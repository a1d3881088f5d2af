import { checkAttendance, countsAgainstCompanionCap, type Side } from '../../../domain/attendance.ts';
import { jointSessionRefusal } from '../../../domain/sessions.ts';
import { AppError, invalid } from '../../http/errors.ts';
import {
  activeParticipants,
  type CaseAccess,
  requireInMediation,
  requireMediator,
} from '../cases/case-access.ts';
import type * as repo from './sessions.repository.ts';

/**
 * Who sets and changes sessions, and who may come to one: the mediator while the mediation is on,
 * the "separate sessions" safeguard, and the pack's rules on who attends.
 */

/** Who may come, checked against the pack: no attorney where barred, the companion cap, interpreters. */
export function checkAttendees(ctx: CaseAccess, input: { attendeeIds: string[]; guests: repo.Guest[] }) {
  const active = activeParticipants(ctx);
  for (const id of input.attendeeIds) {
    if (!active.some((p) => p.id === id))
      throw invalid('attendeeIds', 'someone on the list is not on this case');
  }
  const bothAgreedToMore = active
    .filter((p) => p.role === 'party')
    .every((p) => p.agreed_to_more_companions === 1);
  const companions: Record<Side, number> = { requester: 0, respondent: 0 };
  for (const p of active.filter((x) => input.attendeeIds.includes(x.id))) {
    if (countsAgainstCompanionCap(p.role)) companions[p.side] = (companions[p.side] ?? 0) + 1;
  }
  input.guests.forEach((g, n) => {
    const refusal = checkAttendance(ctx.pack, {
      role: g.role,
      isAttorney: g.isAttorney,
      companions: companions[g.side] ?? 0,
      bothAgreedToMore,
    });
    if (refusal)
      throw new AppError(refusal.code, refusal.message, { fields: { [`guests.${n}`]: refusal.message } });
    if (countsAgainstCompanionCap(g.role)) companions[g.side] = (companions[g.side] ?? 0) + 1;
  });
}

/** The mediator sets sessions while the mediation is on. */
export function requireScheduler(ctx: CaseAccess) {
  requireMediator(ctx, 'Only the mediator sets sessions.');
  requireInMediation(ctx);
}

/** A joint session, unless screening keeps the sides apart (the "separate sessions" safeguard). */
export function requireJointAllowed(ctx: CaseAccess) {
  const refusal = jointSessionRefusal(ctx.c.safeguards);
  if (refusal) throw new AppError('CONFLICT', refusal, { fields: { kind: refusal } });
}

/** Only the mediator moves, cancels or closes a session, and only one still set. */
export function requireSessionChange(ctx: CaseAccess, s: repo.SessionRow) {
  requireMediator(ctx, 'Only the mediator changes sessions.');
  if (s.status !== 'scheduled')
    throw new AppError('INVALID_TRANSITION', 'This session is already over or cancelled.');
}

/** Who came is recorded once the session has started. */
export function requireStarted(s: repo.SessionRow, now: Date) {
  if (new Date(s.starts_at) > now) throw invalid('attendedIds', 'this session has not started yet');
}
