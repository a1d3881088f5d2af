import * as contract from '../../../contracts/preparation.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as prep from './preparation.service.ts';

/** Each party's preparation for mediation, and the mediator's notes on it. */
export function preparationRoutes(app: App, deps: Deps) {
  route(app, contract.getPreparation, async ({ actor, params }) =>
    prep.getPreparation(deps, actor, params.caseId),
  );
  route(app, contract.savePreparation, async ({ actor, params, body }) =>
    prep.savePreparation(deps, actor, params.caseId, body),
  );
  route(app, contract.saveMediatorNote, async ({ actor, params, body }) =>
    prep.saveMediatorNote(deps, actor, params.caseId, params.participantId, body.note),
  );
}
