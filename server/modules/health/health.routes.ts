import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import { ManualClock } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';

const tags = ['health'];

export function healthRoutes(app: App, deps: Deps) {
  app.get(
    '/api/health',
    {
      schema: {
        tags,
        summary: 'Whether this server and its database answer (for load balancers)',
        response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok'), time: z.string() }) },
      },
    },
    async () => {
      try {
        await sql`select 1`.execute(deps.db);
      } catch {
        throw new AppError('SERVICE_UNAVAILABLE', 'The database is not answering.');
      }
      return { status: 'ok' as const, database: 'ok' as const, time: deps.clock.now().toISOString() };
    },
  );

  // Browser journeys move time forward ("the milestone passes its due date") through this
  // endpoint; it exists only when Parley runs in test mode on a manual clock.
  if (deps.config.mode === 'test' && deps.clock instanceof ManualClock) {
    const clock = deps.clock;
    app.post(
      '/api/v1/dev/clock',
      {
        schema: {
          tags: ['development'],
          summary: 'Set or advance the test clock (test mode only)',
          body: z.object({ set: z.iso.datetime().optional(), advanceMs: z.number().int().min(0).optional() }),
          response: { 200: z.object({ now: z.string() }) },
        },
      },
      async (request) => {
        if (request.body.set) clock.set(request.body.set);
        if (request.body.advanceMs) clock.advance(request.body.advanceMs);
        return { now: clock.now().toISOString() };
      },
    );
  }
}
