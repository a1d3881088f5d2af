import * as contract from '../../../contracts/agreements.ts';
import { route } from '../../http/route.ts';
import { requestMeta } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { uploadBodyLimit } from '../files/files.service.ts';
import * as agreements from './agreements.service.ts';
import * as signing from './signing.service.ts';

/** The written agreement: versions, comments, signing, the court's approval and the PDF. */
export function agreementsRoutes(app: App, deps: Deps) {
  route(app, contract.getAgreement, async ({ actor, params }) =>
    agreements.getAgreement(deps, actor, params.caseId),
  );
  route(app, contract.getAgreementDrafting, async ({ actor, params }) =>
    agreements.getDrafting(deps, actor, params.caseId),
  );
  route(app, contract.draftAgreement, async ({ actor, params, body }) =>
    agreements.draftAgreement(deps, actor, params.caseId, body),
  );
  route(app, contract.getAgreementDiff, async ({ actor, params, query }) =>
    agreements.agreementDiff(deps, actor, params.caseId, query.from, query.to),
  );
  route(app, contract.commentOnAgreement, async ({ actor, params, body }) =>
    agreements.commentOnAgreement(deps, actor, params.caseId, body.body),
  );
  route(app, contract.signAgreement, async (request) =>
    signing.signAgreement(deps, request.actor, request.params.caseId, request.body, requestMeta(request)),
  );
  route(
    app,
    contract.uploadSignedCopy,
    async ({ actor, params, body }) => signing.uploadSignedCopy(deps, actor, params.caseId, body),
    { bodyLimit: uploadBodyLimit('signedAgreement') },
  );
  route(app, contract.getSignedCopy, async ({ actor, params }) =>
    signing.signedCopy(deps, actor, params.caseId),
  );
  route(app, contract.recordCourtApproval, async ({ actor, params, body }) =>
    agreements.recordCourtApproval(deps, actor, params.caseId, body.approvedOn),
  );
  route(app, contract.getAgreementPdf, async ({ actor, params }) => {
    const { pdf, filename } = await signing.agreementPdf(deps, actor, params.caseId);
    return { data: pdf, filename };
  });
}
