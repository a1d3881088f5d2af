import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../infra/deps.ts';
import { resolveSession } from '../modules/accounts/sessions.service.ts';
import type { App, RequestMeta } from './types.ts';

export const SESSION_COOKIE = 'parley_session';

export const requestMeta = (request: FastifyRequest): RequestMeta => ({
  ip: request.ip ?? null,
  userAgent: request.headers['user-agent'] ?? null,
});

/** Cookies are Secure whenever Parley is reached over HTTPS (directly or behind a proxy). */
export const isSecure = (deps: Deps, request: FastifyRequest) =>
  request.protocol === 'https' || deps.config.publicUrl.startsWith('https://');

export function setSessionCookie(deps: Deps, request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(deps, request),
    maxAge: deps.config.sessionAbsoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Resolves the session cookie on every API request into request.actor. */
export function registerSessionHook(app: App, deps: Deps) {
  app.decorateRequest('actor', null);
  app.decorateRequest('pendingMfaSessionId', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const resolved = await resolveSession(deps, request.cookies[SESSION_COOKIE], requestMeta(request));
    if (resolved.kind === 'active') request.actor = resolved.actor;
    if (resolved.kind === 'pending-mfa') request.pendingMfaSessionId = resolved.sessionId;
  });
}
