import { z } from 'zod';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { CaseParams } from '../cases/cases.schemas.ts';
import * as feed from './feed.service.ts';
import { HeldBody, RescheduleBody, ScheduleBody, SessionParams } from './sessions.schemas.ts';
import * as sessions from './sessions.service.ts';

const tags = ['sessions'];

export function sessionsRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/cases/:caseId/sessions',
    { schema: { tags, summary: 'Sessions of a case, hours and deadlines', params: CaseParams } },
    async (request) => sessions.listSessions(deps, request.actor, request.params.caseId),
  );
  app.post(
    '/api/v1/cases/:caseId/sessions',
    {
      schema: {
        tags,
        summary: 'Set a session (the mediator); invitations go out with a calendar file',
        params: CaseParams,
        body: ScheduleBody,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await sessions.scheduleSession(deps, request.actor, request.params.caseId, request.body)),
  );
  app.put(
    '/api/v1/cases/:caseId/sessions/:sessionId',
    {
      schema: { tags, summary: 'Move a session to a new time', params: SessionParams, body: RescheduleBody },
    },
    async (request) =>
      sessions.rescheduleSession(
        deps,
        request.actor,
        request.params.caseId,
        request.params.sessionId,
        request.body,
      ),
  );
  app.post(
    '/api/v1/cases/:caseId/sessions/:sessionId/cancel',
    { schema: { tags, summary: 'Cancel a session', params: SessionParams } },
    async (request) =>
      sessions.cancelSession(deps, request.actor, request.params.caseId, request.params.sessionId),
  );
  app.post(
    '/api/v1/cases/:caseId/sessions/:sessionId/held',
    {
      schema: {
        tags,
        summary: 'Record that a session took place and who came',
        params: SessionParams,
        body: HeldBody,
      },
    },
    async (request) =>
      sessions.markHeld(
        deps,
        request.actor,
        request.params.caseId,
        request.params.sessionId,
        request.body.attendedIds,
      ),
  );
  app.get(
    '/api/v1/calendar-feed',
    { schema: { tags, summary: 'Whether I have a private calendar link' } },
    async (request) => feed.getFeed(deps, request.actor),
  );
  app.post(
    '/api/v1/calendar-feed',
    { schema: { tags, summary: 'Make a new private calendar link (the old one stops working)' } },
    async (request) => feed.createFeed(deps, request.actor),
  );
  app.delete(
    '/api/v1/calendar-feed',
    { schema: { tags, summary: 'Turn off my private calendar link' } },
    async (request) => feed.revokeFeed(deps, request.actor),
  );
  app.get(
    '/api/v1/calendar-feeds/:token',
    {
      schema: {
        tags,
        summary: 'A private calendar feed (secret link)',
        params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'not a calendar link') }),
      },
    },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(await feed.feedCalendar(deps, request.params.token)),
  );
}
