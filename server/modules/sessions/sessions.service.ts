import type {
  CaseSessions,
  RescheduleInput,
  ScheduleInput,
  SessionChanged,
} from '../../../contracts/sessions.ts';
import type { Side } from '../../../domain/attendance.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { formatMissouriDateTime, fromMissouriTime } from '../../../domain/missouri-time.ts';
import { deadlineWarnings, hoursProgress, jointSessionRefusal } from '../../../domain/sessions.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError, invalid, notFound, refusalOf } from '../../http/errors.ts';
import { addMs, iso, MINUTE } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import {
  activeParticipants,
  type CaseAccess,
  type CaseAt,
  loadMediation,
  moveCase,
  recordCaseAudit,
  requireMediator,
} from '../cases/case-access.ts';
import { deadlinesFor } from '../cases/cases.view.ts';
import { disqualificationOpen } from '../selection/disqualification.service.ts';
import * as moves from './move-requests.repository.ts';
import { moveRequestsFor } from './move-requests.view.ts';
import { sendSessionNotice } from './sessions.notify.ts';
import {
  checkAttendees,
  requireJointAllowed,
  requireScheduler,
  requireSessionChange,
  requireStarted,
} from './sessions.policy.ts';
import * as repo from './sessions.repository.ts';
import { presentSession, visibleTo } from './sessions.view.ts';

/**
 * A case's sessions: setting one (by hand, or by booking a proposed time), moving, canceling and
 * recording who came, with their notices and audit events; the list a viewer reads; and what other
 * areas ask of a case's sessions.
 */

type MediationContext = CaseAccess;

const allows = (check: () => void) => refusalOf(check) === null;

/** A mediator is never in two sessions at once, on any case. */
async function refuseDoubleBooking(
  tx: Tx,
  mediatorId: string,
  start: Date,
  minutes: number,
  except?: string,
) {
  await repo.lockMediator(tx, mediatorId);
  const clash = await repo.overlappingSessions(
    tx,
    mediatorId,
    iso(start),
    iso(addMs(start, minutes * MINUTE)),
    except,
  );
  if (clash.length) {
    throw new AppError(
      'CONFLICT',
      `The mediator already has a session at that time (${formatMissouriDateTime(clash[0]!.starts_at)}). Choose another time.`,
      { fields: { time: 'the mediator is booked then' } },
    );
  }
}

export function startOf(deps: Deps, input: { date: string; time: string }) {
  const start = fromMissouriTime(input.date, input.time);
  if (start <= deps.clock.now()) throw invalid('date', 'choose a time in the future');
  return start;
}

async function warningsFor(tx: Tx, ctx: MediationContext, deps: Deps, start: Date, minutes: number) {
  const sessions = await repo.listSessions(tx, ctx.c.id);
  return deadlineWarnings(deadlinesFor(ctx, { sessions }, deps.clock.now()), { start, minutes });
}

export async function scheduleSession(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: ScheduleInput,
  language: Language = DEFAULT_LANGUAGE,
): Promise<SessionChanged> {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    requireScheduler(ctx);
    const { row: _row, ...changed } = await setSession(
      tx,
      deps,
      ctx,
      { ...input, start: startOf(deps, input) },
      language,
    );
    return changed;
  });
}

/** Who a session on the case is for by default: everyone joined (with a way to reach them), or one side. */
export function defaultAttendees(ctx: MediationContext, kind: string, side: Side | undefined) {
  return activeParticipants(ctx)
    .filter((p) => p.user_id || p.email)
    .filter((p) => kind === 'joint' || p.side === side);
}

/**
 * Sets a session inside the caller's transaction with every check of setting one: the
 * "separate sessions" safeguard, who may attend under the pack, the mediator's double booking, a
 * time in the future; then the notices with a calendar file, and the pack deadlines it would miss.
 * Setting one by hand and booking a proposed time (poll-answers.service.ts) both come here. The
 * answer's words are in `language` (the page's).
 */
