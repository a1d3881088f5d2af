import { DEFAULT_LANGUAGE, type Language, languageOr } from '../../../domain/languages.ts';
import { GLOBAL_SCOPE } from '../../../domain/roles.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestMeta } from '../../http/types.ts';
import { DAY, HOUR, iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { consumeQuota } from '../access/throttle.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { findPrograms } from '../programs/programs.service.ts';
import { recordAccountAudit } from './account-audit.ts';
import {
  issueToken,
  limitLinkEmails,
  linkTo,
  sendFreshLink,
  spendToken,
  TOO_MANY_EMAILS,
} from './account-links.ts';
import { ACCOUNT_EMAILS } from './accounts.emails.ts';
import * as repo from './accounts.repository.ts';
import { requireStrongPassword } from './password-strength.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

const VERIFY_TTL = 2 * DAY;
const CHECK_EMAIL = 'Check your e-mail: we sent you a link. It may take a minute to arrive.';
const VERIFY_LINK_SPENT = 'This link has expired or was already used. Sign in to ask for a new one.';

/**
 * Creates an account and e-mails a confirmation link. An address already in use gets a note
 * instead of an error, so the form never tells a stranger who has an account; and both answers
 * take the same work (the password is hashed, one e-mail and one audit event are written in one
 * transaction), so neither does the time the answer takes (`npm run bench:sign-up`).
 */
export async function signUp(
  deps: Deps,
  input: { name: string; email: string; password: string; language?: Language | undefined },
  meta: RequestMeta,
) {
  await consumeQuota(
    deps.db,
    deps.clock,
    `sign-up:ip:${meta.ip}`,
    { limit: 20, windowMs: HOUR },
    TOO_MANY_EMAILS,
  );
  requireStrongPassword('password', input.password, input);
  const existing = await repo.findUserByEmail(deps.db, input.email);
  const now = deps.clock.now();
  const passwordHash = await hashPassword(input.password);
  if (existing) {
    await inTransaction(deps.db, async (tx) => {
      await queueEmail(tx, deps, {
        to: existing.email,
        toUserId: existing.id,
        ...ACCOUNT_EMAILS.alreadyHaveAccount(
          `${deps.config.publicUrl}/sign-in`,
          languageOr(existing.language),
        ),
      });
      await recordAccountAudit(tx, 'user.sign_up_repeated', {
        at: now,
        userId: existing.id,
        actorId: null,
        ip: meta.ip,
      });
    });
    return { message: CHECK_EMAIL };
  }
  const userId = newId();
  await inTransaction(deps.db, async (tx) => {
    await repo.insertUser(tx, {
      id: userId,
      email: input.email,
      name: input.name,
      language: input.language ?? DEFAULT_LANGUAGE,
      password_hash: passwordHash,
      email_verified_at: null,
      totp_secret_enc: null,
      totp_enabled_at: null,
      disabled_at: null,
      created_at: iso(now),
      updated_at: iso(now),
    });
    const token = await issueToken(tx, deps, userId, 'verify_email', VERIFY_TTL);
    await queueEmail(tx, deps, {
      to: input.email,
      toUserId: userId,
      ...ACCOUNT_EMAILS.confirmEmail(
        input.name,
        linkTo(deps, '/verify-email', token),
        input.language ?? DEFAULT_LANGUAGE,
      ),
    });
    await recordAccountAudit(tx, 'user.signed_up', { at: now, userId: userId, actorId: userId, ip: meta.ip });
  });
  return { message: CHECK_EMAIL };
}

export async function verifyEmail(deps: Deps, token: string) {
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const row = await spendToken(tx, deps, token, 'verify_email', now, VERIFY_LINK_SPENT);
    await repo.updateUser(tx, row.user_id, { email_verified_at: iso(now), updated_at: iso(now) });
    await recordAccountAudit(tx, 'user.email_verified', {
      at: now,
      userId: row.user_id,
      actorId: row.user_id,
    });
  });
  return { message: 'Thank you: your e-mail address is confirmed. You can sign in now.' };
}

export async function resendVerification(deps: Deps, email: string, meta: RequestMeta) {
  await limitLinkEmails(deps, 'resend', email, meta);
  const user = await repo.findUserByEmail(deps.db, email);
  if (user && !user.email_verified_at) {
    await inTransaction(deps.db, async (tx) => {
      await sendFreshLink(tx, deps, user, 'verify_email', VERIFY_TTL, deps.clock.now());
    });
  }
  return { message: CHECK_EMAIL };
}

/** The signed-in person as the web app sees them: name, roles and the programs they work in. */
export async function getMe(deps: Deps, actor: Actor | null) {
  requireActor(actor);
  const user = await repo.findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
  const programIds = [...new Set(actor.grants.map((g) => g.scope).filter((s) => s !== GLOBAL_SCOPE))];
  const programs = (await findPrograms(deps.db, programIds)).map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
  }));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    language: languageOr(user.language),
    emailVerified: user.email_verified_at !== null,
    hasMfa: user.totp_enabled_at !== null,
    recoveryCodesLeft: user.totp_enabled_at ? await repo.countUnusedRecoveryCodes(deps.db, user.id) : 0,
    mfaSetupRequired: actor.mfaSetupRequired,
    grants: actor.grants,
    programs,
  };
}

