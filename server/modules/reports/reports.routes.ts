import * as contract from '../../../contracts/reports.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { dashboard, getReportSettings, setReportSettings } from './reports.service.ts';

export function reportsRoutes(app: App, deps: Deps) {
  route(app, contract.getDashboard, async (request) =>
    dashboard(deps, request.actor, request.params.programId, request.query),
  );
  route(app, contract.getReportSettings, async (request) =>
    getReportSettings(deps, request.actor, request.params.programId),
  );
  route(app, contract.setReportSettings, async (request) =>
    setReportSettings(deps, request.actor, request.params.programId, request.body),
  );
}
