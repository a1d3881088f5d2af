import * as contract from '../../../contracts/invitations.ts';
import { requestLanguage } from '../../http/language.ts';
import { route } from '../../http/route.ts';
import { requestMeta, setSessionCookie } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as answers from './answers.service.ts';
import * as invitations from './invitations.service.ts';

export function invitationsRoutes(app: App, deps: Deps) {
  route(app, contract.createInvitation, async (request) =>
    invitations.inviteToProgram(deps, request.actor, request.body),
  );

  route(app, contract.previewInvitation, async (request) =>
    answers.previewInvitation(deps, request.body.token, requestLanguage(request)),
  );

  route(app, contract.acceptInvitation, async (request, reply) => {
    const result = await answers.acceptInvitation(deps, request.actor, request.body, requestMeta(request));
    if (result.sessionToken) setSessionCookie(deps, request, reply, result.sessionToken);
    return { userId: result.userId, caseId: result.caseId };
  });

  route(app, contract.declineInvitation, async (request) =>
    answers.declineInvitation(deps, request.body, requestMeta(request)),
  );

  route(app, contract.listProgramInvitations, async (request) =>
    invitations.listProgramInvitations(deps, request.actor, request.params.programId),
  );
}
