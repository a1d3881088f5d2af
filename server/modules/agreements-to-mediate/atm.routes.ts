import * as contract from '../../../contracts/agreements-to-mediate.ts';
import { route, scopedRoutes } from '../../http/route.ts';
import { requestMeta } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as atm from './atm.service.ts';

export function agreementToMediateRoutes(app: App, deps: Deps) {
  const on = scopedRoutes(app, deps);
  on.case(contract.getAgreementToMediate, atm.getAgreementToMediate);
  route(app, contract.signAgreementToMediate, async (request) =>
    atm.signAgreementToMediate(
      deps,
      request.actor,
      request.params.caseId,
      request.body,
      requestMeta(request),
    ),
  );
  on.case(contract.writeDisclosure, atm.writeDisclosure);
  on.casePdf(contract.getAgreementToMediatePdf, atm.agreementToMediatePdf);
}
