import * as contract from '../../../contracts/jobs-board.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as jobs from './jobs-board.service.ts';

export function jobsBoardRoutes(app: App, deps: Deps) {
  route(app, contract.listJobs, async ({ actor }) => jobs.listOpen(deps, actor));
  route(app, contract.listPublicJobs, async () => jobs.listPublic(deps));
  route(app, contract.postJob, async ({ actor, body }) => jobs.post(deps, actor, body));
  route(app, contract.withdrawJob, async ({ actor, params }) => jobs.withdraw(deps, actor, params.jobId));
  route(app, contract.listJobPostings, async ({ actor, query }) => jobs.listPostings(deps, actor, query));
  route(app, contract.downloadJobPostings, async ({ actor, query }) => jobs.postingsCsv(deps, actor, query));
  route(app, contract.getJobAlerts, async ({ actor }) => jobs.alerts(deps, actor));
  route(app, contract.setJobAlerts, async ({ actor, body }) => jobs.setAlerts(deps, actor, body.subscribed));
}
