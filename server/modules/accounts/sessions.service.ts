import { inTransaction } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestMeta } from '../../http/types.ts';
import { addMs, DAY, HOUR, iso, MINUTE } from '../../infra/clock.ts';
import { hashToken, newToken, sha256Hex } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { defineJob } from '../../jobs/runner.ts';
import { type Actor, loadGrants, needsMfaSetup, requireActor } from '../access/access.service.ts';
import { recordAccountAudit } from './account-audit.ts';
import { notifySecurityChange } from './account-links.ts';
import * as repo from './accounts.repository.ts';

// Sessions: opening one (sign-in.service.ts decides when), the cookie turned into the acting
// person, signing out, the person's own signed-in devices, and how long ended sessions and
// sign-in attempts are kept.

/**
 * Server-side sessions: the browser holds a random token in an HttpOnly cookie and the database
 * holds only its keyed hash, with an idle expiry (renewed as the person works) and an absolute one.
 */
export async function createSession(
  deps: Deps,
  userId: string,
  meta: RequestMeta,
  options: { mfaVerified: boolean },
): Promise<{ token: string; sessionId: string }> {
  const token = newToken();
  const now = deps.clock.now();
  const sessionId = hashToken(token, deps.config.appSecret);
  await repo.insertSession(deps.db, {
    id: sessionId,
    user_id: userId,
    created_at: iso(now),
    last_seen_at: iso(now),
    idle_expires_at: iso(addMs(now, deps.config.sessionIdleMinutes * MINUTE)),
    absolute_expires_at: iso(addMs(now, deps.config.sessionAbsoluteHours * HOUR)),
    mfa_verified: options.mfaVerified ? 1 : 0,
    ip: meta.ip,
    user_agent: meta.userAgent?.slice(0, 400) ?? null,
    revoked_at: null,
  });
  return { token, sessionId };
}

export type ResolvedSession =
  | { kind: 'none' }
  | { kind: 'pending-mfa'; sessionId: string }
  | { kind: 'active'; actor: Actor };

/** Turns a session cookie into the acting person, renewing the idle expiry at most once a minute. */
export async function resolveSession(
  deps: Deps,
  token: string | undefined,
  meta: RequestMeta,
): Promise<ResolvedSession> {
  if (!token || token.length > 200) return { kind: 'none' };
  const now = deps.clock.now();
  const sessionId = hashToken(token, deps.config.appSecret);
  const session = await repo.findLiveSession(deps.db, sessionId, iso(now));
  if (!session) return { kind: 'none' };
  const user = await repo.findUserById(deps.db, session.user_id);
  if (!user || user.disabled_at) return { kind: 'none' };
  const hasMfa = user.totp_enabled_at !== null;
  if (hasMfa && !session.mfa_verified) return { kind: 'pending-mfa', sessionId };
  if (now.getTime() - new Date(session.last_seen_at).getTime() > MINUTE) {
    const idle = addMs(now, deps.config.sessionIdleMinutes * MINUTE);
    await repo.touchSession(deps.db, sessionId, iso(now), iso(idle));
  }
  const grants = await loadGrants(deps.db, user.id);
  return {
    kind: 'active',
    actor: {
      userId: user.id,
      email: user.email,
      name: user.name,
      grants,
      mfaSetupRequired: await needsMfaSetup(deps.db, grants, hasMfa),
      hasMfa,
      ip: meta.ip,
      userAgent: meta.userAgent,
      sessionId,
    },
  };
}

export async function signOut(deps: Deps, actor: Actor | null, sessionId: string | null): Promise<void> {
  if (!sessionId) return;
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await repo.revokeSession(tx, sessionId, iso(now));
    if (actor) {
      await recordAccountAudit(tx, 'user.signed_out', {
        at: now,
        userId: actor.userId,
        actorId: actor.userId,
        ip: actor.ip,
      });
    }
  });
}

// The person's own sessions: the devices signed in to their account -----------------------------

/** A session's id as the account page shows it: derived, so it cannot be replayed as a cookie. */
const publicSessionId = (sessionId: string) => sha256Hex(`session:${sessionId}`).slice(0, 24);

