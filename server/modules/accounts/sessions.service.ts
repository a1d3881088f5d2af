import { languageOr } from '../../../domain/languages.ts';
import {
  locksAccount,
  MFA_ATTEMPTS_PER_SIGN_IN,
  MFA_FAILURES_PER_ACCOUNT,
  THROTTLE_WINDOW_MS,
  throttleDecision,
} from '../../../domain/sign-in-throttle.ts';
import { inTransaction, type Tx } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestMeta } from '../../http/types.ts';
import { addMs, DAY, HOUR, iso, MINUTE } from '../../infra/clock.ts';
import { hashToken, newToken, sha256Hex } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { defineJob } from '../../jobs/runner.ts';
import { type Actor, loadGrants, needsMfaSetup, requireActor } from '../access/access.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { recordAccountAudit } from './account-audit.ts';
import { issueToken, linkTo, notifySecurityChange } from './account-links.ts';
import { ACCOUNT_EMAILS } from './accounts.emails.ts';
import * as repo from './accounts.repository.ts';
import { acceptTotpCode, spendRecoveryCode } from './mfa.service.ts';
import { verifyPassword } from './passwords.ts';

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

const WRONG_CREDENTIALS = 'That e-mail address and password do not match. Check both and try again.';
const UNLOCK_TTL = DAY;
/** A wait as the catalog's arguments: seconds under a minute, else minutes. */
const waitArgs = (seconds: number) =>
  seconds < 60 ? { unit: 'seconds', n: seconds } : { unit: 'minutes', n: Math.ceil(seconds / 60) };
const minutesText = (seconds: number) => {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
};

/**
 * Checks a password sign-in under the throttle (domain/sign-in-throttle.ts): growing delays for
 * one account from one address, a high limit per address, and an account-wide lock after many
 * failures from many addresses, which the owner lifts with an e-mailed link or a password reset.
 * Past a limit the attempt is refused before the password is even checked, so guessing gains nothing.
 */
export async function signIn(
  deps: Deps,
  input: { email: string; password: string },
  meta: RequestMeta,
): Promise<{ token: string; mfaRequired: boolean; userId: string }> {
  const now = deps.clock.now();
  const since = iso(new Date(now.getTime() - THROTTLE_WINDOW_MS));
  const ip = meta.ip ?? 'unknown';
  const user = await repo.findUserByEmail(deps.db, input.email);
  if (user?.locked_at) {
    throw new AppError(
      'ACCOUNT_LOCKED',
      'This account is locked because of many wrong passwords from several places. We e-mailed its owner a link to unlock it; choosing a new password with "I forgot my password" unlocks it too.',
      { fields: { email: 'is locked' } },
    );
  }
  const [pair, address] = await Promise.all([
    repo.countStepFailures(deps.db, { email: input.email, ip, step: 'password' }, since),
    repo.countStepFailures(deps.db, { ip, step: 'password' }, since),
  ]);
  const decision = throttleDecision({ now, pair, address, addressLimit: deps.config.signInAddressLimit });
  if (!decision.allowed) {
    const wait = minutesText(decision.retryAfterSeconds);
    throw new AppError(
      'SIGN_IN_THROTTLED',
      decision.scope === 'pair'
        ? `Too many wrong passwords for this account from your network, so the next try must wait about ${wait}. You can reset your password by e-mail meanwhile.`
        : `Too many failed sign-ins from your network in the last hour. Please try again in about ${wait}.`,
      {
        retryAfterSeconds: decision.retryAfterSeconds,
        key: decision.scope === 'pair' ? 'accounts.throttledPair' : 'accounts.throttledAddress',
        args: waitArgs(decision.retryAfterSeconds),
      },
    );
  }

  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  const attempt = { id: newId(), email: input.email, ip, step: 'password' as const, created_at: iso(now) };
  if (!user || !ok || user.disabled_at) {
    await inTransaction(deps.db, async (tx) => {
      await repo.insertAttempt(tx, { ...attempt, succeeded: 0 });
      if (!user) return;
      await recordAccountAudit(tx, 'user.sign_in_failed', {
        at: now,
        userId: user.id,
        actorId: null,
        ip: meta.ip,
      });
      await lockIfAttacked(tx, deps, user, since, now);
    });
    throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS, {
      fields: { password: 'does not match this e-mail address' },
    });
  }
  if (!user.email_verified_at) {
    throw new AppError(
      'FORBIDDEN',
      'Please confirm your e-mail address first: open the link we sent you. You can ask for a new link below.',
      { fields: { email: 'is not confirmed yet' } },
    );
  }
  const mfaRequired = user.totp_enabled_at !== null;
  const session = await createSession(deps, user.id, meta, { mfaVerified: !mfaRequired });
  await inTransaction(deps.db, async (tx) => {
    await repo.insertAttempt(tx, { ...attempt, succeeded: 1 });
    await recordAccountAudit(tx, 'user.signed_in', {
      at: now,
      userId: user.id,
      actorId: user.id,
      data: { mfaPending: mfaRequired },
      ip: meta.ip,
    });
  });
  return { token: session.token, mfaRequired, userId: user.id };
}

/**
 * Locks the account once failures from every address in the hour (since the last unlock) reach
 * the limit, and e-mails the owner the link that lifts it.
 */