export async function setSession(
  tx: Tx,
  deps: Deps,
  ctx: MediationContext,
  input: Omit<ScheduleInput, 'date' | 'time'> & { start: Date },
  language: Language = DEFAULT_LANGUAGE,
): Promise<SessionChanged & { row: repo.SessionRow }> {
  {
    requireScheduler(ctx);
    if (input.kind === 'joint') requireJointAllowed(ctx);
    if (input.kind !== 'joint' && !input.side) throw invalid('side', 'choose which side meets the mediator');
    const attendeeIds = input.attendeeIds ?? defaultAttendees(ctx, input.kind, input.side).map((p) => p.id);
    checkAttendees(ctx, { attendeeIds, guests: input.guests });
    const start = input.start;
    if (start <= deps.clock.now()) throw invalid('date', 'choose a time in the future');
    // The first session begins the mediation, after which a disqualified mediator could no longer be
    // replaced: it waits while an application to disqualify the mediator is open (Rule 88.04).
    if (ctx.c.state === 'ready_to_schedule' && (await disqualificationOpen(tx, ctx.c.id)))
      throw new AppError(
        'RULE_VIOLATION',
        'An application to disqualify the mediator is open. The first session can be set once it is decided.',
      );
    const mediatorId = ctx.c.mediator_id!;
    await refuseDoubleBooking(tx, mediatorId, start, input.minutes);
    const now = iso(deps.clock.now());
    const row = {
      id: newId(),
      case_id: ctx.c.id,
      mediator_id: mediatorId,
      kind: input.kind,
      side: input.kind === 'joint' ? null : (input.side ?? null),
      starts_at: iso(start),
      ends_at: iso(addMs(start, input.minutes * MINUTE)),
      minutes: input.minutes,
      place: input.place,
      attendees: attendeeIds,
      guests: input.guests,
      status: 'scheduled' as const,
      sequence: 0,
      attended: null,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    };
    await repo.insertSession(tx, row);
    await recordCaseAudit(tx, ctx, {
      kind: 'session.scheduled',
      at: deps.clock.now(),
      subjectType: 'case_session',
      subjectId: row.id,
      data: { kind: row.kind, startsAt: row.starts_at, minutes: row.minutes, attendees: attendeeIds.length },
    });
    if (ctx.c.state === 'ready_to_schedule')
      await moveCase(tx, deps, ctx.c, 'first_session_scheduled', ctx.actor.userId);
    await sendSessionNotice(tx, deps, ctx, row, 'invite');
    return {
      ...presentSession(ctx, row, deps.clock.now(), language),
      warnings: await warningsFor(tx, ctx, deps, start, input.minutes),
      row,
    };
  }
}

async function changeSession(
  { deps, actor, caseId, language }: CaseAt,
  sessionId: string,
  change: SessionChange,
): Promise<SessionChanged> {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    requireMediator(ctx, 'Only the mediator changes sessions.');
    const s = await repo.findSession(tx, caseId, sessionId);
    if (!s) throw notFound('That session');
    return applySessionChange(tx, deps, ctx, s, change, language);
  });
}

type SessionChange = (
  tx: Tx,
  ctx: MediationContext,
  s: repo.SessionRow,
) => Promise<'moved' | 'cancelled' | null>;

/**
 * Changes a set session inside the caller's transaction (the mediator's own change, or their
 * answer to a request to move it): the change, its notices, its audit event, and any open request
 * to move it settled by it. The answer's words are in `language` (the page's).
 */
export async function applySessionChange(
  tx: Tx,
  deps: Deps,
  ctx: MediationContext,
  s: repo.SessionRow,
  change: SessionChange,
  language: Language = DEFAULT_LANGUAGE,
): Promise<SessionChanged> {
  requireSessionChange(ctx, s);
  const notice = await change(tx, ctx, s);
  const updated = (await repo.findSession(tx, ctx.c.id, s.id))!;
  if (notice) await sendSessionNotice(tx, deps, ctx, updated, notice);
  await recordCaseAudit(tx, ctx, {
    kind: updated.status === 'scheduled' ? 'session.rescheduled' : `session.${updated.status}`,
    at: deps.clock.now(),
    subjectType: 'case_session',
    subjectId: s.id,
    data: { startsAt: updated.starts_at, sequence: updated.sequence, status: updated.status },
  });
  // A request to move it is answered by the change itself: moved, or no longer to be moved.
  const moved = updated.status === 'scheduled';
  await moves.settleOpenRequests(tx, s.id, {
    status: moved ? 'accepted' : 'closed',
    answer: moved ? 'new_time' : null,
    answered_by: ctx.actor.userId,
    answered_at: iso(deps.clock.now()),
  });
  return {
    ...presentSession(ctx, updated, deps.clock.now(), language),
    warnings: await warningsFor(tx, ctx, deps, new Date(updated.starts_at), updated.minutes),
  };
}

/**
 * A session to a new time, with the checks of setting one: still a joint session only where
 * screening allows it, the people invited still allowed by the pack, the mediator free then, a
 * time in the future.
 */
export const moveTo =
  (deps: Deps, input: RescheduleInput): SessionChange =>
  async (tx, ctx, s) => {
    if (s.kind === 'joint') requireJointAllowed(ctx);
    const active = new Set(activeParticipants(ctx).map((p) => p.id));
    checkAttendees(ctx, { attendeeIds: s.attendees.filter((id) => active.has(id)), guests: s.guests });
    const start = startOf(deps, input);
    await refuseDoubleBooking(tx, s.mediator_id, start, input.minutes, s.id);
    await repo.updateSession(tx, s.id, {
      starts_at: iso(start),
      ends_at: iso(addMs(start, input.minutes * MINUTE)),
      minutes: input.minutes,
      ...(input.place ? { place: input.place } : {}),
      sequence: s.sequence + 1,
      updated_at: iso(deps.clock.now()),
    });
    return 'moved';
  };