/** A browser's user-agent text as a person would name it: "Firefox on Windows". */
export function describeBrowser(userAgent: string | null): string {
  if (!userAgent) return 'An unknown browser';
  const browser =
    [
      [/Edg\//, 'Edge'],
      [/OPR\/|Opera/, 'Opera'],
      [/Firefox\//, 'Firefox'],
      [/Chrome\/|CriOS\//, 'Chrome'],
      [/Safari\//, 'Safari'],
    ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] ?? 'A browser';
  const system =
    [
      [/iPhone|iPad|iOS/, 'iOS'],
      [/Android/, 'Android'],
      [/Windows/, 'Windows'],
      [/Mac OS X|Macintosh/, 'macOS'],
      [/CrOS/, 'ChromeOS'],
      [/Linux/, 'Linux'],
    ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] ?? null;
  return system ? `${browser} on ${system}` : String(browser);
}

export async function listMySessions(deps: Deps, actor: Actor | null) {
  requireActor(actor);
  const rows = await repo.listLiveSessions(deps.db, actor.userId, iso(deps.clock.now()));
  return {
    sessions: rows.map((row) => ({
      id: publicSessionId(row.id),
      signedInAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      ip: row.ip,
      browser: describeBrowser(row.user_agent),
      current: row.id === actor.sessionId,
    })),
  };
}

/** Signs out one of the person's other devices. */
export async function signOutSession(deps: Deps, actor: Actor | null, publicId: string) {
  requireActor(actor);
  const now = deps.clock.now();
  const rows = await repo.listLiveSessions(deps.db, actor.userId, iso(now));
  const row = rows.find((r) => publicSessionId(r.id) === publicId);
  if (!row) throw notFound('That signed-in device');
  if (row.id === actor.sessionId)
    throw new AppError('CONFLICT', 'This is the device you are using: sign out from the menu instead.');
  await inTransaction(deps.db, async (tx) => {
    await repo.revokeUserSession(tx, actor.userId, row.id, iso(now));
    await recordAccountAudit(tx, 'user.sessions_revoked', {
      at: now,
      userId: actor.userId,
      actorId: actor.userId,
      data: { count: 1 },
      ip: actor.ip,
    });
  });
}

/** "Sign out everywhere else": every session but this one ends, pending sign-ins included. */
export async function signOutOtherSessions(deps: Deps, actor: Actor | null) {
  requireActor(actor);
  const now = deps.clock.now();
  const count = (await repo.listLiveSessions(deps.db, actor.userId, iso(now))).filter(
    (r) => r.id !== actor.sessionId,
  ).length;
  await inTransaction(deps.db, async (tx) => {
    await repo.revokeUserSessions(tx, actor.userId, iso(now), actor.sessionId ?? undefined);
    await recordAccountAudit(tx, 'user.sessions_revoked', {
      at: now,
      userId: actor.userId,
      actorId: actor.userId,
      data: { count },
      ip: actor.ip,
    });
    const user = await repo.findUserById(tx, actor.userId);
    if (user && count > 0) await notifySecurityChange(tx, deps, user, 'other_sessions_signed_out');
  });
  return {
    message:
      count === 0
        ? 'No other device was signed in.'
        : `Signed out ${count} other device${count === 1 ? '' : 's'}.`,
  };
}

// Retention ---------------------------------------------------------------------------------

/** Ended sessions and old sign-in attempts are kept this long (for a person's questions, then gone). */
export const SIGN_IN_RECORDS_KEPT_DAYS = 30;

/** Deletes sessions that ended, and sign-in attempts made, more than SIGN_IN_RECORDS_KEPT_DAYS ago. */
export async function purgeSignInRecords(deps: Pick<Deps, 'db' | 'clock'>) {
  const before = iso(new Date(deps.clock.now().getTime() - SIGN_IN_RECORDS_KEPT_DAYS * DAY));
  return {
    sessions: await repo.deleteEndedSessions(deps.db, before),
    signInAttempts: await repo.deleteAttemptsBefore(deps.db, before),
  };
}

export const ACCOUNTS_JOBS = [
  defineJob({
    kind: 'accounts.retention',
    everyMs: DAY,
    async run(deps) {
      deps.log.info(await purgeSignInRecords(deps), 'old sessions and sign-in attempts purged');
    },
  }),
];
