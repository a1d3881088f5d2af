import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { eventsRoutes } from '../events/events.routes.ts';
import { membershipRoutes } from './membership.routes.ts';

/** The association's areas (membership, trainings and events, forms, newsletter, jobs), registered together. */
export function associationRoutes(app: App, deps: Deps) {
  membershipRoutes(app, deps);
  eventsRoutes(app, deps);
}
