import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { eventsRoutes } from '../events/events.routes.ts';
import { jobsBoardRoutes } from '../jobs-board/jobs-board.routes.ts';
import { libraryRoutes } from '../library/library.routes.ts';
import { newsletterRoutes } from '../newsletter/newsletter.routes.ts';
import { membershipRoutes } from './membership.routes.ts';
import { progressRoutes } from './progress.routes.ts';

/** The association's areas (membership, trainings and events, forms, newsletter, jobs), registered together. */
export function associationRoutes(app: App, deps: Deps) {
  membershipRoutes(app, deps);
  eventsRoutes(app, deps);
  progressRoutes(app, deps);
  libraryRoutes(app, deps);
  newsletterRoutes(app, deps);
  jobsBoardRoutes(app, deps);
}
