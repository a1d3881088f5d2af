import { inTransaction, type Tx } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestMeta } from '../../http/types.ts';
import { HOUR, iso } from '../../infra/clock.ts';
import { hashToken, newToken } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { recordAccountAudit } from './account-audit.ts';
import { limitLinkEmails, notifySecurityChange, sendFreshLink, spendToken } from './account-links.ts';
import * as repo from './accounts.repository.ts';
import { requireStrongPassword } from './password-strength.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { liftLock } from './sign-in.service.ts';

// A password's changes: the forgotten one reset by an e-mailed link (which also confirms the
// address and lifts an account lock), and a change by the signed-in person; both sign out the
// other devices and tell the person by e-mail.

const RESET_TTL = HOUR;

export async function requestPasswordReset(deps: Deps, email: string, meta: RequestMeta) {
  await limitLinkEmails(deps, 'reset', email, meta);
  // The same work whether or not the address has an account: a token is made, one transaction
  // writes it (or expires nothing) and an audit event, so the answer's time tells nothing.
  const user = await repo.findUserByEmail(deps.db, email);
  const known = user && !user.disabled_at ? user : null;
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    if (known) {
      await sendFreshLink(tx, deps, known, 'reset_password', RESET_TTL, now);
    } else {
      await repo.expireTokens(tx, '', 'reset_password', iso(now));
      hashToken(newToken(), deps.config.appSecret);
    }
    await recordAccountAudit(tx, 'user.password_reset_requested', {
      at: now,
      userId: known?.id ?? null,
      actorId: null,
      data: { account: known !== null },
      ip: meta.ip,
    });
  });
  return { message: 'If an account uses that address, we sent it a link to reset the password.' };
}

/** Sets a new password from a single-use link and signs out every other session. */
export async function resetPassword(
  deps: Deps,
  input: { token: string; password: string },
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  const passwordHash = await hashPassword(input.password);
  await inTransaction(deps.db, async (tx) => {
    const row = await spendToken(
      tx,
      deps,
      input.token,
      'reset_password',
      now,
      'This reset link has expired or was already used. Ask for a new one.',
    );
    // The link proved the person reads this inbox, so the address counts as confirmed too.
    const user = await repo.findUserById(tx, row.user_id);
    // Refusing here rolls the transaction back, so the link still works for a better password.
    if (user) requireStrongPassword('password', input.password, user);
    await repo.updateUser(tx, row.user_id, {
      password_hash: passwordHash,
      email_verified_at: user?.email_verified_at ?? iso(now),
      updated_at: iso(now),
    });
    // Proving the inbox lifts an account lock, as the unlock link would.
    if (user?.locked_at) await liftLock(tx, row.user_id, now);
    await afterNewPassword(tx, deps, 'password_reset', { userId: row.user_id, user, now, ip: meta.ip });
  });
  return { message: 'Your password is changed. Please sign in with the new one.' };
}

export async function changePassword(
  deps: Deps,
  actor: Actor | null,
  input: { currentPassword: string; newPassword: string },
) {
  requireActor(actor);
  const user = await repo.findUserById(deps.db, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', 'Your current password did not match.', {
      fields: { currentPassword: 'does not match' },
    });
  }
  requireStrongPassword('newPassword', input.newPassword, user);
  const now = deps.clock.now();
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(deps.db, async (tx) => {
    await repo.updateUser(tx, actor.userId, { password_hash: passwordHash, updated_at: iso(now) });
    await afterNewPassword(tx, deps, 'password_changed', {
      userId: actor.userId,
      user,
      now,
      ip: actor.ip,
      keepSessionId: actor.sessionId ?? undefined,
    });
  });
  return { message: 'Your password is changed. Other devices were signed out.' };
}

/**
 * What a new password does, reset or changed: the person's other sessions end (all of them
 * but `keepSessionId`), they are told by e-mail, and the audit trail records it.
 */
async function afterNewPassword(
  tx: Tx,
  deps: Deps,
  change: 'password_reset' | 'password_changed',
  input: {
    userId: string;
    user: { id: string; name: string; email: string } | undefined;
    now: Date;
    ip: string | null;
    keepSessionId?: string | undefined;
  },
) {
  await repo.revokeUserSessions(tx, input.userId, iso(input.now), input.keepSessionId);
  if (input.user) await notifySecurityChange(tx, deps, input.user, change);
  await recordAccountAudit(tx, `user.${change}`, {
    at: input.now,
    userId: input.userId,
    actorId: input.userId,
    ip: input.ip,
  });
}
