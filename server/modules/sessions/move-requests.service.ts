import type { AcceptMoveInput, MoveAnswered } from '../../../contracts/session-moves.ts';
import type { MoveRequest, SessionChanged } from '../../../contracts/sessions.ts';
import type { Language } from '../../../domain/languages.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type CaseAccess, type CaseAt, loadMediation, recordCaseAudit } from '../cases/case-access.ts';
import { mediatorsOf, refuseProtectedContact } from '../documents/talk-access.ts';
import { caseKey, openUnderCaseKeys, seal } from '../keys/keys.service.ts';
import type { EmailText } from '../mail/mail.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { readsMoveRequest, requireMoveAnswerable, requireMoveAskable } from './move-requests.policy.ts';
import * as repo from './move-requests.repository.ts';
import { presentMoveRequest } from './move-requests.view.ts';
import { openPoll } from './polls.service.ts';
import { MOVE_EMAILS } from './sessions.emails.ts';
import * as sessions from './sessions.repository.ts';
import { applySessionChange, cancelTo, moveTo } from './sessions.service.ts';
import { visibleTo } from './sessions.view.ts';

/**
 * Asking to move a session. A party invited to a session still ahead asks, saying why; the
 * mediators are told (under the bell, and by e-mail without the reason). The mediator accepts by
 * moving the session to a new time (every check of moving one: the mediator's other sessions, who
 * may attend, the "separate sessions" safeguard; the pack deadlines it would miss come back as
 * warnings) or by canceling it and proposing times to everyone it was for, or declines with a note
 * only the one who asked reads. Everyone invited hears of a new time or a cancellation through the
 * session's own notices. The reason and the note are sealed under the case's key.
 */

const sessionsLink = (caseId: string) => `/cases/${caseId}/sessions`;
const sessionsUrl = (deps: Deps, caseId: string) =>
  `${deps.config.publicUrl.replace(/\/$/, '')}${sessionsLink(caseId)}`;

/** A notice under the person's bell, e-mailed with these words if they chose e-mail now. */
const tell = (
  tx: Tx,
  deps: Deps,
  ctx: CaseAccess,
  userId: string,
  title: (language: Language) => string,
  email: (language: Language) => EmailText,
) =>
  notify(tx, deps, {
    userId,
    kind: 'session',
    caseId: ctx.c.id,
    link: sessionsLink(ctx.c.id),
    title,
    email: (language) => ({ ...email(language), programId: ctx.c.program_id }),
  });

/** A request as the caller reads it, its words in `language` (the page's). */
async function present(
  tx: Executor,
  deps: Deps,
  ctx: CaseAccess,
  id: string,
  language: Language,
): Promise<MoveRequest> {
  const r = (await repo.findMoveRequest(tx, ctx.c.id, id))!;
  const s = await sessions.findSession(tx, ctx.c.id, r.session_id);
  return presentMoveRequest(ctx, await caseKey(tx, deps, ctx.c.id), r, s, language);
}

export async function askToMove(
  { deps, actor, caseId, language }: CaseAt,
  sessionId: string,
  input: { reason: string },
): Promise<MoveRequest> {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    const s = await sessions.findSession(tx, caseId, sessionId);
    if (!s || !visibleTo(ctx, s)) throw notFound('That session');
    const now = deps.clock.now();
    requireMoveAskable(ctx, s, now);
    const participantId = ctx.viewer.participantId!;
    if (await repo.findOpenRequestOf(tx, s.id, participantId))
      throw new AppError(
        'CONFLICT',
        'You have already asked to move this session. The mediator has not answered yet.',
      );
    const id = newId();
    await repo.insertMoveRequest(tx, {
      id,
      case_id: caseId,
      session_id: s.id,
      participant_id: participantId,
      asked_by: ctx.actor.userId,
      from_starts_at: s.starts_at,
      reason_enc: seal(await caseKey(tx, deps, caseId), input.reason),
      status: 'open',
      answer: null,
      note_enc: null,
      poll_id: null,
      answered_by: null,
      answered_at: null,
      created_at: iso(now),
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'session_move.requested',
      at: now,
      subjectType: 'session_move_request',
      subjectId: id,
      data: { sessionId: s.id, participantId },
    });
    const askedBy = ctx.participants.find((p) => p.id === participantId)?.name ?? 'A party';
    for (const m of await mediatorsOf(tx, ctx)) {
      if (!m.userId) continue;
      await tell(
        tx,
        deps,
        ctx,
        m.userId,
        MOVE_EMAILS.askedTitle(s.starts_at),
        MOVE_EMAILS.asked(s, {
          name: m.name,
          reference: ctx.c.reference,
          askedBy,
          sessionsUrl: sessionsUrl(deps, ctx.c.id),
        }),
      );
    }
    return present(tx, deps, ctx, id, language);
  });
}

