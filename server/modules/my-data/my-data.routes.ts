import * as contract from '../../../contracts/my-data.ts';
import { requestLanguage } from '../../http/language.ts';
import { route } from '../../http/route.ts';
import { clearSessionCookie } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { deleteMyAccount, exportMyData, previewAccountDeletion } from './my-data.service.ts';

export function myDataRoutes(app: App, deps: Deps) {
  route(app, contract.exportMyData, async (request) => exportMyData(deps, request.actor));
  route(app, contract.previewAccountDeletion, async (request) =>
    previewAccountDeletion(deps, request.actor, requestLanguage(request)),
  );
  route(app, contract.deleteMyAccount, async (request, reply) => {
    const result = await deleteMyAccount(deps, request.actor, request.body, requestLanguage(request));
    clearSessionCookie(deps, request, reply);
    return result;
  });
}