async function lockIfAttacked(tx: Tx, deps: Deps, user: repo.UserRow, since: string, now: Date) {
  const from = user.unlocked_at && user.unlocked_at > since ? user.unlocked_at : since;
  const account = await repo.countStepFailures(tx, { email: user.email, step: 'password' }, from);
  if (!locksAccount(account.failures)) return;
  await repo.updateUser(tx, user.id, { locked_at: iso(now), updated_at: iso(now) });
  await repo.expireTokens(tx, user.id, 'unlock_account', iso(now));
  const token = await issueToken(tx, deps, user.id, 'unlock_account', UNLOCK_TTL);
  await queueEmail(tx, deps, {
    to: user.email,
    toUserId: user.id,
    ...ACCOUNT_EMAILS.accountLocked(
      user.name,
      linkTo(deps, '/unlock-account', token),
      languageOr(user.language),
    ),
  });
  await recordAccountAudit(tx, 'user.locked', {
    at: now,
    userId: user.id,
    actorId: null,
    data: { failures: account.failures },
  });
}

/** Lifts an account lock from the e-mailed link. */
export async function unlockAccount(deps: Deps, token: string, meta: RequestMeta) {
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const row = await repo.consumeToken(
      tx,
      hashToken(token, deps.config.appSecret),
      'unlock_account',
      iso(now),
    );
    if (!row)
      throw new AppError(
        'TOKEN_INVALID',
        'This unlock link has expired or was already used. Choose a new password with "I forgot my password" to unlock your account.',
      );
    await liftLock(tx, row.user_id, now);
    await recordAccountAudit(tx, 'user.unlocked', {
      at: now,
      userId: row.user_id,
      actorId: row.user_id,
      data: { by: 'link' },
      ip: meta.ip,
    });
  });
  return { message: 'Your account is unlocked. You can sign in now.' };
}

/** Ends a lock (a completed reset does this too); failures before now no longer count towards one. */
export async function liftLock(tx: Tx, userId: string, now: Date) {
  await repo.updateUser(tx, userId, { locked_at: null, unlocked_at: iso(now), updated_at: iso(now) });
}

const CODE_MISMATCH = 'That code did not match. Codes change every 30 seconds; try the newest one.';

/**
 * The second step of sign-in for a person with two-step sign-in turned on: a code from their app
 * or one of their recovery codes. A pending sign-in takes MFA_ATTEMPTS_PER_SIGN_IN wrong codes
 * (the last one ends it), and an account takes MFA_FAILURES_PER_ACCOUNT an hour across sign-ins.
 */
export async function completeMfa(
  deps: Deps,
  input: { sessionId: string | null; code: string },
  meta: RequestMeta,
): Promise<void> {
  if (!input.sessionId) throw new AppError('UNAUTHENTICATED', 'Please sign in with your password first.');
  const now = deps.clock.now();
  const session = await repo.findLiveSession(deps.db, input.sessionId, iso(now));
  const user = session && (await repo.findUserById(deps.db, session.user_id));
  if (!session || !user?.totp_secret_enc)
    throw new AppError('UNAUTHENTICATED', 'Please sign in with your password first.');
  const since = iso(new Date(now.getTime() - THROTTLE_WINDOW_MS));
  const account = await repo.countStepFailures(deps.db, { email: user.email, step: 'second_factor' }, since);
  if (account.failures >= MFA_FAILURES_PER_ACCOUNT) {
    const retryAt = new Date(new Date(account.oldest ?? iso(now)).getTime() + THROTTLE_WINDOW_MS);
    const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
    throw new AppError(
      'SIGN_IN_THROTTLED',
      `Too many wrong codes for this account in the last hour, so codes are paused for about ${minutesText(seconds)} to keep it safe.`,
      { retryAfterSeconds: seconds, key: 'accounts.codesPaused', args: waitArgs(seconds) },
    );
  }

  const code = input.code.trim();
  const isAppCode = /^\d{6}$/.test(code);
  const accepted = isAppCode
    ? await acceptTotpCode(deps, { ...user, totp_secret_enc: user.totp_secret_enc }, code)
    : await spendRecoveryCode(deps, user.id, code, now);
  const attempt = {
    id: newId(),
    email: user.email,
    ip: meta.ip ?? 'unknown',
    step: 'second_factor' as const,
  };
  if (!accepted) {
    const ended = await inTransaction(deps.db, async (tx) => {
      await repo.insertAttempt(tx, { ...attempt, succeeded: 0, created_at: iso(now) });
      const failures = await repo.addMfaFailure(tx, session.id);
      if (failures < MFA_ATTEMPTS_PER_SIGN_IN) return false;
      await repo.revokeSession(tx, session.id, iso(now));
      await recordAccountAudit(tx, 'user.mfa_sign_in_ended', {
        at: now,
        userId: user.id,
        actorId: null,
        data: { failures },
        ip: meta.ip,
      });
      return true;
    });
    if (ended)
      throw new AppError(
        'UNAUTHENTICATED',
        `That was the ${MFA_ATTEMPTS_PER_SIGN_IN}th wrong code, so this sign-in has ended. Sign in with your password again.`,
        { fields: { code: 'does not match; sign in again' } },
      );
    throw new AppError(
      'UNAUTHENTICATED',
      isAppCode ? CODE_MISMATCH : 'That recovery code did not match, or it was used already.',
      {
        fields: { code: 'does not match' },
      },
    );
  }
  await inTransaction(deps.db, async (tx) => {
    await repo.insertAttempt(tx, { ...attempt, succeeded: 1, created_at: iso(now) });
    await repo.markSessionMfaVerified(tx, session.id);
    if (isAppCode) return;
    const left = await repo.countUnusedRecoveryCodes(tx, user.id);
    await recordAccountAudit(tx, 'user.recovery_code_used', {
      at: now,
      userId: user.id,
      actorId: user.id,
      data: { left },
      ip: meta.ip,
    });
    await notifySecurityChange(tx, deps, user, 'recovery_code_used', left);
  });
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
