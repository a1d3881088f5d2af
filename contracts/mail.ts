import { z } from 'zod';
import { defineRoute, fileBody } from './route.ts';

/**
 * The development mailbox: in demo, development and test modes only, every message Parley
 * queued can be read here (there is no real inbox behind demo addresses). Never in production.
 */

const tags = ['development'];

export const MailboxEntry = z.object({
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
export type MailboxEntry = z.infer<typeof MailboxEntry>;
export const MailboxQuery = z.object({
  to: z.string().max(254).optional(),
  before: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MailboxQuery = z.infer<typeof MailboxQuery>;
export const listMailbox = defineRoute({
  method: 'GET',
  path: '/api/v1/dev/mailbox',
  summary: 'Messages in the outbox (demo and development only)',
  tags,
  query: MailboxQuery,
  response: { 200: z.array(MailboxEntry) },
});

export const AttachmentParams = z.object({
  emailId: z.string().max(64),
  index: z.coerce.number().int().min(0).max(20),
});
export type AttachmentParams = z.infer<typeof AttachmentParams>;
export const getMailboxAttachment = defineRoute({
  method: 'GET',
  path: '/api/v1/dev/mailbox/:emailId/attachments/:index',
  summary: "Download one message's attachment (demo and development only)",
  tags,
  params: AttachmentParams,
  response: {
    200: fileBody(
      ['application/octet-stream', 'application/pdf', 'text/calendar'],
      'The attachment as it was sent',
    ),
  },
});
