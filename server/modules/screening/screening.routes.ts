import * as contract from '../../../contracts/screening.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as screening from './screening.service.ts';

export function screeningRoutes(app: App, deps: Deps) {
  route(app, contract.getMyScreening, async (request) =>
    screening.getMyScreening(deps, request.actor, request.params.caseId),
  );
  route(app, contract.submitScreening, async (request) =>
    screening.submitScreening(deps, request.actor, request.params.caseId, request.body),
  );
  route(app, contract.listScreeningResponses, async (request) =>
    screening.listScreeningResponses(deps, request.actor, request.params.caseId),
  );
  route(app, contract.decideScreening, async (request) =>
    screening.decideScreening(deps, request.actor, request.params.caseId, request.body),
  );
  route(app, contract.listConfidentialityExceptions, async (request) =>
    screening.listConfidentialityExceptions(deps, request.actor, request.params.caseId),
  );
  route(app, contract.recordConfidentialityException, async (request) =>
    screening.recordConfidentialityException(deps, request.actor, request.params.caseId, request.body),
  );
}
