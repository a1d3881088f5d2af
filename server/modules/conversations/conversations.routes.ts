import * as contract from '../../../contracts/conversations.ts';
import { requestLanguage } from '../../http/language.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as conversations from './conversations.service.ts';

/** Secure messages in a case. */
export function conversationsRoutes(app: App, deps: Deps) {
  // The conversations are named in the page's language.
  route(app, contract.listConversations, async (request) =>
    conversations.listConversations(deps, request.actor, request.params.caseId, requestLanguage(request)),
  );
  route(app, contract.writeMessage, async ({ actor, params, body }) =>
    conversations.writeMessage(deps, actor, params.caseId, params.thread, body),
  );
  route(app, contract.openThread, async (request) =>
    conversations.openThread(
      deps,
      request.actor,
      request.params.caseId,
      request.params.thread,
      requestLanguage(request),
    ),
  );
}