export const rescheduleSession = (at: CaseAt, sessionId: string, input: RescheduleInput) =>
  changeSession(at, sessionId, moveTo(at.deps, input));

/** Cancels a set session (the mediator's change, or their answer to a request to move it by a poll). */
export const cancelTo =
  (deps: Deps): SessionChange =>
  async (tx, _ctx, s) => {
    await repo.updateSession(tx, s.id, {
      status: 'cancelled',
      sequence: s.sequence + 1,
      updated_at: iso(deps.clock.now()),
    });
    return 'cancelled';
  };

export const cancelSession = (at: CaseAt, sessionId: string) =>
  changeSession(at, sessionId, cancelTo(at.deps));

/** After a session: who came. Attendance is what a court report may state. */
export const markHeld = (
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  sessionId: string,
  attendedIds: string[],
  language: Language = DEFAULT_LANGUAGE,
) =>
  changeSession({ deps, actor, caseId, language }, sessionId, async (tx, _ctx, s) => {
    if (attendedIds.some((id) => !s.attendees.includes(id)))
      throw invalid('attendedIds', 'someone on the list was not invited');
    requireStarted(s, deps.clock.now());
    await repo.updateSession(tx, s.id, {
      status: 'held',
      attended: attendedIds,
      updated_at: iso(deps.clock.now()),
    });
    return null;
  });

/** A case's sessions for the viewer; the words the answer carries (the requests to move one) in `language`. */
export async function listSessions({ deps, actor, caseId, language }: CaseAt): Promise<CaseSessions> {
  const ctx = await loadMediation(deps.db, actor, caseId);
  const rows = await repo.listSessions(deps.db, caseId);
  const now = deps.clock.now();
  const schedule = allows(() => requireScheduler(ctx));
  const moveRequests = await moveRequestsFor(deps.db, deps, ctx, rows, language);
  // One open request per person per session: while theirs waits, they are not offered another.
  const waiting = new Set(moveRequests.filter((r) => r.mine && r.status === 'open').map((r) => r.sessionId));
  return {
    sessions: rows
      .filter((s) => visibleTo(ctx, s))
      .map((s) => presentSession(ctx, s, now, language))
      .map((s) => (waiting.has(s.id) ? { ...s, can: { ...s.can, askToMove: false } } : s)),
    moveRequests,
    hours: {
      ...hoursProgress(ctx.pack.minimumHours.value, rows, ctx.pack.freeHours.value),
      cite: ctx.pack.minimumHours.cite,
      freeHoursCite: ctx.pack.freeHours.cite,
    },
    deadlines: deadlinesFor(ctx, { sessions: rows }, now, language),
    // Only the mediators are told why: the safeguard is screening's, which the parties do not see.
    jointRefused: ctx.isMediator ? jointSessionRefusal(ctx.c.safeguards) : null,
    can: { schedule, scheduleJoint: schedule && allows(() => requireJointAllowed(ctx)) },
    participants: activeParticipants(ctx).map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      side: p.side,
    })),
  };
}

// For other areas: when a case's sessions are, whether a session is on a case, who came.

/** Kind, status, start and when it was set of each session of a case (for its deadlines). */
export const sessionTimes = (db: Executor, caseId: string) => repo.listSessionTimes(db, caseId);

/** The sessions set on some cases between two instants (the mediator's desk: today and this week). */
export const sessionsOnCasesBetween = (db: Executor, caseIds: readonly string[], from: Date, to: Date) =>
  repo.listSetOnCasesBetween(db, caseIds, iso(from), iso(to));

export const sessionOnCase = (db: Executor, caseId: string, sessionId: string) =>
  repo.sessionExists(db, caseId, sessionId);

/** Whether any session was held, and the participants who came to one (for the court report). */
export async function attendanceOf(db: Executor, caseId: string) {
  const held = (await repo.listSessions(db, caseId)).filter((s) => s.status === 'held');
  return { anyHeld: held.length > 0, came: new Set(held.flatMap((s) => s.attended ?? [])) };
}

/** How many sessions of a case were held and their minutes (a purged case's statistical row). */
export async function heldSessionTotals(db: Executor, caseId: string) {
  const held = (await repo.listSessions(db, caseId)).filter((s) => s.status === 'held');
  return { held: held.length, minutes: held.reduce((sum, s) => sum + s.minutes, 0) };
}

/** Removes a person's calendar feed links (their account's deletion). */
export const forgetFeedsOf = (db: Executor, userId: string) => repo.deleteFeedsOf(db, userId);
