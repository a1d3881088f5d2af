import * as cases from '../../../contracts/cases.ts';
import { route } from '../../http/route.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { getCase, listMyCases, listProgramCases } from './cases.service.ts';
import * as consent from './consent.service.ts';
import { createCase } from './intake.service.ts';
import * as participants from './participants.service.ts';
import { requestLetterPdf } from './request-letter.ts';

/** Cases up to "ready to schedule", with their screening, mediator choice and Agreement to Mediate. */
export function casesRoutes(app: App, deps: Deps) {
  route(app, cases.createCase, async (request) => createCase(deps, request.actor, request.body));
  route(app, cases.listMyCases, async (request) => listMyCases(deps, request.actor));
  route(app, cases.listProgramCases, async (request) =>
    listProgramCases(deps, request.actor, request.params.programId),
  );
  route(app, cases.getCase, async (request) => getCase(deps, request.actor, request.params.caseId));
  route(app, cases.getRequestLetter, async (request) => {
    const { pdf, filename } = await requestLetterPdf(deps, request.actor, request.params.caseId);
    return { data: pdf, filename };
  });
  route(app, cases.respondToRequest, async (request) =>
    consent.respondToRequest(deps, request.actor, request.params.caseId, request.body),
  );
  route(app, cases.requestOptOut, async (request) =>
    consent.requestOptOut(deps, request.actor, request.params.caseId, request.body),
  );
  route(app, cases.withdrawCase, async (request) =>
    consent.withdrawCase(deps, request.actor, request.params.caseId),
  );
  route(app, cases.addParticipant, async (request) =>
    participants.addParticipant(deps, request.actor, request.params.caseId, request.body),
  );
  route(app, cases.agreeToMoreCompanions, async (request) =>
    participants.agreeToMoreCompanions(deps, request.actor, request.params.caseId),
  );
  route(app, cases.updateMyContact, async (request) =>
    participants.updateMyContact(deps, request.actor, request.params.caseId, request.body),
  );
}
