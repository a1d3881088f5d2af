import { inTransaction } from '../../db/database.ts';
import { notFound } from '../../http/errors.ts';
import { buildCalendar } from '../../infra/calendar.ts';
import { HOUR, iso } from '../../infra/clock.ts';
import { hashToken, newToken } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { consumeQuota } from '../access/throttle.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { calendarEvent } from './sessions.notify.ts';

/**
 * A private calendar feed per person: a secret URL their calendar app polls. Only the token's
 * keyed hash is stored; making a new link revokes the old one, and the person can revoke it.
 * The token is a 43-character URL-safe segment, which the request log redacts.
 */
const feedUrl = (deps: Deps, token: string) =>
  `${deps.config.publicUrl.replace(/\/$/, '')}/api/v1/calendar-feeds/${token}`;

export async function getFeed(deps: Deps, actor: Actor | null) {
  requireActor(actor);
  const row = await deps.db
    .selectFrom('calendar_feeds')
    .select(['created_at'])
    .where('user_id', '=', actor.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return { active: Boolean(row), createdAt: row?.created_at ?? null };
}

export async function createFeed(deps: Deps, actor: Actor | null) {
  requireActor(actor);
  await consumeQuota(deps.db, deps.clock, `calendar-feed:${actor.userId}`, { limit: 10, windowMs: HOUR });
  const token = newToken();
  await inTransaction(deps.db, async (tx) => {
    const now = iso(deps.clock.now());
    await tx
      .updateTable('calendar_feeds')
      .set({ revoked_at: now })
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .execute();
    const id = newId();
    await tx
      .insertInto('calendar_feeds')
      .values({
        id,
        user_id: actor.userId,
        token_hash: hashToken(token, deps.config.appSecret),
        created_at: now,
        revoked_at: null,
      })
      .execute();
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
    await tx
      .updateTable('calendar_feeds')
      .set({ revoked_at: iso(deps.clock.now()) })
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .execute();
    await recordAudit(tx, {
      kind: 'calendar_feed.revoked',
      at: deps.clock.now(),
      actorId: actor.userId,
      subjectType: 'calendar_feed',
      subjectId: null,
      data: {},
    });
  });
  return { active: false };
}

/** The feed's text: the sessions of every case the person attends or mediates. */
export async function feedCalendar(deps: Deps, token: string) {
  const feed = await deps.db
    .selectFrom('calendar_feeds')
    .select(['user_id'])
    .where('token_hash', '=', hashToken(token, deps.config.appSecret))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!feed) throw notFound('That calendar');
  const userId = feed.user_id;
  const mine = await deps.db
    .selectFrom('case_participants')
    .select(['id', 'case_id'])
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .execute();
  const participantIds = new Set(mine.map((p) => p.id));
  const coCases = (
    await deps.db.selectFrom('case_co_mediators').select('case_id').where('user_id', '=', userId).execute()
  ).map((r) => r.case_id);
  const caseIds = [...new Set([...mine.map((p) => p.case_id), ...coCases])];
  const rows = await deps.db
    .selectFrom('case_sessions')
    .innerJoin('cases', 'cases.id', 'case_sessions.case_id')
    .selectAll('case_sessions')
    .select('cases.reference')
    .where((eb) =>
      eb.or([
        eb('case_sessions.mediator_id', '=', userId),
        ...(caseIds.length ? [eb('case_sessions.case_id', 'in', caseIds)] : []),
      ]),
    )
    .where('case_sessions.status', '!=', 'held')
    .orderBy('case_sessions.starts_at')
    .execute();
  const visible = rows.filter(
    (s) =>
      s.mediator_id === userId ||
      coCases.includes(s.case_id) ||
      (JSON.parse(s.attendees) as string[]).some((id) => participantIds.has(id)),
  );
  return buildCalendar(
    visible.map((s) => calendarEvent(s, { reference: s.reference }, deps.config.publicUrl)),
    { method: 'PUBLISH', name: 'Parley mediation sessions' },
  );
}
