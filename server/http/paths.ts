import type { FastifyRequest } from 'fastify';

/**
 * The path the router matched, not the raw URL: the router decodes percent-escapes, so
 * `/%61pi/v1/auth/sign-in` reaches the sign-in route, and every check keyed on a path must see the
 * same `/api/v1/auth/sign-in`. A request no route matched is judged by its decoded path.
 */
export function routedPath(request: FastifyRequest): string {
  const routed = request.routeOptions.url;
  if (routed) return routed;
  const raw = request.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export const isApiRequest = (request: FastifyRequest) => routedPath(request).startsWith('/api/');
