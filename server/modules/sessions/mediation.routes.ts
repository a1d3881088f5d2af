import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { agreementsRoutes } from '../agreements/agreements.routes.ts';
import { issuesRoutes } from '../issues/issues.routes.ts';
import { notesRoutes } from '../notes/notes.routes.ts';
import { outcomesRoutes } from '../outcomes/outcomes.routes.ts';
import { preparationRoutes } from '../preparation/preparation.routes.ts';
import { sessionsRoutes } from './sessions.routes.ts';

/** Cases from "ready to schedule" to the end: one entry in AREAS for all of part 2's routes. */
export function mediationRoutes(app: App, deps: Deps) {
  preparationRoutes(app, deps);
  sessionsRoutes(app, deps);
  notesRoutes(app, deps);
  issuesRoutes(app, deps);
  agreementsRoutes(app, deps);
  outcomesRoutes(app, deps);
}
