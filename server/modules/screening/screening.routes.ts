import * as contract from '../../../contracts/screening.ts';
import { route, scopedRoutes } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as exceptions from './exceptions.service.ts';
import * as screening from './screening.service.ts';

export function screeningRoutes(app: App, deps: Deps) {
  const on = scopedRoutes(app, deps);
  on.case(contract.getMyScreening, screening.getMyScreening);
  on.case(contract.submitScreening, screening.submitScreening);
  on.case(contract.listScreeningResponses, screening.listScreeningResponses);
  on.case(contract.decideScreening, screening.decideScreening);
  on.case(contract.listConfidentialityExceptions, exceptions.listConfidentialityExceptions);
  on.case(contract.recordConfidentialityException, exceptions.recordConfidentialityException);
  on.caseItem(
    contract.reviewConfidentialityException,
    'exceptionId',
    exceptions.reviewConfidentialityException,
  );
  route(app, contract.listProgramExceptions, async (request) =>
    exceptions.listProgramExceptions(deps, request.actor, request.params.programId, request.query),
  );
}
