import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { IssuePatch, NewsletterIssue } from '../../../contracts/newsletter.ts';
import { can } from '../../../domain/roles.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { DAY, HOUR, iso } from '../../infra/clock.ts';
import { hashToken, newToken, safeEqual } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { defineJob, enqueueJob } from '../../jobs/runner.ts';
import { type Actor, authorize, requireActor } from '../access/access.service.ts';
import { consumeQuota, inAbout } from '../access/throttle.service.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { membersInGoodStanding } from '../membership/membership.service.ts';
import { NEWSLETTER_EMAILS } from './newsletter.emails.ts';
import * as repo from './newsletter.repository.ts';

// "The Communicator": issues written by staff, an archive members read, a mailing to members in
// good standing through the outbox, and an unsubscribe link that works without signing in.

export const NEWSLETTER_MAIL_JOB = 'newsletter.mail';

type IssueRow = NonNullable<Awaited<ReturnType<typeof repo.findIssue>>>;
/** An issue, with what this viewer may do: staff edit and publish a draft; a published one stays. */
const present = (i: IssueRow, actor: Actor): NewsletterIssue => {
  const draftForStaff = i.status === 'draft' && can(actor.grants, 'association:manage');
  return {
    id: i.id,
    title: i.title,
    issueLabel: i.issue_label,
    summary: i.summary,
    body: i.body,
    status: i.status,
    publishedAt: i.published_at,
    can: { edit: draftForStaff, publish: draftForStaff },
  };
};

/** The link's token: the person's id and a keyed signature, so it works once signed out and cannot be forged. */
export function unsubscribeToken(secret: string, userId: string): string {
  const sig = createHmac('sha256', secret).update(`newsletter-unsubscribe:${userId}`).digest('base64url');
  return Buffer.from(`${userId}:${sig}`).toString('base64url');
}

function readToken(secret: string, token: string): string | null {
  const [userId, sig] = Buffer.from(token, 'base64url').toString('utf8').split(':');
  if (!userId || !sig) return null;
  const expected = unsubscribeToken(secret, userId);
  return safeEqual(expected, token) ? userId : null;
}

/** The unsubscribe link's token for a sign-up from the public page (no account): its id, signed. */
export function subscriberUnsubscribeToken(secret: string, subscriberId: string): string {
  const sig = createHmac('sha256', secret)
    .update(`newsletter-subscriber-unsubscribe:${subscriberId}`)
    .digest('base64url');
  return Buffer.from(`subscriber:${subscriberId}:${sig}`).toString('base64url');
}

function readSubscriberToken(secret: string, token: string): string | null {
  const [kind, id, sig] = Buffer.from(token, 'base64url').toString('utf8').split(':');
  if (kind !== 'subscriber' || !id || !sig) return null;
  return safeEqual(subscriberUnsubscribeToken(secret, id), token) ? id : null;
}

export async function listIssues(deps: Deps, actor: Actor | null) {
  authorize(actor, 'association:members');
  return (await repo.listIssues(deps.db, can(actor.grants, 'association:manage'))).map((i) =>
    present(i, actor),
  );
}

export async function getIssue(deps: Deps, actor: Actor | null, id: string) {
  authorize(actor, 'association:members');
  const issue = await repo.findIssue(deps.db, id);
  if (!issue || (issue.status !== 'published' && !can(actor.grants, 'association:manage')))
    throw notFound('That issue');
  return present(issue, actor);
}

type IssueInput = { title: string; issueLabel: string; summary: string; body: string };

