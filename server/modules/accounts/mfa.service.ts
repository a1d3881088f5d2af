import { randomInt } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import { decrypt, deriveKey, encrypt, hashToken } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { recordAccountAudit } from './account-audit.ts';
import { notifySecurityChange } from './account-links.ts';
import * as repo from './accounts.repository.ts';
import { verifyPassword } from './passwords.ts';

// Second factor: time-based one-time codes (RFC 6238) from any authenticator app. The shared
// secret is stored encrypted with a key derived for this purpose only.

const keyFor = (deps: Pick<Deps, 'config'>) => deriveKey(deps.config.appSecret, 'totp');

function totpFor(secretBase32: string, email: string) {
  return new OTPAuth.TOTP({
    issuer: 'Parley',
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

const PERIOD_MS = 30_000;

/**
 * Accepts the current code and one step either side (for clocks that drift), once: the code's
 * time step is claimed in the same statement that checks it is newer than the last one used, so
 * a code read over someone's shoulder, or sent twice at once, works only the first time.
 */
export async function acceptTotpCode(
  deps: Pick<Deps, 'config' | 'clock' | 'db'>,
  user: { id: string; email: string; totp_secret_enc: string },
  code: string,
): Promise<boolean> {
  const now = deps.clock.now().getTime();
  const totp = totpFor(decrypt(user.totp_secret_enc, keyFor(deps)), user.email);
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return false;
  return repo.claimTotpStep(deps.db, user.id, Math.floor(now / PERIOD_MS) + delta);
}

// Recovery codes: ten single-use codes shown once, for when the phone is lost. Only their keyed
// hashes are stored; making new ones replaces every old one.

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: a code is read off paper and typed.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const normalize = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');
const hashRecoveryCode = (deps: Pick<Deps, 'config'>, code: string) =>
  hashToken(`recovery-code:${normalize(code)}`, deps.config.appSecret);

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** Makes a new set of recovery codes, replacing the old; returns them for showing once. */
async function issueRecoveryCodes(tx: Executor, deps: Deps, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const at = iso(deps.clock.now());
  await repo.replaceRecoveryCodes(
    tx,
    userId,
    codes.map((code) => ({ id: newId(), code_hash: hashRecoveryCode(deps, code), created_at: at })),
  );
  return codes;
}

/** Uses one of the person's recovery codes at the second step; false if it is not an unused one. */
export async function spendRecoveryCode(
  deps: Deps,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  if (normalize(code).length !== 10) return false;
  return repo.spendRecoveryCode(deps.db, userId, hashRecoveryCode(deps, code), iso(now));
}

/** The person's recovery codes made anew (shown once), the change audited and told to them by e-mail. */
async function newRecoveryCodes(
  tx: Tx,
  deps: Deps,
  actor: Actor,
  user: { id: string; name: string; email: string },
  change: 'mfa_enabled' | 'recovery_codes_regenerated',
  now: Date,
) {
  const recoveryCodes = await issueRecoveryCodes(tx, deps, user.id);
  await recordAccountAudit(tx, `user.${change}`, {
    at: now,
    userId: user.id,
    actorId: user.id,
    ip: actor.ip,
  });
  await notifySecurityChange(tx, deps, user, change);
  return { recoveryCodes };
}

/** New recovery codes, after the password is given again; the old ones stop working. */
export async function regenerateRecoveryCodes(deps: Deps, actor: Actor | null, input: { password: string }) {
  requireActor(actor);
  const user = await repo.findUserById(deps.db, actor.userId);
  if (!user?.totp_enabled_at) throw new AppError('CONFLICT', 'Turn on two-step sign-in first.');
  if (!(await verifyPassword(user.password_hash, input.password))) {
    throw new AppError('VALIDATION_FAILED', 'Your password did not match.', {
      fields: { password: 'does not match' },
    });
  }
  const now = deps.clock.now();
  return inTransaction(deps.db, (tx) =>
    newRecoveryCodes(tx, deps, actor, user, 'recovery_codes_regenerated', now),
  );
}

/** Starts set-up: a new secret is stored (not yet active) and shown once for the person's app. */
export async function startMfaSetup(deps: Deps, actor: Actor | null) {
  requireActor(actor);
  const secret = new OTPAuth.Secret({ size: 20 });
  await repo.updateUser(deps.db, actor.userId, {
    totp_secret_enc: encrypt(secret.base32, keyFor(deps)),
    totp_enabled_at: null,
    totp_last_step: null,
    updated_at: iso(deps.clock.now()),
  });
  return { secret: secret.base32, otpauthUrl: totpFor(secret.base32, actor.email).toString() };
}

/** Turns two-step sign-in on with a code from the app; answers with the recovery codes, shown once. */
export async function enableMfa(deps: Deps, actor: Actor | null, code: string) {
  requireActor(actor);
  const user = await repo.findUserById(deps.db, actor.userId);
  if (!user?.totp_secret_enc) {
    throw new AppError('CONFLICT', 'Start two-step sign-in set-up first, then enter the code from your app.');
  }
  if (!(await acceptTotpCode(deps, { ...user, totp_secret_enc: user.totp_secret_enc }, code))) {
    throw new AppError(
      'VALIDATION_FAILED',
      'That code did not match. Check the time on your phone and try the newest code.',
      {
        fields: { code: 'does not match' },
      },
    );
  }
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    await repo.updateUser(tx, actor.userId, { totp_enabled_at: iso(now), updated_at: iso(now) });
    if (actor.sessionId) await repo.markSessionMfaVerified(tx, actor.sessionId);
    return newRecoveryCodes(tx, deps, actor, user, 'mfa_enabled', now);
  });
}

export async function disableMfa(deps: Deps, actor: Actor | null, input: { password: string; code: string }) {
  requireActor(actor);
  const user = await repo.findUserById(deps.db, actor.userId);
  if (!user?.totp_secret_enc || !user.totp_enabled_at)
    throw new AppError('CONFLICT', 'Two-step sign-in is not turned on.');
  if (!(await verifyPassword(user.password_hash, input.password))) {
    throw new AppError('VALIDATION_FAILED', 'Your password did not match.', {
      fields: { password: 'does not match' },
    });
  }
  if (!(await acceptTotpCode(deps, { ...user, totp_secret_enc: user.totp_secret_enc }, input.code))) {
    throw new AppError('VALIDATION_FAILED', 'That code did not match.', {
      fields: { code: 'does not match' },
    });
  }
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await repo.updateUser(tx, actor.userId, {
      totp_enabled_at: null,
      totp_secret_enc: null,
      updated_at: iso(now),
    });
    await repo.replaceRecoveryCodes(tx, actor.userId, []);
    await recordAccountAudit(tx, 'user.mfa_disabled', {
      at: now,
      userId: actor.userId,
      actorId: actor.userId,
      ip: actor.ip,
    });
    await notifySecurityChange(tx, deps, user, 'mfa_disabled');
  });
}
