import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../infra/deps.ts';
import { resolveSession } from '../modules/accounts/sessions.service.ts';
import { setCsrfCookie } from './csrf.ts';
import { isApiRequest } from './paths.ts';
import type { App, RequestMeta } from './types.ts';

export const SESSION_COOKIE = 'parley_session';

export const requestMeta = (request: FastifyRequest): RequestMeta => ({
  ip: request.ip ?? null,
  userAgent: request.headers['user-agent'] ?? null,
});

/** Cookies are Secure whenever Parley is reached over HTTPS (directly or behind a proxy). */
export const isSecure = (deps: Deps, request: FastifyRequest) =>
  request.protocol === 'https' || deps.config.publicUrl.startsWith('https://');

/** Starts a browser session: the session cookie, and a CSRF token bound to it. */
export function setSessionCookie(deps: Deps, request: FastifyRequest, reply: FastifyReply, token: string) {
  const secure = isSecure(deps, request);
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: deps.config.sessionAbsoluteHours * 3600,
  });
  setCsrfCookie(reply, token, { secret: deps.config.appSecret, secure });
}

/** Ends a browser session: the session cookie goes, and the CSRF token is one for no session. */
export function clearSessionCookie(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  setCsrfCookie(reply, undefined, { secret: deps.config.appSecret, secure: isSecure(deps, request) });
}

/** Resolves the session cookie on every API request into request.actor. */
export function registerSessionHook(app: App, deps: Deps) {
  app.decorateRequest('actor', null);
  app.decorateRequest('pendingMfaSessionId', null);
  app.addHook('onRequest', async (request) => {
    if (!isApiRequest(request)) return;
    const resolved = await resolveSession(deps, request.cookies[SESSION_COOKIE], requestMeta(request));
    if (resolved.kind === 'active') request.actor = resolved.actor;
    if (resolved.kind === 'pending-mfa') request.pendingMfaSessionId = resolved.sessionId;
  });
}
