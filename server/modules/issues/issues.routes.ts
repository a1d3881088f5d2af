import * as contract from '../../../contracts/issues.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as issues from './issues.service.ts';

/** The issues board and its options. */
export function issuesRoutes(app: App, deps: Deps) {
  route(app, contract.getIssueBoard, async ({ actor, params }) =>
    issues.getBoard(deps, actor, params.caseId),
  );
  route(app, contract.addIssue, async ({ actor, params, body }) =>
    issues.addIssue(deps, actor, params.caseId, body),
  );
  route(app, contract.updateIssue, async ({ actor, params, body }) =>
    issues.updateIssue(deps, actor, params.caseId, params.issueId, body),
  );
  route(app, contract.proposeOption, async ({ actor, params, body }) =>
    issues.proposeOption(deps, actor, params.caseId, params.issueId, body),
  );
  route(app, contract.releaseOption, async ({ actor, params }) =>
    issues.releaseOption(deps, actor, params.caseId, params.optionId),
  );
}
