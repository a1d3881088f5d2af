import { inTransaction } from '../../db/database.ts';
import { notFound } from '../../http/errors.ts';
import { buildCalendar } from '../../infra/calendar.ts';
import { HOUR, iso } from '../../infra/clock.ts';
import { hashToken, newToken } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { consumeQuota } from '../access/throttle.service.ts';
import { languageOfRecipient } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { sessionsSeenBy } from './calendar.service.ts';
import { calendarEvent } from './sessions.notify.ts';
import * as repo from './sessions.repository.ts';

/**
 * A private calendar feed per person: a secret URL their calendar app polls. Only the token's
 * keyed hash is stored; making a new link revokes the old one, and the person can revoke it.
 * The token is a 43-character URL-safe segment, which the request log redacts.
 */
const feedUrl = (deps: Deps, token: string) =>
  `${deps.config.publicUrl.replace(/\/$/, '')}/api/v1/calendar-feeds/${token}`;

export async function getFeed(deps: Deps, actor: Actor | null) {
  requireActor(actor);
  const row = await repo.findLiveFeedOf(deps.db, actor.userId);
  return { active: Boolean(row), createdAt: row?.created_at ?? null };
}

export async function createFeed(deps: Deps, actor: Actor | null) {
  requireActor(actor);
  await consumeQuota(deps.db, deps.clock, `calendar-feed:${actor.userId}`, { limit: 10, windowMs: HOUR });
  const token = newToken();
  await inTransaction(deps.db, async (tx) => {
    const now = iso(deps.clock.now());
    await repo.revokeFeedsOf(tx, actor.userId, now);
    const id = newId();
    await repo.insertFeed(tx, {
      id,
      user_id: actor.userId,
      token_hash: hashToken(token, deps.config.appSecret),
      created_at: now,
    });
    await recordAudit(tx, {
      kind: 'calendar_feed.created',
      at: deps.clock.now(),
      actorId: actor.userId,
      subjectType: 'calendar_feed',
      subjectId: id,
      data: {},
    });
  });
  return { url: feedUrl(deps, token) };
}

export async function revokeFeed(deps: Deps, actor: Actor | null) {
  requireActor(actor);
  await inTransaction(deps.db, async (tx) => {
    await repo.revokeFeedsOf(tx, actor.userId, iso(deps.clock.now()));
    await recordAudit(tx, {
      kind: 'calendar_feed.revoked',
      at: deps.clock.now(),
      actorId: actor.userId,
      subjectType: 'calendar_feed',
      subjectId: null,
      data: {},
    });
  });
  return { active: false as const };
}

/** The feed's text: the sessions of every case the person attends or mediates. */
export async function feedCalendar(deps: Deps, token: string) {
  const feed = await repo.findLiveFeedByHash(deps.db, hashToken(token, deps.config.appSecret));
  if (!feed) throw notFound('That calendar');
  const userId = feed.user_id;
  const { sessions, titleOf } = await sessionsSeenBy(deps.db, userId, (caseIds) =>
    repo.listUpcomingFor(deps.db, userId, caseIds),
  );
  // The feed's events read in its owner's language.
  const language = await languageOfRecipient(deps.db, { userId });
  return buildCalendar(
    sessions.map((s) => calendarEvent(s, titleOf(s.case_id), deps.config.publicUrl, language)),
    { method: 'PUBLISH', name: 'Parley mediation sessions' },
  );
}
