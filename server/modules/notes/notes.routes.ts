import * as contract from '../../../contracts/notes.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as coMediators from '../cases/co-mediators.service.ts';
import * as notes from './notes.service.ts';

/** The mediator's private notes, and the co-mediators who share them. */
export function notesRoutes(app: App, deps: Deps) {
  route(app, contract.listNotes, async ({ actor, params }) => notes.listNotes(deps, actor, params.caseId));
  route(app, contract.writeNote, async ({ actor, params, body }) =>
    notes.writeNote(deps, actor, params.caseId, body),
  );
  route(app, contract.updateNote, async ({ actor, params, body }) =>
    notes.updateNote(deps, actor, params.caseId, params.noteId, body.body),
  );
  route(app, contract.listCoMediators, async ({ actor, params }) =>
    coMediators.listCoMediators(deps, actor, params.caseId),
  );
  route(app, contract.addCoMediator, async ({ actor, params, body }) =>
    coMediators.addCoMediator(deps, actor, params.caseId, body.userId),
  );
}
