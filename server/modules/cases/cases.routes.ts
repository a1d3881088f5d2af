import { z } from 'zod';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { sendDownload } from '../files/files.service.ts';
import {
  AddParticipantBody,
  CaseParams,
  ConsentBody,
  ContactBody,
  CreateCaseBody,
  OptOutBody,
  ProgramCaseParams,
} from './cases.schemas.ts';
import * as cases from './cases.service.ts';
import * as consent from './consent.service.ts';
import { createCase } from './intake.service.ts';
import * as participants from './participants.service.ts';
import { requestLetterPdf } from './request-letter.ts';

const tags = ['cases'];
const ok = z.object({}).passthrough();

/** Cases up to "ready to schedule", with their screening, mediator choice and Agreement to Mediate. */
export function casesRoutes(app: App, deps: Deps) {
  app.post(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'Ask for mediation (a party), or enter a request (a coordinator)',
        body: CreateCaseBody,
      },
    },
    async (request, reply) => reply.status(201).send(await createCase(deps, request.actor, request.body)),
  );
  app.get('/api/v1/cases', { schema: { tags, summary: 'My cases, and cases I mediate' } }, async (request) =>
    cases.listMyCases(deps, request.actor),
  );
  app.get(
    '/api/v1/programs/:programId/cases',
    { schema: { tags, summary: "A program's intake queue and cases", params: ProgramCaseParams } },
    async (request) => cases.listProgramCases(deps, request.actor, request.params.programId),
  );
  app.get(
    '/api/v1/cases/:caseId',
    {
      schema: {
        tags,
        summary: 'A case, as the caller may see it',
        params: CaseParams,
        response: { 200: ok },
      },
    },
    async (request) => cases.getCase(deps, request.actor, request.params.caseId),
  );
  app.get(
    '/api/v1/cases/:caseId/request-letter.pdf',
    {
      schema: {
        tags,
        summary: 'The written request for special-education mediation (PDF)',
        params: CaseParams,
      },
    },
    async (request, reply) => {
      const { pdf, filename } = await requestLetterPdf(deps, request.actor, request.params.caseId);
      return sendDownload(reply, { data: pdf, filename, contentType: 'application/pdf' });
    },
  );
  app.post(
    '/api/v1/cases/:caseId/response',
    {
      schema: {
        tags,
        summary: 'The other side agrees to mediate or declines',
        params: CaseParams,
        body: ConsentBody,
      },
    },
    async (request) => consent.respondToRequest(deps, request.actor, request.params.caseId, request.body),
  );
  app.post(
    '/api/v1/cases/:caseId/opt-out',
    {
      schema: {
        tags,
        summary: 'A written opt-out request (Rule 17.03)',
        params: CaseParams,
        body: OptOutBody,
      },
    },
    async (request) => consent.requestOptOut(deps, request.actor, request.params.caseId, request.body),
  );
  app.post(
    '/api/v1/cases/:caseId/withdraw',
    { schema: { tags, summary: 'Withdraw the case', params: CaseParams } },
    async (request) => consent.withdrawCase(deps, request.actor, request.params.caseId),
  );
  app.post(
    '/api/v1/cases/:caseId/participants',
    {
      schema: {
        tags,
        summary: 'Add an advocate, support person, attorney or interpreter',
        params: CaseParams,
        body: AddParticipantBody,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await participants.addParticipant(deps, request.actor, request.params.caseId, request.body)),
  );
  app.post(
    '/api/v1/cases/:caseId/companion-agreement',
    { schema: { tags, summary: 'Agree that each side may bring more people', params: CaseParams } },
    async (request) => participants.agreeToMoreCompanions(deps, request.actor, request.params.caseId),
  );
  app.put(
    '/api/v1/cases/:caseId/my-contact',
    { schema: { tags, summary: 'My address and phone on this case', params: CaseParams, body: ContactBody } },
    async (request) => participants.updateMyContact(deps, request.actor, request.params.caseId, request.body),
  );
}
