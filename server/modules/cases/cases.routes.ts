import * as cases from '../../../contracts/cases.ts';
import { route, scopedRoutes } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { getCase, listMyCases, listProgramCases, setDueProcess } from './cases.service.ts';
import * as consent from './consent.service.ts';
import { getMediatorDesk } from './desk.service.ts';
import { getMyHome } from './home.service.ts';
import { createCase } from './intake.service.ts';
import * as participants from './participants.service.ts';
import * as queue from './queue.service.ts';
import * as drafts from './request-drafts.service.ts';
import { requestLetterPdf } from './request-letter.ts';

/** Cases up to "ready to schedule", with their screening, mediator choice and Agreement to Mediate. */
export function casesRoutes(app: App, deps: Deps) {
  const on = scopedRoutes(app, deps);
  route(app, cases.createCase, async (request) => createCase(deps, request.actor, request.body));
  route(app, cases.getRequestDraft, async (request) => drafts.getRequestDraft(deps, request.actor));
  route(app, cases.saveRequestDraft, async (request) =>
    drafts.saveRequestDraft(deps, request.actor, request.body),
  );
  route(app, cases.deleteRequestDraft, async (request) => drafts.deleteRequestDraft(deps, request.actor));
  route(app, cases.listMyCases, async (request) => listMyCases(deps, request.actor));
  route(app, cases.getMyHome, async (request) => getMyHome(deps, request.actor));
  route(app, cases.getMediatorDesk, async (request) => getMediatorDesk(deps, request.actor));
  route(app, cases.listProgramCases, async (request) =>
    listProgramCases(deps, request.actor, request.params.programId),
  );
  route(app, cases.listQueue, async (request) =>
    queue.listQueue(deps, request.actor, request.params.programId, request.query),
  );
  route(app, cases.downloadQueue, async (request) =>
    queue.queueCsv(deps, request.actor, request.params.programId, request.query),
  );
  route(app, cases.extendDeadline, async (request) =>
    queue.extendDeadline(deps, request.actor, request.params.caseId, request.params.deadlineId, request.body),
  );
  on.case(cases.getCase, getCase);
  on.case(cases.setDueProcess, setDueProcess);
  on.casePdf(cases.getRequestLetter, requestLetterPdf);
  on.case(cases.respondToRequest, consent.respondToRequest);
  on.case(cases.requestOptOut, consent.requestOptOut);
  on.case(cases.withdrawCase, consent.withdrawCase);
  on.case(cases.addParticipant, participants.addParticipant);
  on.case(cases.agreeToMoreCompanions, participants.agreeToMoreCompanions);
  on.case(cases.updateMyContact, participants.updateMyContact);
}
