import * as contract from '../../../contracts/library.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { uploadBodyLimit } from '../files/files.service.ts';
import * as library from './library.service.ts';

export function libraryRoutes(app: App, deps: Deps) {
  route(app, contract.listForms, async ({ actor }) => library.listForms(deps, actor));
  route(app, contract.addForm, async ({ actor, body }) => library.createForm(deps, actor, body), {
    bodyLimit: uploadBodyLimit('libraryForm'),
  });
  route(app, contract.listVersions, async ({ actor, params }) =>
    library.listVersions(deps, actor, params.formId),
  );
  route(
    app,
    contract.addVersion,
    async ({ actor, params, body }) => library.addVersion(deps, actor, params.formId, body),
    { bodyLimit: uploadBodyLimit('libraryForm') },
  );
  route(app, contract.listLibraryForms, async ({ actor, query }) =>
    library.listFormsForStaff(deps, actor, query),
  );
  route(app, contract.downloadLibraryForms, async ({ actor, query }) => library.formsCsv(deps, actor, query));
  route(app, contract.downloadForm, async ({ actor, params, query }) =>
    library.download(deps, actor, params.formId, query.version),
  );
}
