import { z } from 'zod';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as jobs from './jobs-board.service.ts';

const tags = ['association: job listings'];
const Alerts = z.object({ subscribed: z.boolean() });

export function jobsBoardRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/association/jobs',
    {
      schema: {
        tags,
        summary: 'Open job listings (members)',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              organization: z.string(),
              location: z.string(),
              description: z.string(),
              howToApply: z.string(),
              expiresOn: z.string(),
              postedAt: z.string(),
              postedBy: z.string(),
              mine: z.boolean(),
            }),
          ),
        },
      },
    },
    async (request) => jobs.listOpen(deps, request.actor),
  );
  app.post(
    '/api/v1/association/jobs',
    {
      schema: {
        tags,
        summary: 'Post an opening (members and staff)',
        body: z.object({
          title: z.string().trim().min(3, 'Enter a job title').max(160),
          organization: z.string().trim().min(2, 'Enter the organization').max(160),
          location: z.string().trim().min(2, 'Enter a place, or "Remote"').max(160),
          description: z.string().trim().min(20, 'Describe the job in a few sentences').max(5000),
          howToApply: z.string().trim().min(5, 'Say how to apply').max(1000),
          expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD'),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await jobs.post(deps, request.actor, request.body)),
  );
  app.post(
    '/api/v1/association/jobs/:jobId/withdraw',
    {
      schema: {
        tags,
        summary: 'Take a listing down (its poster or staff)',
        params: z.object({ jobId: z.string().min(1).max(64) }),
        response: { 200: z.object({ id: z.string(), status: z.string() }) },
      },
    },
    async (request) => jobs.withdraw(deps, request.actor, request.params.jobId),
  );
  app.get(
    '/api/v1/association/job-alerts',
    { schema: { tags, summary: 'Whether I get job alerts', response: { 200: Alerts } } },
    async (request) => jobs.alerts(deps, request.actor),
  );
  app.put(
    '/api/v1/association/job-alerts',
    { schema: { tags, summary: 'Turn job alerts on or off', body: Alerts, response: { 200: Alerts } } },
    async (request) => jobs.setAlerts(deps, request.actor, request.body.subscribed),
  );
}