/** Changes the signed-in person's settings (their language) and answers with the account. */
export async function updateAccount(
  deps: Deps,
  actor: Actor | null,
  input: { language?: Language | undefined },
) {
  requireActor(actor);
  if (input.language !== undefined) {
    const language = input.language;
    await inTransaction(deps.db, async (tx) => {
      await repo.updateUser(tx, actor.userId, { language, updated_at: iso(deps.clock.now()) });
      await recordAccountAudit(tx, 'user.settings_changed', {
        at: deps.clock.now(),
        userId: actor.userId,
        actorId: actor.userId,
        ip: actor.ip,
        data: { fields: ['language'] },
      });
    });
  }
  return getMe(deps, actor);
}

// For other areas: people's accounts, read by id or address, and made when an invitation is accepted.

/**
 * The language to write to someone in: their account's (found by id, else by address), or
 * English for an address with no account yet.
 */
export async function languageOfRecipient(
  db: Executor,
  to: { userId?: string | null; email?: string | null },
): Promise<Language> {
  const user = to.userId
    ? await repo.findUserById(db, to.userId)
    : to.email
      ? await repo.findUserByEmail(db, to.email)
      : undefined;
  return languageOr(user?.language);
}

/** A link into the web app carrying a token after #. */
export { linkTo } from './account-links.ts';

export const findUser = (db: Executor, userId: string) => repo.findUserById(db, userId);
export const findUserByEmail = (db: Executor, email: string) => repo.findUserByEmail(db, email);
/**
 * Refuses an action that would make Parley e-mail someone else (an invitation, a request for
 * mediation, a job listing) while the person's own address is unconfirmed: until then nothing
 * shows the account belongs to a real, reachable person.
 */
export async function requireConfirmedEmail(db: Executor, userId: string): Promise<void> {
  const user = await repo.findUserById(db, userId);
  if (user && user.email_verified_at === null) {
    throw new AppError(
      'EMAIL_UNCONFIRMED',
      'Please confirm your e-mail address first: open the link Parley sent you (you can ask for a new one from your account page). Until then Parley sends no e-mail to other people for you.',
    );
  }
}
/** Names and addresses of several people (for notices, lists of mediators). */
export const findUsers = (db: Executor, userIds: readonly string[]) => repo.findUsersByIds(db, userIds);

/** An account made from an accepted invitation: the address is confirmed by the link itself. */
export async function createInvitedAccount(
  db: Executor,
  input: {
    id: string;
    email: string;
    name: string;
    passwordHash: string | null;
    language?: Language;
    at: string;
  },
) {
  await repo.insertUser(db, {
    id: input.id,
    email: input.email,
    name: input.name,
    language: input.language ?? DEFAULT_LANGUAGE,
    password_hash: input.passwordHash,
    email_verified_at: input.at,
    totp_secret_enc: null,
    totp_enabled_at: null,
    disabled_at: null,
    created_at: input.at,
    updated_at: input.at,
  });
}

export { requireStrongPassword } from './password-strength.ts';

/** A person who had no password (invited before) sets one by accepting an invitation. */
export const setInvitedPassword = (db: Executor, userId: string, passwordHash: string, at: string) =>
  repo.updateUser(db, userId, { password_hash: passwordHash, email_verified_at: at, updated_at: at });

/** Removes one-time tokens (confirmation and reset links) dead since before `before` (retention). */
export const purgeDeadTokens = (db: Executor, before: string) => repo.deleteDeadTokens(db, before);

/** What the accounts area holds about a person, for their export: never the password or second-factor secret. */
export async function accountHeldAbout(db: Executor, userId: string) {
  const user = await repo.findUserById(db, userId);
  if (!user) return null;
  return {
    account: {
      id: user.id,
      name: user.name,
      email: user.email,
      emailConfirmedAt: user.email_verified_at,
      twoStepSignInSince: user.totp_enabled_at,
      createdAt: user.created_at,
    },
    sessions: await repo.listUserSessions(db, userId),
    signInAttempts: await repo.listAttemptsFor(db, user.email),
  };
}

/** Makes an account no one's, at the person's request (see forgetUser); the caller checked their password. */
export const forgetAccount = (db: Executor, userId: string, email: string, at: string) =>
  repo.forgetUser(db, userId, email, at);

/** Whether this is the person's password (a deletion's confirmation). */
export async function passwordMatches(db: Executor, userId: string, password: string) {
  const user = await repo.findUserById(db, userId);
  return !!user && (await verifyPassword(user.password_hash, password));
}
