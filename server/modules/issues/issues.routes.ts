import { z } from 'zod';
import { ISSUE_STATUSES } from '../../../domain/issues.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { CaseParams } from '../cases/cases.schemas.ts';
import * as issues from './issues.service.ts';

const tags = ['issues and options'];
const IssueParams = CaseParams.extend({ issueId: z.string().min(1).max(64) });

export function issuesRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/cases/:caseId/issues',
    { schema: { tags, summary: 'The issues board, as the caller may see it', params: CaseParams } },
    async (request) => issues.getBoard(deps, request.actor, request.params.caseId),
  );
  app.post(
    '/api/v1/cases/:caseId/issues',
    {
      schema: {
        tags,
        summary: 'Add an issue from the program’s list, or a custom one',
        params: CaseParams,
        body: z
          .object({
            templateId: z.string().min(1).max(64).optional(),
            title: z
              .string()
              .trim()
              .min(1, 'Name the issue')
              .max(200, 'Keep it under 200 characters')
              .optional(),
          })
          .refine((b) => b.templateId || b.title, {
            message: 'Choose an issue or name one',
            path: ['title'],
          }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issues.addIssue(deps, request.actor, request.params.caseId, request.body)),
  );
  app.patch(
    '/api/v1/cases/:caseId/issues/:issueId',
    {
      schema: {
        tags,
        summary: 'Where an issue stands',
        params: IssueParams,
        body: z.object({
          status: z
            .enum(ISSUE_STATUSES, 'Choose open, agreed, partly agreed, not agreed or deferred')
            .optional(),
          title: z.string().trim().min(1).max(200, 'Keep it under 200 characters').optional(),
        }),
      },
    },
    async (request) =>
      issues.updateIssue(deps, request.actor, request.params.caseId, request.params.issueId, request.body),
  );
  app.post(
    '/api/v1/cases/:caseId/issues/:issueId/options',
    {
      schema: {
        tags,
        summary: 'Propose an option, shared or private to the mediator',
        params: IssueParams,
        body: z.object({
          text: z
            .string('Write the option')
            .trim()
            .min(1, 'Write the option')
            .max(2000, 'Keep it under 2000 characters'),
          visibility: z.enum(['shared', 'private'], 'Choose shared or private'),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await issues.proposeOption(
            deps,
            request.actor,
            request.params.caseId,
            request.params.issueId,
            request.body,
          ),
        ),
  );
  app.post(
    '/api/v1/cases/:caseId/options/:optionId/release',
    {
      schema: {
        tags,
        summary: 'Share my private option with everyone',
        params: CaseParams.extend({ optionId: z.string().min(1).max(64) }),
      },
    },
    async (request) =>
      issues.releaseOption(deps, request.actor, request.params.caseId, request.params.optionId),
  );
}