export async function createIssue(deps: Deps, actor: Actor | null, input: IssueInput) {
  authorize(actor, 'association:manage');
  const now = iso(deps.clock.now());
  const id = newId();
  await inTransaction(deps.db, async (tx) => {
    await repo.insertIssue(tx, {
      id,
      title: input.title,
      issue_label: input.issueLabel,
      summary: input.summary,
      body: input.body,
      status: 'draft',
      published_at: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(tx, {
      kind: 'newsletter.drafted',
      at: deps.clock.now(),
      actorId: actor.userId,
      subjectType: 'newsletter_issue',
      subjectId: id,
    });
  });
  return present((await repo.findIssue(deps.db, id))!, actor);
}

export async function updateIssue(deps: Deps, actor: Actor | null, id: string, input: IssuePatch) {
  authorize(actor, 'association:manage');
  if (!(await repo.findIssue(deps.db, id))) throw notFound('That issue');
  await inTransaction(deps.db, async (tx) => {
    const changed = await repo.updateIssue(
      tx,
      id,
      {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.issueLabel !== undefined ? { issue_label: input.issueLabel } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        updated_at: iso(deps.clock.now()),
      },
      true,
    );
    if (!changed) throw new AppError('CONFLICT', 'A published issue cannot be changed: it has been mailed.');
    await recordAudit(tx, {
      kind: 'newsletter.edited',
      at: deps.clock.now(),
      actorId: actor.userId,
      subjectType: 'newsletter_issue',
      subjectId: id,
      data: { fields: Object.keys(input) },
    });
  });
  return present((await repo.findIssue(deps.db, id))!, actor);
}

/** Publishes to the archive and queues the mailing (once per issue). */
export async function publishIssue(deps: Deps, actor: Actor | null, id: string) {
  authorize(actor, 'association:manage');
  if (!(await repo.findIssue(deps.db, id))) throw notFound('That issue');
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const changed = await repo.updateIssue(
      tx,
      id,
      { status: 'published', published_at: iso(now), updated_at: iso(now) },
      true,
    );
    if (!changed) throw new AppError('CONFLICT', 'This issue is already published.');
    await enqueueJob(tx, deps, {
      kind: NEWSLETTER_MAIL_JOB,
      payload: { issueId: id },
      uniqueKey: `${NEWSLETTER_MAIL_JOB}:${id}`,
    });
    await recordAudit(tx, {
      kind: 'newsletter.published',
      at: now,
      actorId: actor.userId,
      subjectType: 'newsletter_issue',
      subjectId: id,
    });
  });
  return present((await repo.findIssue(deps.db, id))!, actor);
}

/** Mails a published issue to every member in good standing who has not unsubscribed, each once. */
export async function mailIssue(deps: Deps, issueId: string): Promise<number> {
  const issue = await repo.findIssue(deps.db, issueId);
  if (issue?.status !== 'published') return 0;
  let sent = 0;
  // Members in good standing who have not unsubscribed.
  const unsubscribed = await repo.listUnsubscribed(deps.db);
  const recipients = (await membersInGoodStanding(deps.db))
    .filter((m) => !unsubscribed.has(m.user_id))
    .map((m) => ({ id: m.user_id, email: m.email, name: m.name }));
  for (const person of recipients) {
    await inTransaction(deps.db, async (tx) => {
      if (!(await repo.claimDelivery(tx, issueId, person.id, iso(deps.clock.now())))) return;
      const link = `${deps.config.publicUrl}/newsletter/unsubscribe#token=${unsubscribeToken(deps.config.appSecret, person.id)}`;
      const emailId = await queueEmail(tx, deps, {
        to: person.email,
        toUserId: person.id,
        ...NEWSLETTER_EMAILS.issue(issue, {
          archive: `${deps.config.publicUrl}/newsletter`,
          unsubscribe: link,
        }),
      });
      await repo.setDeliveryEmail(tx, issueId, person.id, emailId);
      sent += 1;
    });
  }
  // Sign-ups from the public page confirmed when it was published, except addresses the members'
  // mailing reached.
  const members = new Set(recipients.map((r) => r.email.toLowerCase()));
  const published = issue.published_at ?? iso(deps.clock.now());
  for (const subscriber of await repo.listConfirmedSubscribers(deps.db, published)) {
    if (members.has(subscriber.email)) continue;
    await inTransaction(deps.db, async (tx) => {
      if (!(await repo.claimSubscriberDelivery(tx, issueId, subscriber.id, iso(deps.clock.now())))) return;
      const link = `${deps.config.publicUrl}/newsletter/unsubscribe#token=${subscriberUnsubscribeToken(deps.config.appSecret, subscriber.id)}`;
      await queueEmail(tx, deps, {
        to: subscriber.email,
        ...NEWSLETTER_EMAILS.issue(issue, {
          archive: `${deps.config.publicUrl}/newsletter`,
          unsubscribe: link,
        }),
      });
      sent += 1;
    });
  }
  return sent;
}

