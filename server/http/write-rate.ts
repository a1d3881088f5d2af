import type { Deps } from '../infra/deps.ts';
import { consumeWrite } from '../modules/access/throttle.service.ts';
import { isApiRequest, routedPath } from './paths.ts';
import type { App } from './types.ts';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A signed-in person's changes are counted per minute in the database, so a script cannot write
 * thousands of records however many servers it spreads them over; past WRITES_PER_MINUTE the
 * answer is 429 with Retry-After. Signing out is never refused.
 */
export function registerWriteRate(app: App, deps: Deps) {
  app.addHook('preHandler', async (request) => {
    if (!request.actor || !CHANGES.has(request.method) || !isApiRequest(request)) return;
    if (routedPath(request) === '/api/v1/auth/sign-out') return;
    await consumeWrite(deps.db, deps.clock, request.actor.userId, deps.config.writesPerMinute);
  });
}
