import type { FastifyReply, FastifyRequest } from 'fastify';
import { newToken, safeEqual } from '../infra/crypto.ts';
import { AppError } from './errors.ts';

/**
 * Cross-site request forgery protection by double submission: a random token lives in a cookie
 * that only pages of this site can read, and every state-changing request must echo it in the
 * x-csrf-token header. A forged form on another site can send the cookie but cannot read it.
 * Requests whose Origin names another site are refused outright.
 */
export const CSRF_COOKIE = 'parley_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfCheck(request: FastifyRequest): void {
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
  if (!cookie || typeof header !== 'string' || !safeEqual(cookie, header)) {
    throw new AppError(
      'CSRF_REJECTED',
      'Your page was open too long or came from elsewhere. Reload the page and try again; nothing was changed.',
      { fields: { [CSRF_HEADER]: 'is missing or does not match' } },
    );
  }
}

/** Sets the CSRF cookie if the browser has none (on GET /api/v1/auth/session). */
export function ensureCsrfCookie(request: FastifyRequest, reply: FastifyReply, secure: boolean): void {
  if (request.cookies[CSRF_COOKIE]) return;
  reply.setCookie(CSRF_COOKIE, newToken(), { path: '/', sameSite: 'lax', secure, httpOnly: false });
}
