import * as contract from '../../../contracts/negotiation.ts';
import { route, scopedRoutes } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as aids from './negotiation.service.ts';

/** Negotiation aids on the issues board: Adjusted Winner and blind bidding. */
export function negotiationRoutes(app: App, deps: Deps) {
  scopedRoutes(app, deps).case(contract.listAids, aids.listAids);
  route(app, contract.startAid, async ({ actor, params, body }) =>
    aids.startAid(deps, actor, params.caseId, params.issueId, body),
  );
  route(app, contract.setItems, async ({ actor, params, body }) =>
    aids.setItems(deps, actor, params.caseId, params.aidId, body),
  );
  route(app, contract.sendPoints, async ({ actor, params, body }) =>
    aids.sendPoints(deps, actor, params.caseId, params.aidId, body),
  );
  route(app, contract.revealPoints, async ({ actor, params, body }) =>
    aids.revealPoints(deps, actor, params.caseId, params.aidId, body.revealed),
  );
  route(app, contract.agreeTerms, async ({ actor, params }) =>
    aids.agreeTerms(deps, actor, params.caseId, params.aidId),
  );
  route(app, contract.sendBid, async ({ actor, params, body }) =>
    aids.sendBid(deps, actor, params.caseId, params.aidId, body),
  );
  route(app, contract.makeOption, async ({ actor, params }) =>
    aids.makeOption(deps, actor, params.caseId, params.aidId),
  );
}
