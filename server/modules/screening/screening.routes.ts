import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { CaseParams, ExceptionBody, ScreeningBody, ScreeningDecisionBody } from '../cases/cases.schemas.ts';
import * as screening from './screening.service.ts';

const tags = ['screening'];

export function screeningRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/cases/:caseId/screening',
    { schema: { tags, summary: 'My private screening questions and answers', params: CaseParams } },
    async (request) => screening.getMyScreening(deps, request.actor, request.params.caseId),
  );
  app.put(
    '/api/v1/cases/:caseId/screening',
    { schema: { tags, summary: 'Answer the private screening', params: CaseParams, body: ScreeningBody } },
    async (request) => screening.submitScreening(deps, request.actor, request.params.caseId, request.body),
  );
  app.get(
    '/api/v1/cases/:caseId/screening/responses',
    {
      schema: {
        tags,
        summary: 'Screening answers (mediator and screening coordinator only)',
        params: CaseParams,
      },
    },
    async (request) => screening.listScreeningResponses(deps, request.actor, request.params.caseId),
  );
  app.post(
    '/api/v1/cases/:caseId/screening/decision',
    {
      schema: {
        tags,
        summary: 'Proceed, proceed with safeguards, or not suitable',
        params: CaseParams,
        body: ScreeningDecisionBody,
      },
    },
    async (request) => screening.decideScreening(deps, request.actor, request.params.caseId, request.body),
  );
  app.get(
    '/api/v1/cases/:caseId/confidentiality-exceptions',
    { schema: { tags, summary: 'Recorded confidentiality exceptions', params: CaseParams } },
    async (request) => screening.listConfidentialityExceptions(deps, request.actor, request.params.caseId),
  );
  app.post(
    '/api/v1/cases/:caseId/confidentiality-exceptions',
    {
      schema: {
        tags,
        summary: 'Record a confidentiality exception (RSMo 435.014)',
        params: CaseParams,
        body: ExceptionBody,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await screening.recordConfidentialityException(
            deps,
            request.actor,
            request.params.caseId,
            request.body,
          ),
        ),
  );
}
