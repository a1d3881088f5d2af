import * as caseLists from '../../../contracts/case-lists.ts';
import * as casePeople from '../../../contracts/case-people.ts';
import * as caseQueue from '../../../contracts/case-queue.ts';
import * as cases from '../../../contracts/cases.ts';
import * as requestDrafts from '../../../contracts/request-drafts.ts';
import { requestLanguage } from '../../http/language.ts';
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
  route(app, requestDrafts.getRequestDraft, async (request) => drafts.getRequestDraft(deps, request.actor));
  route(app, requestDrafts.saveRequestDraft, async (request) =>
    drafts.saveRequestDraft(deps, request.actor, request.body),
  );
  route(app, requestDrafts.deleteRequestDraft, async (request) =>
    drafts.deleteRequestDraft(deps, request.actor),
  );
  route(app, caseLists.listMyCases, async (request) =>
    listMyCases(deps, request.actor, requestLanguage(request)),
  );
  route(app, cases.getMyHome, async (request) => getMyHome(deps, request.actor, requestLanguage(request)));
  route(app, cases.getMediatorDesk, async (request) => getMediatorDesk(deps, request.actor));
  route(app, caseLists.listProgramCases, async (request) =>
    listProgramCases(deps, request.actor, request.params.programId),
  );
  route(app, caseQueue.listQueue, async (request) =>
    queue.listQueue(deps, request.actor, request.params.programId, request.query),
  );
  route(app, caseQueue.downloadQueue, async (request) =>
    queue.queueCsv(deps, request.actor, request.params.programId, request.query),
  );
  route(app, caseQueue.extendDeadline, async (request) =>
    queue.extendDeadline(deps, request.actor, request.params.caseId, request.params.deadlineId, request.body),
  );
  route(app, cases.getCase, async (request) =>
    getCase(deps, request.actor, request.params.caseId, requestLanguage(request)),
  );
  on.case(cases.setDueProcess, setDueProcess);
  on.casePdf(cases.getRequestLetter, requestLetterPdf);
  on.case(casePeople.respondToRequest, consent.respondToRequest);
  on.case(casePeople.requestOptOut, consent.requestOptOut);
  on.case(casePeople.withdrawCase, consent.withdrawCase);
  on.case(casePeople.addParticipant, participants.addParticipant);
  on.case(casePeople.agreeToMoreCompanions, participants.agreeToMoreCompanions);
  on.case(casePeople.updateMyContact, participants.updateMyContact);
}
