import * as sessionCalendar from '../../../contracts/session-calendar.ts';
import * as sessionMoves from '../../../contracts/session-moves.ts';
import * as sessionPolls from '../../../contracts/session-polls.ts';
import * as contract from '../../../contracts/sessions.ts';
import { requestLanguage } from '../../http/language.ts';
import { caseAt, route } from '../../http/route.ts';
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
  route(app, contract.listSessions, async (request) => sessions.listSessions(caseAt(deps, request)));
  // Setting a session and recording who came keep their own parameters: the demo data sets them too.
  route(app, contract.scheduleSession, async (request) =>
    sessions.scheduleSession(
      deps,
      request.actor,
      request.params.caseId,
      request.body,
      requestLanguage(request),
    ),
  );
  route(app, contract.rescheduleSession, async (request) =>
    sessions.rescheduleSession(caseAt(deps, request), request.params.sessionId, request.body),
  );
  route(app, contract.cancelSession, async (request) =>
    sessions.cancelSession(caseAt(deps, request), request.params.sessionId),
  );
  route(app, contract.markSessionHeld, async (request) => {
    const { actor, params, body } = request;
    return sessions.markHeld(
      deps,
      actor,
      params.caseId,
      params.sessionId,
      body.attendedIds,
      requestLanguage(request),
    );
  });
  route(app, sessionMoves.askToMoveSession, async (request) =>
    moves.askToMove(caseAt(deps, request), request.params.sessionId, request.body),
  );
  route(app, sessionMoves.acceptMoveRequest, async (request) =>
    moves.acceptMove(caseAt(deps, request), request.params.requestId, request.body),
  );
  route(app, sessionMoves.declineMoveRequest, async (request) =>
    moves.declineMove(caseAt(deps, request), request.params.requestId, request.body),
  );
  route(app, sessionPolls.listPolls, async (request) => polls.listPolls(caseAt(deps, request)));
  route(app, sessionPolls.createPoll, async (request) =>
    polls.createPoll(caseAt(deps, request), request.body),
  );
  route(app, sessionPolls.answerPoll, async (request) =>
    answers.answerPoll(caseAt(deps, request), request.params.pollId, request.body.times),
  );
  route(app, sessionPolls.bookPoll, async (request) =>
    answers.bookPoll(caseAt(deps, request), request.params.pollId, request.body.timeId),
  );
  route(app, sessionPolls.closePoll, async (request) =>
    answers.closePoll(caseAt(deps, request), request.params.pollId),
  );
  route(app, sessionPolls.getPollByLink, async (request, reply) => {
    reply.header('cache-control', 'private, no-store');
    return answers.pollByLink(deps, request.params.token, requestLanguage(request));
  });
  route(app, sessionPolls.answerPollByLink, async (request) =>
    answers.answerByLink(deps, request.params.token, request.body.times, requestLanguage(request)),
  );
  route(app, sessionCalendar.getMyCalendar, async (request) =>
    getMyCalendar(deps, request.actor, request.query, requestLanguage(request)),
  );
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
