import * as contract from '../../../contracts/issues.ts';
import { requestLanguage } from '../../http/language.ts';
import { route, scopedRoutes } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as issues from './issues.service.ts';

/** The issues board and its options. */
export function issuesRoutes(app: App, deps: Deps) {
  // A program's issues and where each stands read in the page's language.
  route(app, contract.getIssueBoard, async (request) =>
    issues.getBoard(deps, request.actor, request.params.caseId, requestLanguage(request)),
  );
  route(app, contract.addIssue, async (request) =>
    issues.addIssue(deps, request.actor, request.params.caseId, request.body, requestLanguage(request)),
  );
  const on = scopedRoutes(app, deps);
  on.caseItem(contract.updateIssue, 'issueId', issues.updateIssue);
  on.caseItem(contract.proposeOption, 'issueId', issues.proposeOption);
  on.caseItem(contract.releaseOption, 'optionId', issues.releaseOption);
}
