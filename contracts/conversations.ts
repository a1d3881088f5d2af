import { z } from 'zod';
import { THREADS } from '../domain/case-talk.ts';
import { Can } from './can.ts';
import { CaseParams } from './cases.ts';
import { Id } from './id.ts';
import { defineRoute } from './route.ts';

/**
 * Secure messages in a case: a side with the mediator, the mediators among themselves, the
 * mediators with the program, and everyone at the table once the mediator opens it (never on a
 * case with a screening safeguard). Each person is answered only the conversations they read.
 */

const tags = ['messages'];

export const ThreadParams = CaseParams.extend({
  thread: z.enum(THREADS, 'Choose one of the case’s conversations'),
});
export type ThreadParams = z.infer<typeof ThreadParams>;

/** An attached document: its latest version's name and number, to download it. */
export const MessageAttachment = z.object({ documentId: z.string(), name: z.string(), version: z.number() });
export const Message = z.object({
  id: z.string(),
  author: z.string(),
  mine: z.boolean(),
  body: z.string(),
  sentAt: z.string(),
  /** The attached documents this reader may open. */
  attachments: z.array(MessageAttachment),
  /** How many attached documents are not shared with this reader. */
  hiddenAttachments: z.number(),
});
export type Message = z.infer<typeof Message>;

export const ThreadView = z.object({
  id: z.enum(THREADS),
  label: z.string(),
  /** Who reads it, in words. */
  readers: z.string(),
  messages: z.array(Message),
  can: Can('write'),
});
export type ThreadView = z.infer<typeof ThreadView>;

export const Conversations = z.object({
  threads: z.array(ThreadView),
  /** Why there is no conversation with everyone (a screening safeguard), for the mediator; else null. */
  everyoneRefused: z.string().nullable(),
  can: Can('openEveryone'),
});
export type Conversations = z.infer<typeof Conversations>;

export const listConversations = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/threads',
  summary: 'The case’s conversations this person reads, with their messages',
  tags,
  params: CaseParams,
  response: { 200: Conversations },
});

export const WriteMessageBody = z.object({
  body: z
    .string('Write your message')
    .trim()
    .min(1, 'Write your message')
    .max(10_000, 'Keep the message under 10,000 characters'),
  documentIds: z
    .array(Id, 'Choose documents from the case’s folder')
    .max(10, 'Attach at most 10 documents')
    .optional(),
});
export type WriteMessageBody = z.infer<typeof WriteMessageBody>;

export const writeMessage = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/threads/:thread/messages',
  summary: 'Write a message in one of the case’s conversations',
  tags,
  params: ThreadParams,
  body: WriteMessageBody,
  response: { 201: Message },
});

export const openThread = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/threads/:thread/open',
  summary: 'Open the conversation with everyone at the table (the mediator)',
  tags,
  params: ThreadParams,
  response: { 200: Conversations },
});
