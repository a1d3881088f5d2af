import * as contract from '../../../contracts/agreements-to-mediate.ts';
import { requestLanguage } from '../../http/language.ts';
import { route } from '../../http/route.ts';
import { requestMeta } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as atm from './atm.service.ts';

export function agreementToMediateRoutes(app: App, deps: Deps) {
  route(app, contract.getAgreementToMediate, async (request) =>
    atm.getAgreementToMediate(deps, request.actor, request.params.caseId, requestLanguage(request)),
  );
  route(app, contract.signAgreementToMediate, async (request) =>
    atm.signAgreementToMediate(
      deps,
      request.actor,
      request.params.caseId,
      request.body,
      requestMeta(request),
    ),
  );
  route(app, contract.writeDisclosure, async (request) =>
    atm.writeDisclosure(deps, request.actor, request.params.caseId, request.body, requestLanguage(request)),
  );
  route(app, contract.getAgreementToMediatePdf, async ({ actor, params, query }) => {
    const { pdf, filename } = await atm.agreementToMediatePdf(deps, actor, params.caseId, query.language);
    return { data: pdf, filename };
  });
}
