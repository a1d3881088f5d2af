import { createHmac } from 'node:crypto';
import type { CasePolls, Poll, PollByLink, PollInput } from '../../../contracts/session-polls.ts';
import type { SessionChanged } from '../../../contracts/sessions.ts';
import { DEFAULT_LANGUAGE, type Language, languageOr } from '../../../domain/languages.ts';
import { formatMissouriDateTime, fromMissouriTime } from '../../../domain/missouri-time.ts';
import { bestSlot, SESSION_KIND_LABELS } from '../../../domain/sessions.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError, invalid, notFound, refusalOf } from '../../http/errors.ts';
import { addMs, iso, MINUTE } from '../../infra/clock.ts';
import { deriveKey, hashToken } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { linkTo } from '../accounts/account-links.ts';
import { findUser, findUserByEmail, languageOfRecipient } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  activeParticipants,
  type CaseAccess,
  loadCaseForJob,
  loadMediation,
  recordCaseAudit,
} from '../cases/case-access.ts';
import { isNeutral } from '../cases/cases.policy.ts';
import { queueEmail } from '../mail/mail.service.ts';
import * as repo from './polls.repository.ts';
import { POLL_EMAILS, placeText } from './sessions.emails.ts';
import { defaultAttendees, requireJointAllowed, requireScheduler, setSession } from './sessions.service.ts';

/**
 * Finding a time. The mediator proposes several times for a session; each person the session
 * would be for (everyone joined, or one side) marks the ones they can attend, signed in from the
 * case or from their own e-mailed link with no account. Parley shows the mediators the best time
 * (the most who can attend, the earliest of a tie) and the mediator books one as a session through
 * setSession, with every check of setting a session by hand; booking closes the poll.
 *
 * What each person sees: the mediators and the program see every answer; a party or companion
 * sees only their own (so on a case kept apart by screening, nobody learns the other side's
 * names, addresses or times). The e-mailed link names only its own person.
 */

/** A person's link to a poll: derived from the server's secret, so a reminder can send it again; only its hash is stored. */
const linkToken = (deps: Deps, pollId: string, participantId: string) =>
  createHmac('sha256', deriveKey(deps.config.appSecret, 'session-poll-link'))
    .update(`${pollId}:${participantId}`)
    .digest('base64url');

const allows = (check: () => void) => refusalOf(check) === null;

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

/** A poll as a viewer sees it, its words in `language` (the page's). */
function presentPoll(
  ctx: CaseAccess,
  poll: repo.PollRow,
  invitees: repo.InviteeRow[],
  language: Language = DEFAULT_LANGUAGE,
): Poll {
  const all = ctx.isMediator || isNeutral(ctx.viewer);
  const mine = invitees.find((i) => i.participant_id === ctx.viewer.participantId) ?? null;
  const best = bestSlot(
    poll.slots,
    invitees.map((i) => i.slot_ids),
  );
  const shown = all ? invitees : mine ? [mine] : [];
  return {
    id: poll.id,
    kind: poll.kind,
    kindLabel: SESSION_KIND_LABELS[poll.kind],
    side: poll.side,
    minutes: poll.minutes,
    placeText: placeText(poll.place, language),
    status: poll.status,
    sessionId: poll.session_id,
    slots: poll.slots.map((s) => ({
      id: s.id,
      startsAt: s.startsAt,
      shown: formatMissouriDateTime(s.startsAt, language),
      canAttend: all ? invitees.filter((i) => i.slot_ids?.includes(s.id)).length : null,
      mine: mine ? Boolean(mine.slot_ids?.includes(s.id)) : null,
      best: all && poll.status === 'open' && best?.id === s.id,
    })),
    invitees: shown.flatMap((i) => {
      const p = ctx.participants.find((x) => x.id === i.participant_id);
      return p
        ? [
            {
              participantId: p.id,
              name: p.name,
              role: p.role,
              side: p.side,
              answered: i.answered_at !== null,
              times: i.slot_ids ?? [],
            },
          ]
        : [];
    }),
    can: {
      answer: poll.status === 'open' && mine !== null,
      book: poll.status === 'open' && allows(() => requireScheduler(ctx)),
      close: poll.status === 'open' && allows(() => requireScheduler(ctx)),
    },
  };
}

