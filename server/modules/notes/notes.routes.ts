import * as contract from '../../../contracts/notes.ts';
import { route, scopedRoutes } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as coMediators from '../cases/co-mediators.service.ts';
import * as notes from './notes.service.ts';

/** The mediator's private notes, and the co-mediators who share them. */
export function notesRoutes(app: App, deps: Deps) {
  const on = scopedRoutes(app, deps);
  on.case(contract.listNotes, notes.listNotes);
  on.case(contract.writeNote, notes.writeNote);
  on.caseItem(contract.updateNote, 'noteId', notes.updateNote);
  on.case(contract.listCoMediators, coMediators.listCoMediators);
  route(app, contract.addCoMediator, async ({ actor, params, body }) =>
    coMediators.addCoMediator(deps, actor, params.caseId, body.userId),
  );
}
