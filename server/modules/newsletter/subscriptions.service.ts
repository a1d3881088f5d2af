import { createHmac } from 'node:crypto';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import { safeEqual } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './newsletter.repository.ts';

// Who gets The Communicator: a member's choice on their account, and the unsubscribe link in each
// issue, for members and sign-ups from the public page alike, which works without signing in.

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
