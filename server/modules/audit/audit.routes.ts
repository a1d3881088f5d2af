import * as contract from '../../../contracts/audit.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { listAuditEvents } from './audit.service.ts';
import { verifyAuditTrailAs } from './checkpoints.ts';

export function auditRoutes(app: App, deps: Deps) {
  route(app, contract.verifyAuditTrail, async (request) => verifyAuditTrailAs(deps, request.actor));
  route(app, contract.listAuditEvents, async (request) =>
    listAuditEvents(deps.db, request.actor, request.query),
  );
}
