import { z } from 'zod';
import { requestMeta, setSessionCookie } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import {
  AcceptInvitationBody,
  CreateInvitationBody,
  DeclineInvitationBody,
  InvitationLookupBody,
  InvitationPreview,
  InvitationSummary,
  ProgramParams,
} from './invitations.schemas.ts';
import * as invitations from './invitations.service.ts';

const tags = ['invitations'];

export function invitationsRoutes(app: App, deps: Deps) {
  app.post(
    '/api/v1/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a person by e-mail to a role in a program or the association',
        body: CreateInvitationBody,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await invitations.inviteToProgram(deps, request.actor, request.body)),
  );

  app.post(
    '/api/v1/invitations/lookup',
    {
      schema: {
        tags,
        summary: 'What an invitation link is for',
        body: InvitationLookupBody,
        response: { 200: InvitationPreview },
      },
    },
    async (request) => invitations.previewInvitation(deps, request.body.token),
  );

  app.post(
    '/api/v1/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation, creating an account if needed',
        body: AcceptInvitationBody,
        response: { 200: z.object({ userId: z.string(), caseId: z.string().nullable() }) },
      },
    },
    async (request, reply) => {
      const result = await invitations.acceptInvitation(
        deps,
        request.actor,
        request.body,
        requestMeta(request),
      );
      if (result.sessionToken) setSessionCookie(deps, request, reply, result.sessionToken);
      return { userId: result.userId, caseId: result.caseId };
    },
  );

  app.post(
    '/api/v1/invitations/decline',
    {
      schema: {
        tags,
        summary: 'Say no to an invitation from its link (no account needed), where its area allows it',
        body: DeclineInvitationBody,
        response: { 200: z.object({ declined: z.literal(true), caseId: z.string().nullable() }) },
      },
    },
    async (request) => invitations.declineInvitation(deps, request.body, requestMeta(request)),
  );

  app.get(
    '/api/v1/programs/:programId/invitations',
    {
      schema: {
        tags,
        summary: "A program's invitations",
        params: ProgramParams,
        response: { 200: z.array(InvitationSummary) },
      },
    },
    async (request) => invitations.listProgramInvitations(deps, request.actor, request.params.programId),
  );
}
