import * as contract from '../../../contracts/selection.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as dq from './disqualification.service.ts';
import * as selection from './selection.service.ts';

export function selectionRoutes(app: App, deps: Deps) {
  route(app, contract.getMediatorOptions, async (request) =>
    selection.mediatorOptions(deps, request.actor, request.params.caseId),
  );
  route(app, contract.pickMediators, async (request) =>
    selection.pickMediators(deps, request.actor, request.params.caseId, request.body),
  );
  route(app, contract.appointMediator, async (request) =>
    selection.appointMediator(deps, request.actor, request.params.caseId, request.body),
  );
  route(app, contract.answerMediatorOffer, async (request) =>
    selection.respondToOffer(deps, request.actor, request.params.caseId, request.body),
  );
  route(app, contract.listDisqualificationRequests, async (request) =>
    dq.listDisqualifications(deps, request.actor, request.params.caseId),
  );
  route(app, contract.requestDisqualification, async (request) =>
    dq.requestDisqualification(deps, request.actor, request.params.caseId, request.body),
  );
  route(app, contract.denyDisqualification, async (request) =>
    dq.denyDisqualification(
      deps,
      request.actor,
      request.params.caseId,
      request.params.requestId,
      request.body,
    ),
  );
  route(app, contract.decideDisqualification, async (request) =>
    dq.decideDisqualification(
      deps,
      request.actor,
      request.params.caseId,
      request.params.requestId,
      request.body,
    ),
  );
}
