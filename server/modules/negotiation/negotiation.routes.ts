import * as contract from '../../../contracts/negotiation.ts';
import { requestLanguage } from '../../http/language.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as aids from './negotiation.service.ts';

/** Negotiation aids on the issues board: Adjusted Winner and blind bidding, in the page's language. */
export function negotiationRoutes(app: App, deps: Deps) {
  route(app, contract.listAids, async (request) =>
    aids.listAids(deps, request.actor, request.params.caseId, requestLanguage(request)),
  );
  route(app, contract.startAid, async (request) => {
    const { params, body } = request;
    return aids.startAid(deps, request.actor, params.caseId, params.issueId, body, requestLanguage(request));
  });
  route(app, contract.setItems, async (request) => {
    const { params, body } = request;
    return aids.setItems(deps, request.actor, params.caseId, params.aidId, body, requestLanguage(request));
  });
  route(app, contract.sendPoints, async (request) => {
    const { params, body } = request;
    return aids.sendPoints(deps, request.actor, params.caseId, params.aidId, body, requestLanguage(request));
  });
  route(app, contract.revealPoints, async (request) => {
    const { params, body } = request;
    return aids.revealPoints(
      deps,
      request.actor,
      params.caseId,
      params.aidId,
      body.revealed,
      requestLanguage(request),
    );
  });
  route(app, contract.agreeTerms, async (request) =>
    aids.agreeTerms(
      deps,
      request.actor,
      request.params.caseId,
      request.params.aidId,
      requestLanguage(request),
    ),
  );
  route(app, contract.sendBid, async (request) => {
    const { params, body } = request;
    return aids.sendBid(deps, request.actor, params.caseId, params.aidId, body, requestLanguage(request));
  });
  route(app, contract.makeOption, async (request) =>
    aids.makeOption(
      deps,
      request.actor,
      request.params.caseId,
      request.params.aidId,
      requestLanguage(request),
    ),
  );
}
