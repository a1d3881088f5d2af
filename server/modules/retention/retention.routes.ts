import * as contract from '../../../contracts/retention.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { caseReport, caseReportCsv } from './case-report.service.ts';
import { liftLegalHold, listLegalHolds, placeLegalHold } from './legal-holds.service.ts';
import { getRetention, setRetention } from './retention.service.ts';

export function retentionRoutes(app: App, deps: Deps) {
  route(app, contract.getRetention, async (request) =>
    getRetention(deps, request.actor, request.params.programId),
  );
  route(app, contract.setRetention, async (request) =>
    setRetention(deps, request.actor, request.params.programId, request.body),
  );
  route(app, contract.getCaseReport, async (request) =>
    caseReport(deps, request.actor, request.params.programId, request.query),
  );
  route(app, contract.downloadCaseReport, async (request) =>
    caseReportCsv(deps, request.actor, request.params.programId, request.query),
  );
  route(app, contract.listLegalHolds, async (request) =>
    listLegalHolds(deps, request.actor, request.params.caseId),
  );
  route(app, contract.placeLegalHold, async (request) =>
    placeLegalHold(deps, request.actor, request.params.caseId, request.body.reason),
  );
  route(app, contract.liftLegalHold, async (request) =>
    liftLegalHold(deps, request.actor, request.params.caseId, request.params.holdId, request.body.reason),
  );
}