export const NEWSLETTER_JOBS = [
  defineJob({
    kind: NEWSLETTER_MAIL_JOB,
    payload: z.object({ issueId: z.string() }),
    run: (deps, { issueId }) => mailIssue(deps, issueId),
  }),
];

/** The unsubscribe link: works without signing in; the token names the person. */
export async function unsubscribeByToken(deps: Deps, token: string) {
  const subscriberId = readSubscriberToken(deps.config.appSecret, token);
  if (subscriberId) return unsubscribeSubscriber(deps, subscriberId);
  const userId = readToken(deps.config.appSecret, token);
  if (!userId || !(await findUser(deps.db, userId))) {
    throw new AppError(
      'TOKEN_INVALID',
      'This unsubscribe link is not valid. Sign in to change your newsletter choice.',
    );
  }
  await inTransaction(deps.db, async (tx) => {
    await repo.unsubscribe(tx, userId, iso(deps.clock.now()));
    await recordAudit(tx, {
      kind: 'newsletter.unsubscribed',
      at: deps.clock.now(),
      actorId: userId,
      subjectType: 'user',
      subjectId: userId,
      data: { via: 'link' },
    });
  });
  return { subscribed: false };
}

async function unsubscribeSubscriber(deps: Deps, subscriberId: string) {
  const subscriber = await repo.findSubscriber(deps.db, subscriberId);
  if (!subscriber) {
    throw new AppError(
      'TOKEN_INVALID',
      'This unsubscribe link is not valid. Sign up again on the newsletter page.',
    );
  }
  await inTransaction(deps.db, async (tx) => {
    const now = iso(deps.clock.now());
    await repo.updateSubscriber(tx, subscriberId, {
      status: 'unsubscribed',
      confirm_token_hash: null,
      unsubscribed_at: now,
    });
    await recordAudit(tx, {
      kind: 'newsletter.unsubscribed',
      at: deps.clock.now(),
      actorId: null,
      subjectType: 'newsletter_subscriber',
      subjectId: subscriberId,
      data: { via: 'link' },
    });
  });
  return { subscribed: false };
}

// The public page: the archive and sign-up with double opt-in.

/** Every published issue, for anyone. */
export async function listPublicIssues(deps: Deps) {
  return (await repo.listIssues(deps.db, false)).map((i) => ({
    id: i.id,
    title: i.title,
    issueLabel: i.issue_label,
    summary: i.summary,
    body: i.body,
    publishedAt: i.published_at ?? i.created_at,
  }));
}

/** How many sign-ups one network address, and one e-mail address, may ask for. */
export const SIGN_UP_LIMITS = { perAddressPerHour: 10, perEmailPerDay: 3 } as const;

/**
 * Sign-up from the public page: the address gets a link to confirm, and nothing else until it is
 * followed. The answer is the same whether the address was new, waiting or already confirmed, so
 * the form tells no one who reads The Communicator.
 */
