import * as contract from '../../../contracts/outcomes.ts';
import { route, scopedRoutes } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { courtReport, courtReportPdf } from './court-report.ts';
import * as outcomes from './outcomes.service.ts';
import * as survey from './survey.service.ts';

/** Closing a case, its satisfaction surveys and the report to the court. */
export function outcomesRoutes(app: App, deps: Deps) {
  const on = scopedRoutes(app, deps);
  route(app, contract.closeCase, async ({ actor, params, body }) =>
    outcomes.closeCase(deps, actor, params.caseId, body.outcome),
  );
  on.case(contract.getOutcome, outcomes.getOutcome);
  on.case(contract.getSurvey, survey.getSurvey);
  on.case(contract.answerSurvey, survey.answerSurvey);
  on.program(contract.getSurveySummary, survey.surveySummary);
  on.case(contract.getCourtReport, courtReport);
  route(app, contract.getCourtReportPdf, async ({ actor, params, query }) => {
    const { pdf, filename } = await courtReportPdf(deps, actor, params.caseId, query.language);
    return { data: pdf, filename };
  });
}
