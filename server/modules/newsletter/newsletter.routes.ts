import { z } from 'zod';
import { patchOf } from '../../../contracts/patch.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as newsletter from './newsletter.service.ts';

const tags = ['association: newsletter'];
const Issue = z.object({
  id: z.string(),
  title: z.string(),
  issueLabel: z.string(),
  summary: z.string(),
  body: z.string(),
  status: z.string(),
  publishedAt: z.string().nullable(),
});
const IssueFields = z.object({
  title: z.string().trim().min(3, 'Enter a title').max(160),
  issueLabel: z.string().trim().min(2, 'Enter the issue, e.g. Spring 2026').max(60),
  summary: z.string().trim().max(500).default(''),
  body: z.string().trim().min(20, 'Write at least a few sentences').max(50_000),
});
const IssueParams = z.object({ issueId: z.string().min(1).max(64) });
const Subscription = z.object({ subscribed: z.boolean() });

export function newsletterRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/association/newsletter',
    { schema: { tags, summary: 'The Communicator archive (members)', response: { 200: z.array(Issue) } } },
    async (request) => newsletter.listIssues(deps, request.actor),
  );
  app.post(
    '/api/v1/association/newsletter',
    { schema: { tags, summary: 'Draft an issue (staff)', body: IssueFields, response: { 201: Issue } } },
    async (request, reply) =>
      reply.status(201).send(await newsletter.createIssue(deps, request.actor, request.body)),
  );
  app.get(
    '/api/v1/association/newsletter/:issueId',
    { schema: { tags, summary: 'One issue (members)', params: IssueParams, response: { 200: Issue } } },
    async (request) => newsletter.getIssue(deps, request.actor, request.params.issueId),
  );
  app.patch(
    '/api/v1/association/newsletter/:issueId',
    {
      schema: {
        tags,
        summary: 'Edit a draft (staff)',
        params: IssueParams,
        body: patchOf(IssueFields),
        response: { 200: Issue },
      },
    },
    async (request) => newsletter.updateIssue(deps, request.actor, request.params.issueId, request.body),
  );
  app.post(
    '/api/v1/association/newsletter/:issueId/publish',
    {
      schema: {
        tags,
        summary: 'Publish to the archive and mail it to members (staff)',
        params: IssueParams,
        response: { 200: Issue },
      },
    },
    async (request) => newsletter.publishIssue(deps, request.actor, request.params.issueId),
  );
  app.post(
    '/api/v1/association/newsletter/unsubscribe',
    {
      schema: {
        tags,
        summary: 'Stop newsletter e-mail with the link from an issue (no sign-in needed)',
        body: z.object({ token: z.string().min(10, 'The link is incomplete').max(300) }),
        response: { 200: Subscription },
      },
    },
    async (request) => newsletter.unsubscribeByToken(deps, request.body.token),
  );
  app.get(
    '/api/v1/association/newsletter-subscription',
    { schema: { tags, summary: 'Whether I get the newsletter by e-mail', response: { 200: Subscription } } },
    async (request) => newsletter.subscription(deps, request.actor),
  );
  app.put(
    '/api/v1/association/newsletter-subscription',
    {
      schema: {
        tags,
        summary: 'Choose whether I get the newsletter by e-mail',
        body: Subscription,
        response: { 200: Subscription },
      },
    },
    async (request) => newsletter.setSubscription(deps, request.actor, request.body.subscribed),
  );
}