export async function signUp(deps: Deps, input: { email: string; ip: string }) {
  const now = deps.clock.now();
  const message = `Thank you. We sent a link to ${input.email}: open it to start getting The Communicator.`;
  await inTransaction(deps.db, async (tx) => {
    await consumeQuota(
      tx,
      deps.clock,
      `newsletter:address:${input.ip}`,
      { limit: SIGN_UP_LIMITS.perAddressPerHour, windowMs: HOUR },
      (wait) =>
        `You have signed up ${SIGN_UP_LIMITS.perAddressPerHour} addresses this hour, the most we allow. Please try again ${inAbout(wait)}.`,
    );
    await consumeQuota(
      tx,
      deps.clock,
      `newsletter:email:${hashToken(input.email, deps.config.appSecret)}`,
      { limit: SIGN_UP_LIMITS.perEmailPerDay, windowMs: DAY },
      (wait) =>
        `We have already sent ${SIGN_UP_LIMITS.perEmailPerDay} links to that address today. Please look for them in your e-mail, or try again ${inAbout(wait)}.`,
    );
    const existing = await repo.findSubscriberByEmail(tx, input.email);
    if (existing?.status === 'confirmed') return;
    const token = newToken();
    const tokenHash = hashToken(token, deps.config.appSecret);
    const id = existing?.id ?? newId();
    if (existing) {
      await repo.updateSubscriber(tx, id, { status: 'pending', confirm_token_hash: tokenHash });
    } else {
      await repo.insertSubscriber(tx, {
        id,
        email: input.email,
        status: 'pending',
        confirm_token_hash: tokenHash,
        created_at: iso(now),
        confirmed_at: null,
        unsubscribed_at: null,
      });
    }
    await queueEmail(tx, deps, {
      to: input.email,
      ...NEWSLETTER_EMAILS.confirmSignUp(`${deps.config.publicUrl}/newsletter/confirm#token=${token}`),
    });
    await recordAudit(tx, {
      kind: 'newsletter.sign_up_requested',
      at: now,
      actorId: null,
      subjectType: 'newsletter_subscriber',
      subjectId: id,
    });
  });
  return { message };
}

/** The link from the sign-up e-mail: the address now gets each issue. The link works once. */
export async function confirmSignUp(deps: Deps, token: string) {
  const subscriber = await repo.findSubscriberByToken(deps.db, hashToken(token, deps.config.appSecret));
  if (subscriber?.status !== 'pending') {
    throw new AppError(
      'TOKEN_INVALID',
      'This confirmation link is not valid or was already used. Sign up again on the newsletter page.',
    );
  }
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await repo.updateSubscriber(tx, subscriber.id, {
      status: 'confirmed',
      confirm_token_hash: null,
      confirmed_at: iso(now),
      unsubscribed_at: null,
    });
    await recordAudit(tx, {
      kind: 'newsletter.sign_up_confirmed',
      at: now,
      actorId: null,
      subjectType: 'newsletter_subscriber',
      subjectId: subscriber.id,
    });
  });
  return { email: subscriber.email, subscribed: true as const };
}

export async function subscription(deps: Deps, actor: Actor | null) {
  requireActor(actor);
  return { subscribed: !(await repo.isUnsubscribed(deps.db, actor.userId)) };
}

export async function setSubscription(deps: Deps, actor: Actor | null, subscribed: boolean) {
  requireActor(actor);
  await inTransaction(deps.db, async (tx) => {
    if (subscribed) await repo.resubscribe(tx, actor.userId);
    else await repo.unsubscribe(tx, actor.userId, iso(deps.clock.now()));
    await recordAudit(tx, {
      kind: subscribed ? 'newsletter.subscribed' : 'newsletter.unsubscribed',
      at: deps.clock.now(),
      actorId: actor.userId,
      subjectType: 'user',
      subjectId: actor.userId,
      data: { via: 'account' },
    });
  });
  return { subscribed };
}

// For other areas

/** Removes what links a person to the newsletter (their account's deletion); how many rows went. */
export const forgetNewsletterOf = (db: Executor, userId: string) => repo.forgetReader(db, userId);