/** Polls a viewer may see: all for the mediators and the program; a party's own. */
async function casePolls(db: Executor, ctx: CaseAccess) {
  const polls = await repo.listPolls(db, ctx.c.id);
  const invitees = await repo.listInvitees(
    db,
    polls.map((p) => p.id),
  );
  const all = ctx.isMediator || isNeutral(ctx.viewer);
  return polls
    .map((p) => ({ poll: p, invitees: invitees.filter((i) => i.poll_id === p.id) }))
    .filter((x) => all || x.invitees.some((i) => i.participant_id === ctx.viewer.participantId));
}

export async function listPolls(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  language: Language = DEFAULT_LANGUAGE,
): Promise<CasePolls> {
  const ctx = await loadMediation(deps.db, actor, caseId);
  return {
    polls: (await casePolls(deps.db, ctx)).map((x) => presentPoll(ctx, x.poll, x.invitees, language)),
  };
}

async function sendAsked(
  tx: Tx,
  deps: Deps,
  ctx: Pick<CaseAccess, 'c' | 'participants'>,
  poll: repo.PollRow,
  participantIds: string[],
  kind: 'asked' | 'reminder',
) {
  // Someone without an account has no language of their own: they are written to in the language
  // of the account of the person who proposed the times (stored with the poll, so its reminder
  // reads the same).
  const proposer = await languageOfRecipient(tx, { userId: poll.created_by });
  for (const p of ctx.participants.filter((x) => participantIds.includes(x.id) && x.email)) {
    const account = p.user_id ? await findUser(tx, p.user_id) : await findUserByEmail(tx, p.email!);
    await queueEmail(tx, deps, {
      to: p.email!,
      toUserId: p.user_id ?? null,
      ...POLL_EMAILS.asked(
        kind,
        { kind: poll.kind, minutes: poll.minutes, times: poll.slots.map((s) => s.startsAt) },
        {
          name: p.name,
          reference: ctx.c.reference,
          link: linkTo(deps, '/poll', linkToken(deps, poll.id, p.id)),
        },
        account ? languageOr(account.language) : proposer,
      ),
      programId: ctx.c.program_id,
      caseId: ctx.c.id,
    });
  }
}

export async function createPoll(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: PollInput,
): Promise<Poll> {
  return inTransaction(deps.db, async (tx) =>
    openPoll(tx, deps, await loadMediation(tx, actor, caseId), input),
  );
}

/**
 * Proposes times inside the caller's transaction (the mediator's own poll, or their answer to a
 * request to move a session): everyone the session would be for gets their link by e-mail.
 */
