import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { deriveKey, newToken, safeEqual } from '../infra/crypto.ts';
import { AppError } from './errors.ts';

/**
 * Cross-site request forgery protection by signed double submission: a random token lives in a
 * cookie that only pages of this site can read, and every state-changing request must echo it in
 * the x-csrf-token header. A forged form on another site can send the cookie but cannot read it.
 * The token carries a keyed MAC of the session cookie it was made for, so a token planted from a
 * neighbouring subdomain, or kept from before a sign-in, does not pass with another session.
 * Requests whose Origin names another site are refused outright.
 */
export const CSRF_COOKIE = 'parley_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function mac(secret: string, sessionToken: string | undefined, nonce: string): string {
  return createHmac('sha256', deriveKey(secret, 'csrf'))
    .update(`${sessionToken ?? ''}|${nonce}`)
    .digest('base64url');
}

/** A new token bound to the session cookie (or to having none). */
export function csrfTokenFor(secret: string, sessionToken: string | undefined): string {
  const nonce = newToken();
  return `${nonce}.${mac(secret, sessionToken, nonce)}`;
}

/** Whether a token was made for this session cookie by this server. */
export function csrfTokenBinds(secret: string, token: string, sessionToken: string | undefined): boolean {
  const [nonce, tag, extra] = token.split('.');
  if (!nonce || !tag || extra !== undefined) return false;
  return safeEqual(tag, mac(secret, sessionToken, nonce));
}

export function csrfCheck(request: FastifyRequest, secret: string, sessionToken: string | undefined): void {
  if (SAFE.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin && origin !== 'null') {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host !== request.headers.host) {
      throw new AppError('CSRF_REJECTED', 'This request came from another site and was refused.');
    }
  }
  const cookie = request.cookies[CSRF_COOKIE];
  const header = request.headers[CSRF_HEADER];
  if (
    !cookie ||
    typeof header !== 'string' ||
    !safeEqual(cookie, header) ||
    !csrfTokenBinds(secret, cookie, sessionToken)
  ) {
    throw new AppError(
      'CSRF_REJECTED',
      'Your page was open too long or came from elsewhere. Reload the page and try again; nothing was changed.',
      { fields: { [CSRF_HEADER]: 'is missing or does not match' } },
    );
  }
}

type CookieOptions = { secret: string; secure: boolean };

/** Gives the browser a CSRF cookie for its session (on GET /api/v1/auth/session) unless it has one. */
export function ensureCsrfCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  sessionToken: string | undefined,
  options: CookieOptions,
): void {
  const current = request.cookies[CSRF_COOKIE];
  if (current && csrfTokenBinds(options.secret, current, sessionToken)) return;
  setCsrfCookie(reply, sessionToken, options);
}

/** A fresh CSRF cookie for a session that has just begun or ended. */
export function setCsrfCookie(reply: FastifyReply, sessionToken: string | undefined, options: CookieOptions) {
  reply.setCookie(CSRF_COOKIE, csrfTokenFor(options.secret, sessionToken), {
    path: '/',
    sameSite: 'lax',
    secure: options.secure,
    httpOnly: false,
  });
}
