import { createHmac } from 'node:crypto';
import { z } from 'zod';
import {
  type IssuePatch,
  type NewsletterIssue,
  SIGN_UP_STATUS_LABELS,
  type SignUpRow,
} from '../../../contracts/newsletter.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { can } from '../../../domain/roles.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { everyPage, pageFor } from '../../http/keyset.ts';
import { addMs, DAY, HOUR, iso } from '../../infra/clock.ts';
import { hashToken, newToken, safeEqual } from '../../infra/crypto.ts';
import { csvDownload } from '../../infra/csv.ts';
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

export const NEWSLETTER_PURGE_JOB = 'newsletter.purge_unconfirmed';

/** Removes sign-ups whose confirmation link expired unused; the audit trail keeps the count only. */
export async function purgeUnconfirmed(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const before = iso(addMs(now, -CONFIRM_LINK_DAYS * DAY));
  return inTransaction(deps.db, async (tx) => {
    const removed = await repo.deleteUnconfirmedBefore(tx, before);
    if (removed > 0) {
      await recordAudit(tx, {
        kind: 'newsletter.unconfirmed_purged',
        at: now,
        actorId: null,
        subjectType: 'newsletter_subscriber',
        subjectId: 'unconfirmed',
        data: { removed, linksSentBefore: before },
      });
    }
    return removed;
  });
}

export const NEWSLETTER_JOBS = [
  defineJob({
    kind: NEWSLETTER_MAIL_JOB,
    payload: z.object({ issueId: z.string() }),
    run: (deps, { issueId }) => mailIssue(deps, issueId),
  }),
  defineJob({
    kind: NEWSLETTER_PURGE_JOB,
    everyMs: DAY,
    async run(deps) {
      deps.log.info({ removed: await purgeUnconfirmed(deps) }, 'unconfirmed newsletter sign-ups purged');
    },
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
export async function signUp(deps: Deps, input: { email: string; ip: string; language?: Language }) {
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
      await repo.updateSubscriber(tx, id, {
        status: 'pending',
        confirm_token_hash: tokenHash,
        confirm_sent_at: iso(now),
      });
    } else {
      await repo.insertSubscriber(tx, {
        id,
        email: input.email,
        status: 'pending',
        confirm_token_hash: tokenHash,
        created_at: iso(now),
        confirmed_at: null,
        unsubscribed_at: null,
        confirm_sent_at: iso(now),
      });
    }
    await queueEmail(tx, deps, {
      to: input.email,
      ...NEWSLETTER_EMAILS.confirmSignUp(
        `${deps.config.publicUrl}/newsletter/confirm#token=${token}`,
        input.language ?? DEFAULT_LANGUAGE,
      ),
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

/**
 * How long a confirmation link works. A sign-up never confirmed is removed by the daily
 * NEWSLETTER_PURGE_JOB once its link has expired: Parley keeps no address that did not ask twice.
 */
export const CONFIRM_LINK_DAYS = 7;

/** When a waiting sign-up's link stops working (rows from before the column count from the sign-up). */
const linkExpiresAt = (s: { confirm_sent_at: string | null; created_at: string }) =>
  addMs(new Date(s.confirm_sent_at ?? s.created_at), CONFIRM_LINK_DAYS * DAY);

/** The link from the sign-up e-mail: the address now gets each issue. The link works once, for a week. */
export async function confirmSignUp(deps: Deps, token: string) {
  const subscriber = await repo.findSubscriberByToken(deps.db, hashToken(token, deps.config.appSecret));
  if (subscriber?.status !== 'pending') {
    throw new AppError(
      'TOKEN_INVALID',
      'This confirmation link is not valid or was already used. Sign up again and we will send you a new one.',
    );
  }
  const now = deps.clock.now();
  if (linkExpiresAt(subscriber) <= now) {
    throw new AppError(
      'TOKEN_INVALID',
      `This confirmation link has expired: a link works for ${CONFIRM_LINK_DAYS} days. Sign up again and we will send you a new one.`,
    );
  }
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

/**
 * Removes what links a person to the newsletter (their account's deletion): their deliveries and
 * choice, and the sign-up from the public page under their account's address. How many rows went.
 */
export const forgetNewsletterOf = async (db: Executor, userId: string, email: string) =>
  (await repo.forgetReader(db, userId)) + (await repo.deleteSubscriberByEmail(db, email.toLowerCase()));

/** A person's sign-up from the public page, matched by their account's address (their data export). */
export async function newsletterSignUpOf(db: Executor, email: string) {
  const s = await repo.findSubscriberByEmail(db, email.toLowerCase());
  return s
    ? {
        email: s.email,
        status: s.status,
        signedUpAt: s.created_at,
        linkSentAt: s.confirm_sent_at,
        confirmedAt: s.confirmed_at,
        unsubscribedAt: s.unsubscribed_at,
      }
    : null;
}

// Staff's list of sign-ups from the public page.

type SignUpsQuery = repo.SignUpsFilter & { after?: string | undefined; limit: number };
type SignUpRowDb = Awaited<ReturnType<typeof repo.listSignUpsPage>>[number];
const signUpKey = (r: SignUpRowDb) => ({ value: r.created_at, id: r.id });
const presentSignUp = (r: SignUpRowDb): SignUpRow => ({
  id: r.id,
  email: r.email,
  status: r.status,
  statusLabel: SIGN_UP_STATUS_LABELS[r.status],
  signedUpAt: r.created_at,
  confirmedAt: r.confirmed_at,
  unsubscribedAt: r.unsubscribed_at,
});

/** Sign-ups, newest first, searched by address and filtered by state and day, a page at a time. */
export async function listSignUps(deps: Deps, actor: Actor | null, q: SignUpsQuery) {
  authorize(actor, 'association:manage');
  return pageFor(
    q,
    (after, limit) => repo.listSignUpsPage(deps.db, q, after, limit),
    signUpKey,
    presentSignUp,
  );
}

/** Every sign-up the search and filters find, as CSV: addresses, states and dates only. */
export async function signUpsCsv(deps: Deps, actor: Actor | null, q: SignUpsQuery) {
  authorize(actor, 'association:manage');
  const rows = await everyPage((after, limit) => repo.listSignUpsPage(deps.db, q, after, limit), signUpKey);
  const day = (at: string | null) => (at ? formatMissouriDate(at) : '');
  return csvDownload(
    'newsletter-sign-ups',
    deps.clock.now(),
    ['E-mail', 'State', 'Signed up', 'Confirmed', 'Unsubscribed'],
    rows
      .map(presentSignUp)
      .map((r) => [r.email, r.statusLabel, day(r.signedUpAt), day(r.confirmedAt), day(r.unsubscribedAt)]),
  );
}