export async function openPoll(tx: Tx, deps: Deps, ctx: CaseAccess, input: PollInput): Promise<Poll> {
  {
    const caseId = ctx.c.id;
    requireScheduler(ctx);
    if (input.kind === 'joint') requireJointAllowed(ctx);
    if (input.kind !== 'joint' && !input.side) throw invalid('side', 'choose which side meets the mediator');
    const now = deps.clock.now();
    const starts = input.times.map((t, n) => {
      const start = fromMissouriTime(t.date, t.time);
      if (start <= now) throw invalid(`times.${n}`, 'choose times in the future');
      return iso(start);
    });
    if (new Set(starts).size !== starts.length) throw invalid('times', 'offer each time once');
    const asked = defaultAttendees(ctx, input.kind, input.side);
    if (!asked.length) throw invalid('kind', 'no one on the case can be asked yet');
    const poll: repo.PollRow = {
      id: newId(),
      case_id: caseId,
      mediator_id: ctx.c.mediator_id!,
      kind: input.kind,
      side: input.kind === 'joint' ? null : (input.side ?? null),
      minutes: input.minutes,
      place: input.place,
      slots: [...starts].sort().map((startsAt) => ({ id: newId(), startsAt })),
      status: 'open',
      session_id: null,
      reminded_at: null,
      created_by: ctx.actor.userId,
      created_at: iso(now),
      updated_at: iso(now),
    };
    await repo.insertPoll(tx, poll);
    for (const p of asked) {
      await repo.insertInvitee(tx, {
        poll_id: poll.id,
        participant_id: p.id,
        token_hash: hashToken(linkToken(deps, poll.id, p.id), deps.config.appSecret),
      });
    }
    await sendAsked(
      tx,
      deps,
      ctx,
      poll,
      asked.map((p) => p.id),
      'asked',
    );
    await recordCaseAudit(tx, ctx, {
      kind: 'session_poll.created',
      at: now,
      subjectType: 'session_poll',
      subjectId: poll.id,
      data: { kind: poll.kind, times: poll.slots.length, asked: asked.length },
    });
    return presentPoll(ctx, poll, await repo.listInvitees(tx, [poll.id]));
  }
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
  deps: Deps,
  actor: Actor | null,
  caseId: string,
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
    return presentPoll(ctx, poll, await repo.listInvitees(tx, [poll.id]));
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

/** The poll as its e-mailed link shows it, its words in `language` (the page's). */
function presentByLink(
  found: { c: { reference: string } },
  person: { name: string },
  poll: repo.PollRow,
  invitee: repo.InviteeRow,
  language: Language,
): PollByLink {
  return {
    reference: found.c.reference,
    name: person.name,
    kind: poll.kind,
    minutes: poll.minutes,
    placeText: placeText(poll.place, language),
    status: poll.status,
    answered: invitee.answered_at !== null,
    slots: poll.slots.map((s) => ({
      id: s.id,
      startsAt: s.startsAt,
      shown: formatMissouriDateTime(s.startsAt, language),
      mine: Boolean(invitee.slot_ids?.includes(s.id)),
    })),
  };
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
  deps: Deps,
  actor: Actor | null,
  caseId: string,
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
    const { row, ...changed } = await setSession(tx, deps, ctx, {
      kind: poll.kind,
      ...(poll.side ? { side: poll.side } : {}),
      minutes: poll.minutes,
      place: poll.place,
      attendeeIds: invitees.map((i) => i.participant_id).filter((id) => active.has(id)),
      guests: [],
      start: new Date(slot.startsAt),
    });
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

export async function closePoll(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  pollId: string,
): Promise<Poll> {
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
    return presentPoll(ctx, updated, await repo.listInvitees(tx, [poll.id]));
  });
}

/** How long after asking Parley reminds those who have not answered, once. */
export const POLL_REMINDER_AFTER = 2 * 24 * 60 * MINUTE;

/** The reminder job: each open poll asked two days ago or more e-mails those who have not answered, once. */
export async function sendPollReminders(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const due = await repo.listPollsToRemind(deps.db, iso(addMs(now, -POLL_REMINDER_AFTER)));
  let sent = 0;
  for (const poll of due) {
    await inTransaction(deps.db, async (tx) => {
      if (!(await repo.claimPollReminder(tx, poll.id, iso(now)))) return;
      const found = await loadCaseForJob(tx, poll.case_id);
      if (!found) return;
      const waiting = (await repo.listInvitees(tx, [poll.id]))
        .filter((i) => i.answered_at === null)
        .map((i) => i.participant_id);
      const active = new Set(activeParticipants(found).map((p) => p.id));
      const to = waiting.filter((id) => active.has(id));
      await sendAsked(tx, deps, found, poll, to, 'reminder');
      await recordAudit(tx, {
        kind: 'session_poll.reminded',
        at: now,
        actorId: null,
        programId: found.c.program_id,
        caseId: found.c.id,
        subjectType: 'session_poll',
        subjectId: poll.id,
        data: { reminded: to.length },
      });
      sent += to.length;
    });
  }
  return sent;
}

// For other areas

/** The times a person marked in polls, on the cases where they are these participants (their data export). */
export async function pollAnswersOf(db: Executor, participantIds: readonly string[]) {
  return (await repo.listAnswersOf(db, participantIds)).map((r) => ({
    caseId: r.case_id,
    pollId: r.poll_id,
    session: SESSION_KIND_LABELS[r.kind],
    minutes: r.minutes,
    timesProposed: r.slots.map((s) => s.startsAt),
    timesYouCanAttend: r.slots.filter((s) => r.slot_ids.includes(s.id)).map((s) => s.startsAt),
    answeredAt: r.answered_at,
    poll: r.status,
  }));
}
