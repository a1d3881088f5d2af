import * as contract from '../../../contracts/court.ts';
import { route, scopedRoutes } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { approveAsCourt } from '../agreements/court-approval.service.ts';
import { recordCourtRecord } from '../cases/court-record.service.ts';
import { decideDisqualificationAsCourt } from '../selection/disqualification.service.ts';
import { getCourtCase, listCourtCases } from './court.service.ts';
import { inviteCourtUser, listCourtUsers, removeCourtUser } from './court-users.service.ts';

/** The court's pages: its referred cases, and the court's own steps on them. */
export function courtRoutes(app: App, deps: Deps) {
  const on = scopedRoutes(app, deps);
  route(app, contract.listCourtCases, ({ actor, query }) => listCourtCases(deps, actor, query));
  on.case(contract.getCourtCase, getCourtCase);
  route(app, contract.decideCourtDisqualification, ({ actor, params, body }) =>
    decideDisqualificationAsCourt(deps, actor, params.caseId, params.requestId, body),
  );
  on.case(contract.approveCourtAgreement, approveAsCourt);
  on.case(contract.updateCourtRecord, recordCourtRecord);
  route(app, contract.listCourtUsers, ({ actor }) => listCourtUsers(deps, actor));
  route(app, contract.inviteCourtUser, ({ actor, body }) => inviteCourtUser(deps, actor, body));
  route(app, contract.removeCourtUser, ({ actor, params }) => removeCourtUser(deps, actor, params));
}
