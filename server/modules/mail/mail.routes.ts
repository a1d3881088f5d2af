import { z } from 'zod';
import { notFound } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { listMailbox, readMailboxAttachment } from './mail.service.ts';

const tags = ['development'];

const MailboxEntry = z.object({
  id: z.string(),
  to: z.string(),
  template: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string() })),
});

/**
 * The development mailbox: in demo, development and test modes only, every message Parley
 * queued can be read here (there is no real inbox behind demo addresses). Never registered in
 * production.
 */
export function mailRoutes(app: App, deps: Deps) {
  if (!deps.config.showsDemoAids) return;
  app.get(
    '/api/v1/dev/mailbox',
    {
      schema: {
        tags,
        summary: 'Messages in the outbox (demo and development only)',
        querystring: z.object({
          to: z.string().max(254).optional(),
          before: z.string().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.array(MailboxEntry) },
      },
    },
    async (request) => listMailbox(deps, request.query),
  );
  app.get(
    '/api/v1/dev/mailbox/:emailId/attachments/:index',
    {
      schema: {
        tags,
        summary: "Download one message's attachment (demo and development only)",
        params: z.object({ emailId: z.string().max(64), index: z.coerce.number().int().min(0).max(20) }),
      },
    },
    async (request, reply) => {
      const attachment = await readMailboxAttachment(deps, request.params.emailId, request.params.index);
      if (!attachment) throw notFound('That attachment');
      const body = Buffer.from(attachment.content, attachment.encoding === 'base64' ? 'base64' : 'utf8');
      return reply
        .type(attachment.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, '_')}"`,
        )
        .send(body);
    },
  );
}
