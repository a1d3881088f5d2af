import { z } from 'zod';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { CaseParams } from '../cases/cases.schemas.ts';
import * as dq from './disqualification.service.ts';
import * as selection from './selection.service.ts';

const tags = ['mediator selection'];
const RequestParams = CaseParams.extend({ requestId: z.string().min(1).max(64) });
const reason = z.string().trim().min(1, 'Enter the reason').max(2000, 'Keep it under 2000 characters');

export function selectionRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/cases/:caseId/mediator-options',
    {
      schema: { tags, summary: 'The mediators this case may be offered, and the picks', params: CaseParams },
    },
    async (request) => selection.mediatorOptions(deps, request.actor, request.params.caseId),
  );
  app.put(
    '/api/v1/cases/:caseId/mediator-picks',
    {
      schema: {
        tags,
        summary: 'Mark the mediators my side would accept',
        params: CaseParams,
        body: z.object({
          mediatorIds: z.array(z.string().min(1).max(64)).min(1, 'Choose at least one mediator').max(50),
        }),
      },
    },
    async (request) => selection.pickMediators(deps, request.actor, request.params.caseId, request.body),
  );
  app.post(
    '/api/v1/cases/:caseId/mediator/appointment',
    {
      schema: {
        tags,
        summary: 'Appoint a mediator, or the next in rotation',
        params: CaseParams,
        body: z
          .object({ mediatorId: z.string().min(1).max(64).optional(), rotation: z.boolean().optional() })
          .refine((b) => Boolean(b.mediatorId) !== Boolean(b.rotation), {
            message: 'Choose a mediator or rotation',
            path: ['mediatorId'],
          }),
      },
    },
    async (request) => selection.appointMediator(deps, request.actor, request.params.caseId, request.body),
  );
  app.post(
    '/api/v1/cases/:caseId/mediator/response',
    {
      schema: {
        tags,
        summary: 'The offered mediator accepts (disclosing any conflict) or declines',
        params: CaseParams,
        body: z.object({
          accept: z.boolean('Say yes or no'),
          conflict: z
            .enum(['none', 'disclosed'], 'Say whether you have a conflict to disclose')
            .default('none'),
          disclosure: z.string().max(4000, 'Keep it under 4000 characters').optional(),
        }),
      },
    },
    async (request) => selection.respondToOffer(deps, request.actor, request.params.caseId, request.body),
  );
  app.get(
    '/api/v1/cases/:caseId/disqualification-requests',
    { schema: { tags, summary: 'Requests to disqualify the mediator', params: CaseParams } },
    async (request) => dq.listDisqualifications(deps, request.actor, request.params.caseId),
  );
  app.post(
    '/api/v1/cases/:caseId/disqualification-requests',
    {
      schema: {
        tags,
        summary: 'Ask to disqualify the mediator for cause',
        params: CaseParams,
        body: z.object({ reason }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await dq.requestDisqualification(deps, request.actor, request.params.caseId, request.body)),
  );
  app.post(
    '/api/v1/cases/:caseId/disqualification-requests/:requestId/denial',
    {
      schema: {
        tags,
        summary: 'Deny a request to disqualify (Rule 88.04)',
        params: RequestParams,
        body: z.object({ reason }),
      },
    },
    async (request) =>
      dq.denyDisqualification(
        deps,
        request.actor,
        request.params.caseId,
        request.params.requestId,
        request.body,
      ),
  );
  app.post(
    '/api/v1/cases/:caseId/disqualification-requests/:requestId/decision',
    {
      schema: {
        tags,
        summary: 'Decide a request to disqualify',
        params: RequestParams,
        body: z.object({ grant: z.boolean('Say whether the request is granted') }),
      },
    },
    async (request) =>
      dq.decideDisqualification(
        deps,
        request.actor,
        request.params.caseId,
        request.params.requestId,
        request.body,
      ),
  );
}