/** The open request the mediator answers, or "not found" for someone who may not read it. */
async function loadOpen(tx: Tx, ctx: CaseAccess, requestId: string) {
  const r = await repo.findMoveRequest(tx, ctx.c.id, requestId);
  if (!r || !readsMoveRequest(ctx, r)) throw notFound('That request');
  requireMoveAnswerable(ctx, r);
  const s = (await sessions.findSession(tx, ctx.c.id, r.session_id))!;
  return { r, s };
}

export async function acceptMove(
  { deps, actor, caseId, language }: CaseAt,
  requestId: string,
  input: AcceptMoveInput,
): Promise<MoveAnswered> {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    const { r, s } = await loadOpen(tx, ctx, requestId);
    const at = iso(deps.clock.now());
    await repo.answerMoveRequest(tx, r.id, {
      status: 'accepted',
      answer: input.how,
      note_enc: null,
      poll_id: null,
      answered_by: ctx.actor.userId,
      answered_at: at,
    });
    let session: SessionChanged;
    if (input.how === 'new_time') {
      session = await applySessionChange(tx, deps, ctx, s, moveTo(deps, input), language);
    } else {
      // The old time goes (everyone invited is told), and everyone it was for is asked which times suit them.
      session = await applySessionChange(tx, deps, ctx, s, cancelTo(deps), language);
      const poll = await openPoll(
        tx,
        deps,
        ctx,
        {
          kind: s.kind,
          ...(s.side ? { side: s.side } : {}),
          minutes: s.minutes,
          place: s.place,
          times: input.times,
        },
        language,
      );
      await repo.setMovePoll(tx, r.id, poll.id);
    }
    await recordCaseAudit(tx, ctx, {
      kind: 'session_move.accepted',
      at: deps.clock.now(),
      subjectType: 'session_move_request',
      subjectId: r.id,
      data: { sessionId: s.id, answer: input.how },
    });
    return { request: await present(tx, deps, ctx, r.id, language), session };
  });
}

export async function declineMove(
  { deps, actor, caseId, language }: CaseAt,
  requestId: string,
  input: { note?: string | undefined },
): Promise<MoveRequest> {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    const { r, s } = await loadOpen(tx, ctx, requestId);
    const note = input.note?.trim() || null;
    const asker = ctx.participants.find((p) => p.id === r.participant_id);
    // The note reaches the one who asked: on a safeguarded case, never the other side's whereabouts.
    if (note) await refuseProtectedContact(tx, ctx, 'note', note, asker?.side ?? null);
    await repo.answerMoveRequest(tx, r.id, {
      status: 'declined',
      answer: null,
      note_enc: note ? seal(await caseKey(tx, deps, caseId), note) : null,
      poll_id: null,
      answered_by: ctx.actor.userId,
      answered_at: iso(deps.clock.now()),
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'session_move.declined',
      at: deps.clock.now(),
      subjectType: 'session_move_request',
      subjectId: r.id,
      data: { sessionId: s.id, withNote: note !== null },
    });
    if (asker?.user_id)
      await tell(
        tx,
        deps,
        ctx,
        asker.user_id,
        MOVE_EMAILS.declinedTitle(s.starts_at),
        MOVE_EMAILS.declined(s, {
          name: asker.name,
          reference: ctx.c.reference,
          sessionsUrl: sessionsUrl(deps, ctx.c.id),
        }),
      );
    return present(tx, deps, ctx, r.id, language);
  });
}

// For other areas

/** Open requests to move a session on some cases, oldest first (the mediator's desk). */
export const openMoveRequestsOnCases = (db: Executor, caseIds: readonly string[]) =>
  repo.listOpenOnCases(db, caseIds);

/** The requests to move a session a person made, with their reasons opened (their data export). */
export const moveRequestsBy = async (db: Executor, deps: Pick<Deps, 'config' | 'clock'>, userId: string) =>
  openUnderCaseKeys(db, deps, await repo.listRequestsBy(db, userId), (r, open) => ({
    caseId: r.case_id,
    sessionId: r.session_id,
    sessionWas: r.from_starts_at,
    reason: open(r.reason_enc),
    status: r.status,
    answer: r.answer,
    askedAt: r.created_at,
    answeredAt: r.answered_at,
  }));

/** Removes a case's requests to move a session, reasons and notes (retention's early purge of confidential words). */
export const purgeCaseMoveRequests = (db: Executor, caseId: string) =>
  repo.deleteCaseMoveRequests(db, caseId);
