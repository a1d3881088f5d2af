import * as programs from '../../../contracts/programs.ts';
import * as contract from '../../../contracts/selection.ts';
import { route, scopedRoutes } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as dq from './disqualification.service.ts';
import * as roster from './program-roster.service.ts';
import * as selection from './selection.service.ts';

export function selectionRoutes(app: App, deps: Deps) {
  const on = scopedRoutes(app, deps);
  route(app, programs.getProgramRoster, async (request) =>
    roster.programRoster(deps, request.actor, request.params.programId),
  );
  route(app, programs.removeFromRoster, async (request) =>
    roster.removeFromRoster(deps, request.actor, request.params.programId, request.params.userId),
  );
  on.case(contract.getMediatorOptions, selection.mediatorOptions);
  on.case(contract.pickMediators, selection.pickMediators);
  on.case(contract.appointMediator, selection.appointMediator);
  on.case(contract.answerMediatorOffer, selection.respondToOffer);
  on.case(contract.listDisqualificationRequests, dq.listDisqualifications);
  on.case(contract.requestDisqualification, dq.requestDisqualification);
  on.caseItem(contract.denyDisqualification, 'requestId', dq.denyDisqualification);
  on.caseItem(contract.decideDisqualification, 'requestId', dq.decideDisqualification);
}
