import * as contract from '../../../contracts/conversations.ts';
import { route, scopedRoutes } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as conversations from './conversations.service.ts';

/** Secure messages in a case. */
export function conversationsRoutes(app: App, deps: Deps) {
  const on = scopedRoutes(app, deps);
  on.case(contract.listConversations, conversations.listConversations);
  route(app, contract.writeMessage, async ({ actor, params, body }) =>
    conversations.writeMessage(deps, actor, params.caseId, params.thread, body),
  );
  route(app, contract.openThread, async ({ actor, params }) =>
    conversations.openThread(deps, actor, params.caseId, params.thread),
  );
}
