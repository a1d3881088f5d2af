import type { FastifyRequest } from 'fastify';
import * as contract from '../../../contracts/negotiation.ts';
import { caseAt, route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as aids from './negotiation.service.ts';

/** Negotiation aids on the issues board: Adjusted Winner and blind bidding, in the page's language. */
export function negotiationRoutes(app: App, deps: Deps) {
  const at = (request: FastifyRequest & { params: { caseId: string; aidId: string } }): aids.AidAt => ({
    ...caseAt(deps, request),
    aidId: request.params.aidId,
  });
  route(app, contract.listAids, async (request) => aids.listAids(caseAt(deps, request)));
  route(app, contract.startAid, async (request) =>
    aids.startAid(caseAt(deps, request), request.params.issueId, request.body),
  );
  route(app, contract.setItems, async (request) => aids.setItems(at(request), request.body));
  route(app, contract.sendPoints, async (request) => aids.sendPoints(at(request), request.body));
  route(app, contract.revealPoints, async (request) => aids.revealPoints(at(request), request.body.revealed));
  route(app, contract.agreeTerms, async (request) => aids.agreeTerms(at(request)));
  route(app, contract.sendBid, async (request) => aids.sendBid(at(request), request.body));
  route(app, contract.makeOption, async (request) => aids.makeOption(at(request)));
}
