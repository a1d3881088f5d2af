import * as sessionCalendar from '../../../contracts/session-calendar.ts';
import * as sessionMoves from '../../../contracts/session-moves.ts';
import * as sessionPolls from '../../../contracts/session-polls.ts';
import * as contract from '../../../contracts/sessions.ts';
import { requestLanguage } from '../../http/language.ts';
import { route, scopedRoutes } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { getMyCalendar } from './calendar.service.ts';
import * as feed from './feed.service.ts';
import * as moves from './move-requests.service.ts';
import * as answers from './poll-answers.service.ts';
import * as polls from './polls.service.ts';
import * as sessions from './sessions.service.ts';

/** Sessions of a case, and each person's private calendar link. */
export function sessionsRoutes(app: App, deps: Deps) {
  const on = scopedRoutes(app, deps);
  route(app, contract.listSessions, async (request) =>
    sessions.listSessions(deps, request.actor, request.params.caseId, requestLanguage(request)),
  );
  on.case(contract.scheduleSession, sessions.scheduleSession);
  route(app, contract.rescheduleSession, async ({ actor, params, body }) =>
    sessions.rescheduleSession(deps, actor, params.caseId, params.sessionId, body),
  );
  route(app, contract.cancelSession, async ({ actor, params }) =>
    sessions.cancelSession(deps, actor, params.caseId, params.sessionId),
  );
  route(app, contract.markSessionHeld, async ({ actor, params, body }) =>
    sessions.markHeld(deps, actor, params.caseId, params.sessionId, body.attendedIds),
  );
  route(app, sessionMoves.askToMoveSession, async ({ actor, params, body }) =>
    moves.askToMove(deps, actor, params.caseId, params.sessionId, body),
  );
  route(app, sessionMoves.acceptMoveRequest, async ({ actor, params, body }) =>
    moves.acceptMove(deps, actor, params.caseId, params.requestId, body),
  );
  route(app, sessionMoves.declineMoveRequest, async ({ actor, params, body }) =>
    moves.declineMove(deps, actor, params.caseId, params.requestId, body),
  );
  route(app, sessionPolls.listPolls, async (request) =>
    polls.listPolls(deps, request.actor, request.params.caseId, requestLanguage(request)),
  );
  on.case(sessionPolls.createPoll, polls.createPoll);
  route(app, sessionPolls.answerPoll, async ({ actor, params, body }) =>
    answers.answerPoll(deps, actor, params.caseId, params.pollId, body.times),
  );
  route(app, sessionPolls.bookPoll, async ({ actor, params, body }) =>
    answers.bookPoll(deps, actor, params.caseId, params.pollId, body.timeId),
  );
  route(app, sessionPolls.closePoll, async ({ actor, params }) =>
    answers.closePoll(deps, actor, params.caseId, params.pollId),
  );
  route(app, sessionPolls.getPollByLink, async (request, reply) => {
    reply.header('cache-control', 'private, no-store');
    return answers.pollByLink(deps, request.params.token, requestLanguage(request));
  });
  route(app, sessionPolls.answerPollByLink, async (request) =>
    answers.answerByLink(deps, request.params.token, request.body.times, requestLanguage(request)),
  );
  route(app, sessionCalendar.getMyCalendar, async ({ actor, query }) => getMyCalendar(deps, actor, query));
  route(app, sessionCalendar.getCalendarFeed, async ({ actor }) => feed.getFeed(deps, actor));
  route(app, sessionCalendar.createCalendarFeed, async ({ actor }) => feed.createFeed(deps, actor));
  route(app, sessionCalendar.revokeCalendarFeed, async ({ actor }) => feed.revokeFeed(deps, actor));
  route(app, sessionCalendar.getCalendarFeedFile, async ({ params }, reply) => {
    reply.header('cache-control', 'private, no-store');
    return {
      data: await feed.feedCalendar(deps, params.token),
      filename: 'parley-sessions.ics',
      inline: true,
    };
  });
}
