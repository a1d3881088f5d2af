import * as contract from '../../../contracts/preparation.ts';
import { scopedRoutes } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as prep from './preparation.service.ts';

/** Each party's preparation for mediation, and the mediator's notes on it. */
export function preparationRoutes(app: App, deps: Deps) {
  const on = scopedRoutes(app, deps);
  on.case(contract.getPreparation, prep.getPreparation);
  on.case(contract.savePreparation, prep.savePreparation);
  on.caseItem(contract.saveMediatorNote, 'participantId', prep.saveMediatorNote);
}
