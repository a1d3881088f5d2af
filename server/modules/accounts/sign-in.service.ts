import { DEFAULT_LANGUAGE } from '../../../domain/languages.ts';
import {
  locksAccount,
  MFA_ATTEMPTS_PER_SIGN_IN,
  MFA_FAILURES_PER_ACCOUNT,
  THROTTLE_WINDOW_MS,
  throttleDecision,
} from '../../../domain/sign-in-throttle.ts';
import { translator } from '../../../i18n/i18n.ts';
import { inTransaction, type Tx } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestMeta } from '../../http/types.ts';
import { DAY, iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { waitArgs } from '../access/throttle.service.ts';
import { recordAccountAudit } from './account-audit.ts';
import { notifySecurityChange, sendFreshLink, spendToken } from './account-links.ts';
import * as repo from './accounts.repository.ts';
import { acceptTotpCode, spendRecoveryCode } from './mfa.service.ts';
import { verifyPassword } from './passwords.ts';
import { createSession } from './sessions.service.ts';

// Signing in: the password under the sign-in throttle, the account lock and its e-mailed unlock
// link, and the second step (a code from the app or a recovery code). The session it opens, and
// the person's devices, are sessions.service.ts's.

const WRONG_CREDENTIALS = 'That e-mail address and password do not match. Check both and try again.';
const UNLOCK_TTL = DAY;
const UNLOCK_LINK_SPENT =
  'This unlock link has expired or was already used. Choose a new password with "I forgot my password" to unlock your account.';

/**
 * A sign-in refused for a while, in the `errors` catalog's words (English here, the page's language
 * on the way out), the wait worded as every other limit's (waitArgs; the window is an hour).
 */
const throttled = (key: string, seconds: number) => {
  const args = waitArgs(seconds);
  return new AppError('SIGN_IN_THROTTLED', translator(DEFAULT_LANGUAGE, 'errors')(key, args), {
    retryAfterSeconds: seconds,
    key,
    args,
  });
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
    throw throttled(
      decision.scope === 'pair' ? 'accounts.throttledPair' : 'accounts.throttledAddress',
      decision.retryAfterSeconds,
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
  await sendFreshLink(tx, deps, user, 'unlock_account', UNLOCK_TTL, now);
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
    const row = await spendToken(tx, deps, token, 'unlock_account', now, UNLOCK_LINK_SPENT);
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
    throw throttled('accounts.codesPaused', seconds);
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
