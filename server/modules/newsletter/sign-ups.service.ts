import { SIGN_UP_STATUS_LABELS, type SignUpRow } from '../../../contracts/newsletter.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { keysetList, type PageQuery } from '../../http/page-query.ts';
import { addMs, DAY, HOUR, iso } from '../../infra/clock.ts';
import { hashToken, newToken } from '../../infra/crypto.ts';
import { csvDownload } from '../../infra/csv.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { consumeQuota, type Refusal, waitArgs } from '../access/throttle.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { NEWSLETTER_EMAILS } from './newsletter.emails.ts';
import * as repo from './newsletter.repository.ts';

// The Communicator's sign-ups from the public page, with double opt-in: the sign-up and its
// e-mailed link, confirming it, the daily removal of sign-ups never confirmed, and staff's list
// of them (searched, paged, CSV).

/** How many sign-ups one network address, and one e-mail address, may ask for. */
export const SIGN_UP_LIMITS = { perAddressPerHour: 10, perEmailPerDay: 3 } as const;

/** What a visitor past a limit reads, in the `errors` catalog: the count and the wait. */
const SIGN_UP_REFUSALS = {
  perAddress: (wait: number): Refusal => ({
    key: 'newsletter.signUpsPerAddress',
    args: { count: SIGN_UP_LIMITS.perAddressPerHour, ...waitArgs(wait) },
  }),
  perEmail: (wait: number): Refusal => ({
    key: 'newsletter.linksPerEmail',
    args: { count: SIGN_UP_LIMITS.perEmailPerDay, ...waitArgs(wait) },
  }),
};

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
      SIGN_UP_REFUSALS.perAddress,
    );
    await consumeQuota(
      tx,
      deps.clock,
      `newsletter:email:${hashToken(input.email, deps.config.appSecret)}`,
      { limit: SIGN_UP_LIMITS.perEmailPerDay, windowMs: DAY },
      SIGN_UP_REFUSALS.perEmail,
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

// Staff's list of sign-ups from the public page.

const signUps = keysetList(
  repo.listSignUpsPage,
  (r) => ({ value: r.created_at, id: r.id }),
  (r): SignUpRow => ({
    id: r.id,
    email: r.email,
    status: r.status,
    statusLabel: SIGN_UP_STATUS_LABELS[r.status],
    signedUpAt: r.created_at,
    confirmedAt: r.confirmed_at,
    unsubscribedAt: r.unsubscribed_at,
  }),
);

/** Sign-ups, newest first, searched by address and filtered by state and day, a page at a time. */
export async function listSignUps(deps: Deps, actor: Actor | null, q: PageQuery<repo.SignUpsFilter>) {
  authorize(actor, 'association:manage');
  return signUps.page(deps.db, q);
}

/** Every sign-up the search and filters find, as CSV: addresses, states and dates only. */
export async function signUpsCsv(deps: Deps, actor: Actor | null, q: repo.SignUpsFilter) {
  authorize(actor, 'association:manage');
  const day = (at: string | null) => (at ? formatMissouriDate(at) : '');
  return csvDownload(
    'newsletter-sign-ups',
    deps.clock.now(),
    ['E-mail', 'State', 'Signed up', 'Confirmed', 'Unsubscribed'],
    (await signUps.every(deps.db, q)).map((r) => [
      r.email,
      r.statusLabel,
      day(r.signedUpAt),
      day(r.confirmedAt),
      day(r.unsubscribedAt),
    ]),
  );
}

// For other areas

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
