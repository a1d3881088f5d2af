import { createHmac } from 'node:crypto';
import type { CasePolls, Poll, PollInput } from '../../../contracts/session-polls.ts';
import { DEFAULT_LANGUAGE, type Language, languageOr } from '../../../domain/languages.ts';
import { fromMissouriTime } from '../../../domain/missouri-time.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { invalid } from '../../http/errors.ts';
import { addMs, iso, MINUTE } from '../../infra/clock.ts';
import { deriveKey, hashToken } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { linkTo } from '../accounts/account-links.ts';
import { findUser, findUserByEmail, languageOfRecipient } from '../accounts/accounts.service.ts';
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
import { queueEmail } from '../mail/mail.service.ts';
import * as repo from './polls.repository.ts';
import { presentPoll } from './polls.view.ts';
import { POLL_EMAILS } from './sessions.emails.ts';
import { requireJointAllowed, requireScheduler } from './sessions.policy.ts';
import { defaultAttendees } from './sessions.service.ts';
import { sessionKindLabel } from './sessions.view.ts';

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
 *
 * Here: proposing times, the list of a case's polls and the one reminder; answering, booking and
 * closing are in poll-answers.service.ts, what each reader sees in polls.view.ts.
 */

/** A person's link to a poll: derived from the server's secret, so a reminder can send it again; only its hash is stored. */
const linkToken = (deps: Deps, pollId: string, participantId: string) =>
  createHmac('sha256', deriveKey(deps.config.appSecret, 'session-poll-link'))
    .update(`${pollId}:${participantId}`)
    .digest('base64url');

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

export async function listPolls({ deps, actor, caseId, language }: CaseAt): Promise<CasePolls> {
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

export async function createPoll({ deps, actor, caseId, language }: CaseAt, input: PollInput): Promise<Poll> {
  return inTransaction(deps.db, async (tx) =>
    openPoll(tx, deps, await loadMediation(tx, actor, caseId), input, language),
  );
}

/**
 * Proposes times inside the caller's transaction (the mediator's own poll, or their answer to a
 * request to move a session): everyone the session would be for gets their link by e-mail. The
 * answer's words are in `language` (the page's).
 */
export async function openPoll(
  tx: Tx,
  deps: Deps,
  ctx: CaseAccess,
  input: PollInput,
  language: Language = DEFAULT_LANGUAGE,
): Promise<Poll> {
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
    return presentPoll(ctx, poll, await repo.listInvitees(tx, [poll.id]), language);
  }
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

/**
 * The times a person marked in polls, on the cases where they are these participants (their data
 * export), each kind of session named in `language` (the person's).
 */
export async function pollAnswersOf(
  db: Executor,
  participantIds: readonly string[],
  language: Language = DEFAULT_LANGUAGE,
) {
  return (await repo.listAnswersOf(db, participantIds)).map((r) => ({
    caseId: r.case_id,
    pollId: r.poll_id,
    session: sessionKindLabel(r.kind, language),
    minutes: r.minutes,
    timesProposed: r.slots.map((s) => s.startsAt),
    timesYouCanAttend: r.slots.filter((s) => r.slot_ids.includes(s.id)).map((s) => s.startsAt),
    answeredAt: r.answered_at,
    poll: r.status,
  }));
}
