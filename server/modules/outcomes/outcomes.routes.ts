import * as contract from '../../../contracts/outcomes.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { courtReport, courtReportPdf } from './court-report.ts';
import * as outcomes from './outcomes.service.ts';
import * as survey from './survey.service.ts';

/** Closing a case, its satisfaction surveys and the report to the court. */
export function outcomesRoutes(app: App, deps: Deps) {
  route(app, contract.closeCase, async ({ actor, params, body }) =>
    outcomes.closeCase(deps, actor, params.caseId, body.outcome),
  );
  route(app, contract.getOutcome, async ({ actor, params }) =>
    outcomes.getOutcome(deps, actor, params.caseId),
  );
  route(app, contract.getSurvey, async ({ actor, params }) => survey.getSurvey(deps, actor, params.caseId));
  route(app, contract.answerSurvey, async ({ actor, params, body }) =>
    survey.answerSurvey(deps, actor, params.caseId, body),
  );
  route(app, contract.getSurveySummary, async ({ actor, params }) =>
    survey.surveySummary(deps, actor, params.programId),
  );
  route(app, contract.getCourtReport, async ({ actor, params }) => courtReport(deps, actor, params.caseId));
  route(app, contract.getCourtReportPdf, async ({ actor, params }) => {
    const { pdf, filename } = await courtReportPdf(deps, actor, params.caseId);
    return { data: pdf, filename };
  });
}
