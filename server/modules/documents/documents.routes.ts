import * as contract from '../../../contracts/documents.ts';
import { route, scopedRoutes } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { uploadBodyLimit } from '../files/files.service.ts';
import * as documents from './documents.service.ts';
import * as sharing from './sharing.service.ts';

/** A case's document folder. */
export function documentsRoutes(app: App, deps: Deps) {
  const on = scopedRoutes(app, deps);
  const upload = { bodyLimit: uploadBodyLimit('caseDocument') };
  on.case(contract.listDocuments, documents.listDocuments);
  on.case(contract.uploadDocument, documents.uploadDocument, upload);
  route(
    app,
    contract.addDocumentVersion,
    async ({ actor, params, body }) =>
      documents.addDocumentVersion(deps, actor, params.caseId, params.documentId, body),
    upload,
  );
  route(app, contract.downloadDocument, async ({ actor, params }) =>
    documents.downloadDocument(deps, actor, params.caseId, params.documentId, params.version),
  );
  route(app, contract.setDocumentVisibility, async ({ actor, params, body }) =>
    sharing.setDocumentVisibility(deps, actor, params.caseId, params.documentId, body.visibility),
  );
  route(app, contract.askToShareDocument, async ({ actor, params }) =>
    sharing.askToShareDocument(deps, actor, params.caseId, params.documentId),
  );
  route(app, contract.answerShareRequest, async ({ actor, params, body }) =>
    sharing.answerShareRequest(deps, actor, params.caseId, params.documentId, body.agree),
  );
}
