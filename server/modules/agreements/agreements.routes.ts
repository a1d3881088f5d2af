import * as contract from '../../../contracts/agreements.ts';
import { requestLanguage } from '../../http/language.ts';
import { route, scopedRoutes } from '../../http/route.ts';
import { requestMeta } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { uploadBodyLimit } from '../files/files.service.ts';
import * as agreements from './agreements.service.ts';
import { recordCourtApproval } from './court-approval.service.ts';
import * as signing from './signing.service.ts';

/** The written agreement: versions, comments, signing, the court's approval and the PDF. */
export function agreementsRoutes(app: App, deps: Deps) {
  const on = scopedRoutes(app, deps);
  route(app, contract.getAgreement, async (request) =>
    agreements.getAgreement(deps, request.actor, request.params.caseId, requestLanguage(request)),
  );
  on.case(contract.getAgreementDrafting, agreements.getDrafting);
  on.case(contract.draftAgreement, agreements.draftAgreement);
  on.case(contract.sendAgreement, agreements.sendAgreement);
  route(app, contract.getAgreementDiff, async ({ actor, params, query }) =>
    agreements.agreementDiff(deps, actor, params.caseId, query.from, query.to),
  );
  on.case(contract.commentOnAgreement, agreements.commentOnAgreement);
  route(app, contract.signAgreement, async (request) =>
    signing.signAgreement(deps, request.actor, request.params.caseId, request.body, requestMeta(request)),
  );
  on.case(contract.uploadSignedCopy, signing.uploadSignedCopy, {
    bodyLimit: uploadBodyLimit('signedAgreement'),
  });
  on.case(contract.getSignedCopy, signing.signedCopy);
  on.case(contract.recordCourtApproval, recordCourtApproval);
  route(app, contract.getAgreementPdf, async ({ actor, params, query }) => {
    const { pdf, filename } = await signing.agreementPdf(deps, actor, params.caseId, query.language);
    return { data: pdf, filename };
  });
}
