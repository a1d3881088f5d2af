import type { Poll, PollByLink } from '../../../contracts/session-polls.ts';
import type { SessionChanged } from '../../../contracts/sessions.ts';
import type { Language } from '../../../domain/languages.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import { hashToken } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  activeParticipants,
  type CaseAccess,
  type CaseAt,
  loadCaseForJob,
  loadMediation,
  recordCaseAudit,
} from '../cases/case-access.ts';
import { isNeutral } from '../cases/cases.policy.ts';
import * as repo from './polls.repository.ts';
import { presentByLink, presentPoll } from './polls.view.ts';
import { requireScheduler } from './sessions.policy.ts';
import { setSession } from './sessions.service.ts';

/**
 * Answering a poll of proposed times, signed in or from one's own e-mailed link (no account
 * needed), and the mediator's booking of one time or closing the poll without booking. Booking
 * sets the session through setSession, with every check of setting one by hand.
 */

function requireOpen(poll: repo.PollRow) {
  if (poll.status !== 'open')
    throw new AppError(
      'INVALID_TRANSITION',
      poll.status === 'booked'
        ? 'This poll is closed: the mediator has set the session.'
        : 'This poll is closed. The mediator will be in touch about a time.',
    );
}

function requireAsked(ctx: CaseAccess, invitees: repo.InviteeRow[]) {
  const mine = invitees.find((i) => i.participant_id === ctx.viewer.participantId);
  if (!mine) throw new AppError('FORBIDDEN', 'Only the people asked can answer this poll.');
  return mine;
}

function checkTimes(poll: repo.PollRow, times: string[]) {
  if (times.some((t) => !poll.slots.some((s) => s.id === t)))
    throw invalid('times', 'choose among the proposed times');
  return [...new Set(times)];
}

async function loadPoll(tx: Executor, ctx: CaseAccess, pollId: string) {
  const poll = await repo.findPoll(tx, ctx.c.id, pollId);
  if (!poll) throw notFound('That poll');
  const invitees = await repo.listInvitees(tx, [poll.id]);
  // A party who was not asked does not learn the poll exists.
  if (
    !(ctx.isMediator || isNeutral(ctx.viewer)) &&
    !invitees.some((i) => i.participant_id === ctx.viewer.participantId)
  )
    throw notFound('That poll');
  return { poll, invitees };
}

export async function answerPoll(
  { deps, actor, caseId, language }: CaseAt,
  pollId: string,
  times: string[],
): Promise<Poll> {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    const { poll, invitees } = await loadPoll(tx, ctx, pollId);
    const mine = requireAsked(ctx, invitees);
    requireOpen(poll);
    const chosen = checkTimes(poll, times);
    await repo.saveAnswer(tx, poll.id, mine.participant_id, chosen, iso(deps.clock.now()));
    await recordCaseAudit(tx, ctx, {
      kind: 'session_poll.answered',
      at: deps.clock.now(),
      subjectType: 'session_poll',
      subjectId: poll.id,
      data: { participantId: mine.participant_id, times: chosen.length, by: 'signed_in' },
    });
    return presentPoll(ctx, poll, await repo.listInvitees(tx, [poll.id]), language);
  });
}

/** The poll behind a link, its case, and the person it was sent to (still on the case). */
async function findByLink(db: Executor, deps: Deps, token: string) {
  const invitee = await repo.findInviteeByHash(db, hashToken(token, deps.config.appSecret));
  const poll = invitee && (await repo.findPollById(db, invitee.poll_id));
  const found = poll && (await loadCaseForJob(db, poll.case_id));
  const person = found?.participants.find((p) => p.id === invitee!.participant_id && p.status === 'active');
  if (!invitee || !poll || !found || !person)
    throw new AppError('TOKEN_INVALID', 'This link no longer works. Ask the mediator for a new one.');
  return { invitee, poll, found, person };
}

export async function pollByLink(deps: Deps, token: string, language: Language): Promise<PollByLink> {
  const { invitee, poll, found, person } = await findByLink(deps.db, deps, token);
  return presentByLink(found, person, poll, invitee, language);
}

export async function answerByLink(
  deps: Deps,
  token: string,
  times: string[],
  language: Language,
): Promise<PollByLink> {
  return inTransaction(deps.db, async (tx) => {
    const { invitee, poll, found, person } = await findByLink(tx, deps, token);
    requireOpen(poll);
    const chosen = checkTimes(poll, times);
    const at = iso(deps.clock.now());
    await repo.saveAnswer(tx, poll.id, invitee.participant_id, chosen, at);
    await recordAudit(tx, {
      kind: 'session_poll.answered',
      at: deps.clock.now(),
      actorId: person.user_id ?? null,
      programId: found.c.program_id,
      caseId: found.c.id,
      subjectType: 'session_poll',
      subjectId: poll.id,
      data: { participantId: invitee.participant_id, times: chosen.length, by: 'link' },
    });
    return presentByLink(found, person, poll, { ...invitee, slot_ids: chosen, answered_at: at }, language);
  });
}

/** The mediator books one proposed time: a session set with every check of setting one; the poll closes. */
export async function bookPoll(
  { deps, actor, caseId, language }: CaseAt,
  pollId: string,
  timeId: string,
): Promise<SessionChanged> {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    requireScheduler(ctx);
    const { poll, invitees } = await loadPoll(tx, ctx, pollId);
    requireOpen(poll);
    const slot = poll.slots.find((s) => s.id === timeId);
    if (!slot) throw invalid('timeId', 'choose one of the proposed times');
    const active = new Set(activeParticipants(ctx).map((p) => p.id));
    const { row, ...changed } = await setSession(
      tx,
      deps,
      ctx,
      {
        kind: poll.kind,
        ...(poll.side ? { side: poll.side } : {}),
        minutes: poll.minutes,
        place: poll.place,
        attendeeIds: invitees.map((i) => i.participant_id).filter((id) => active.has(id)),
        guests: [],
        start: new Date(slot.startsAt),
      },
      language,
    );
    await repo.updatePoll(tx, poll.id, {
      status: 'booked',
      session_id: row.id,
      updated_at: iso(deps.clock.now()),
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'session_poll.booked',
      at: deps.clock.now(),
      subjectType: 'session_poll',
      subjectId: poll.id,
      data: { sessionId: row.id, startsAt: slot.startsAt },
    });
    return changed;
  });
}

export async function closePoll({ deps, actor, caseId, language }: CaseAt, pollId: string): Promise<Poll> {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    requireScheduler(ctx);
    const { poll } = await loadPoll(tx, ctx, pollId);
    requireOpen(poll);
    await repo.updatePoll(tx, poll.id, { status: 'closed', updated_at: iso(deps.clock.now()) });
    await recordCaseAudit(tx, ctx, {
      kind: 'session_poll.closed',
      at: deps.clock.now(),
      subjectType: 'session_poll',
      subjectId: poll.id,
      data: {},
    });
    const updated = (await repo.findPoll(tx, caseId, pollId))!;
    return presentPoll(ctx, updated, await repo.listInvitees(tx, [poll.id]), language);
  });
}
