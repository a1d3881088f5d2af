import { languageOr } from '../../../domain/languages.ts';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestMeta } from '../../http/types.ts';
import { addMs, HOUR, iso } from '../../infra/clock.ts';
import { hashToken, newToken } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { consumeQuota } from '../access/throttle.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { ACCOUNT_EMAILS, type SecurityChange } from './accounts.emails.ts';
import * as repo from './accounts.repository.ts';

/** A link into the web app; tokens ride in the #fragment, which browsers never send to a server. */
export const linkTo = (deps: Pick<Deps, 'config'>, page: string, token: string) =>
  `${deps.config.publicUrl}${page}#token=${token}`;

/** A single-use token for an e-mailed link (confirm, reset, unlock); only its keyed hash is kept. */
export async function issueToken(db: Executor, deps: Deps, userId: string, purpose: string, ttlMs: number) {
  const token = newToken();
  const now = deps.clock.now();
  await repo.insertToken(db, {
    id: newId(),
    token_hash: hashToken(token, deps.config.appSecret),
    purpose,
    user_id: userId,
    expires_at: iso(addMs(now, ttlMs)),
    created_at: iso(now),
  });
  return token;
}

/** The links sent afresh (sendFreshLink): the page each opens and the e-mail that carries it. */
const FRESH_LINKS = {
  verify_email: { page: '/verify-email', email: ACCOUNT_EMAILS.confirmEmailAgain },
  unlock_account: { page: '/unlock-account', email: ACCOUNT_EMAILS.accountLocked },
  reset_password: { page: '/reset-password', email: ACCOUNT_EMAILS.resetPassword },
};

/** E-mails a person a fresh link for `purpose`, lasting `ttlMs`; the ones sent before stop working. */
export async function sendFreshLink(
  tx: Executor,
  deps: Deps,
  user: Pick<repo.UserRow, 'id' | 'name' | 'email' | 'language'>,
  purpose: keyof typeof FRESH_LINKS,
  ttlMs: number,
  now: Date,
) {
  await repo.expireTokens(tx, user.id, purpose, iso(now));
  const token = await issueToken(tx, deps, user.id, purpose, ttlMs);
  const { page, email } = FRESH_LINKS[purpose];
  await queueEmail(tx, deps, {
    to: user.email,
    toUserId: user.id,
    ...email(user.name, linkTo(deps, page, token), languageOr(user.language)),
  });
}

/**
 * Spends the single-use token of an e-mailed link for `purpose`: the token's row, or TOKEN_INVALID
 * with `refusal` when it has expired, was used or is not one.
 */
export async function spendToken(
  tx: Executor,
  deps: Deps,
  token: string,
  purpose: string,
  now: Date,
  refusal: string,
) {
  const row = await repo.consumeToken(tx, hashToken(token, deps.config.appSecret), purpose, iso(now));
  if (!row) throw new AppError('TOKEN_INVALID', refusal);
  return row;
}

/** The refusal when a person has asked for too many e-mails. */
export const TOO_MANY_EMAILS =
  'We have sent several e-mails already. Please check your inbox (and spam folder), or try again in an hour.';

/** How many e-mailed links of one kind (`resend`, `reset`) an address asks for: 30 an hour, and 5 an hour to one e-mail address. */
export async function limitLinkEmails(
  deps: Deps,
  kind: 'resend' | 'reset',
  email: string,
  meta: RequestMeta,
) {
  await consumeQuota(
    deps.db,
    deps.clock,
    `${kind}:ip:${meta.ip}`,
    { limit: 30, windowMs: HOUR },
    TOO_MANY_EMAILS,
  );
  await consumeQuota(
    deps.db,
    deps.clock,
    `${kind}:email:${email}`,
    { limit: 5, windowMs: HOUR },
    TOO_MANY_EMAILS,
  );
}

/** Tells a person by e-mail that how they sign in has changed, with the way back if it was not them. */
export async function notifySecurityChange(
  tx: Executor,
  deps: Deps,
  user: { id: string; name: string; email: string },
  change: SecurityChange,
  /** For a recovery code used: how many are left. */
  left?: number,
) {
  await queueEmail(tx, deps, {
    to: user.email,
    toUserId: user.id,
    ...ACCOUNT_EMAILS.securityNotice(
      user.name,
      { change, ...(left === undefined ? {} : { left }) },
      deps.clock.now(),
      `${deps.config.publicUrl}/forgot-password`,
      languageOr((await repo.findUserById(tx, user.id))?.language),
    ),
  });
}
