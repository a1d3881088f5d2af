import * as contract from '../../../contracts/reports.ts';
import { route, scopedRoutes } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { dashboardCsv, dashboardPdf } from './dashboard-files.ts';
import { federalCases, federalCsv, federalPdf, federalSection } from './federal.service.ts';
import {
  associationFigures,
  dashboard,
  getReportSettings,
  myFigures,
  publicSummary,
  setReportSettings,
} from './reports.service.ts';

export function reportsRoutes(app: App, deps: Deps) {
  route(app, contract.getDashboard, async (request) =>
    dashboard(deps, request.actor, request.params.programId, request.query),
  );
  route(app, contract.getAssociationFigures, async ({ actor, query }) =>
    associationFigures(deps, actor, query),
  );
  route(app, contract.getMyFigures, async ({ actor, params, query }) =>
    myFigures(deps, actor, params.programId, query),
  );
  route(app, contract.getDashboardCsv, async ({ actor, params, query }) =>
    dashboardCsv(deps, actor, params.programId, query),
  );
  route(app, contract.getDashboardPdf, async ({ actor, params, query }) =>
    dashboardPdf(deps, actor, params.programId, query),
  );
  route(app, contract.getFederalSection, async ({ actor, params, query }) =>
    federalSection(deps, actor, params.programId, query.year),
  );
  route(app, contract.getFederalCsv, async ({ actor, params, query }) =>
    federalCsv(deps, actor, params.programId, query.year),
  );
  route(app, contract.getFederalPdf, async ({ actor, params, query }) =>
    federalPdf(deps, actor, params.programId, query.year),
  );
  route(app, contract.getFederalCases, async ({ actor, params, query }) =>
    federalCases(deps, actor, params.programId, query.year, query.figure),
  );
  const on = scopedRoutes(app, deps);
  on.program(contract.getReportSettings, getReportSettings);
  on.program(contract.getPublicSummary, publicSummary);
  on.program(contract.setReportSettings, setReportSettings);
}
