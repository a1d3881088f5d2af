import * as contract from '../../../contracts/screening.ts';
import { scopedRoutes } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as screening from './screening.service.ts';

export function screeningRoutes(app: App, deps: Deps) {
  const on = scopedRoutes(app, deps);
  on.case(contract.getMyScreening, screening.getMyScreening);
  on.case(contract.submitScreening, screening.submitScreening);
  on.case(contract.listScreeningResponses, screening.listScreeningResponses);
  on.case(contract.decideScreening, screening.decideScreening);
  on.case(contract.listConfidentialityExceptions, screening.listConfidentialityExceptions);
  on.case(contract.recordConfidentialityException, screening.recordConfidentialityException);
}
