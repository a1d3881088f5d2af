import { THROTTLE_WINDOW_MS, throttleDecision } from '../../../domain/sign-in-throttle.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestMeta } from '../../http/types.ts';
import { addMs, HOUR, iso, MINUTE } from '../../infra/clock.ts';
import { hashToken, newToken } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, loadGrants, needsMfaSetup } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './accounts.repository.ts';
import { acceptTotpCode } from './mfa.service.ts';
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

/**
 * Checks a password sign-in under the throttle. Every failure is counted; past the limit the
 * attempt is refused before the password is even checked, so guessing gains nothing.
 */
export async function signIn(
  deps: Deps,
  input: { email: string; password: string },
  meta: RequestMeta,
): Promise<{ token: string; mfaRequired: boolean; userId: string }> {
  const now = deps.clock.now();
  const since = iso(new Date(now.getTime() - THROTTLE_WINDOW_MS));
  const ip = meta.ip ?? 'unknown';
  const [account, address] = await Promise.all([
    repo.countFailures(deps.db, { email: input.email }, since),
    repo.countFailures(deps.db, { ip }, since),
  ]);
  const decision = throttleDecision({
    now,
    account: { failures: account.count, oldest: account.oldest },
    address: { failures: address.count, oldest: address.oldest },
  });
  if (!decision.allowed) {
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    throw new AppError(
      'SIGN_IN_THROTTLED',
      decision.scope === 'account'
        ? `Too many wrong passwords for this account in the last hour, so sign-in is paused for about ${minutes} minute${minutes === 1 ? '' : 's'} to keep it safe. You can reset your password by e-mail meanwhile.`
        : `Too many failed sign-ins from your network in the last hour. Please try again in about ${minutes} minutes.`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  }

  const user = await repo.findUserByEmail(deps.db, input.email);
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  const attempt = { id: newId(), email: input.email, ip, created_at: iso(now) };
  if (!user || !ok || user.disabled_at) {
    await inTransaction(deps.db, async (tx) => {
      await repo.insertAttempt(tx, { ...attempt, succeeded: 0 });
      if (user) {
        await recordAudit(tx, {
          kind: 'user.sign_in_failed',
          at: now,
          actorId: null,
          subjectType: 'user',
          subjectId: user.id,
          ip: meta.ip,
        });
      }
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
    await recordAudit(tx, {
      kind: 'user.signed_in',
      at: now,
      actorId: user.id,
      subjectType: 'user',
      subjectId: user.id,
      data: { mfaPending: mfaRequired },
      ip: meta.ip,
    });
  });
  return { token: session.token, mfaRequired, userId: user.id };
}

/** The second step of sign-in for a person with two-step sign-in turned on. */
export async function completeMfa(
  deps: Deps,
  input: { sessionId: string | null; code: string },
): Promise<void> {
  if (!input.sessionId) throw new AppError('UNAUTHENTICATED', 'Please sign in with your password first.');
  const now = deps.clock.now();
  const session = await repo.findLiveSession(deps.db, input.sessionId, iso(now));
  const user = session && (await repo.findUserById(deps.db, session.user_id));
  if (!session || !user?.totp_secret_enc)
    throw new AppError('UNAUTHENTICATED', 'Please sign in with your password first.');
  if (!(await acceptTotpCode(deps, { ...user, totp_secret_enc: user.totp_secret_enc }, input.code))) {
    throw new AppError(
      'UNAUTHENTICATED',
      'That code did not match. Codes change every 30 seconds; try the newest one.',
      {
        fields: { code: 'does not match' },
      },
    );
  }
  await repo.markSessionMfaVerified(deps.db, session.id);
}

export async function signOut(deps: Deps, actor: Actor | null, sessionId: string | null): Promise<void> {
  if (!sessionId) return;
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await repo.revokeSession(tx, sessionId, iso(now));
    if (actor) {
      await recordAudit(tx, {
        kind: 'user.signed_out',
        at: now,
        actorId: actor.userId,
        subjectType: 'user',
        subjectId: actor.userId,
        ip: actor.ip,
      });
    }
  });
}
