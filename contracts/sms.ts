import { z } from 'zod';
import { Can } from './can.ts';
import { defineRoute, NoContent } from './route.ts';

/**
 * Text messages: a person's mobile number (added, confirmed with a code sent to it, opted in or
 * out), the provider's inbound webhook (a STOP opts the number out), and the development text
 * outbox (demo, development and test modes only).
 */

const tags = ['text messages'];

export const MobileNumber = z.object({
  /** Whether Parley sends text messages here at all. */
  available: z.boolean(),
  /** Your number as you see it, "(573) 555-0142"; null when you gave none. */
  phone: z.string().nullable(),
  confirmed: z.boolean(),
  /** A code was sent and waits to be entered. */
  codeSent: z.boolean(),
  optedIn: z.boolean(),
  /** You answered STOP from this phone: no texts until you opt in again. */
  stopped: z.boolean(),
  can: Can('add', 'confirm', 'optIn', 'optOut', 'remove'),
});
export type MobileNumber = z.infer<typeof MobileNumber>;

export const getMobileNumber = defineRoute({
  method: 'GET',
  path: '/api/v1/account/mobile',
  summary: 'Your mobile number for text messages, and whether it is confirmed and opted in',
  tags,
  response: { 200: MobileNumber },
});

export const SetMobileBody = z.object({
  phone: z
    .string('Enter your mobile number')
    .trim()
    .min(1, 'Enter your mobile number')
    .max(30, 'Enter a US mobile number, like 573-555-0142'),
});
export type SetMobileBody = z.infer<typeof SetMobileBody>;

export const setMobileNumber = defineRoute({
  method: 'PUT',
  path: '/api/v1/account/mobile',
  summary: 'Add or change your mobile number: a code to confirm it is sent to it by text',
  tags,
  body: SetMobileBody,
  response: { 200: MobileNumber },
});

export const ConfirmMobileBody = z.object({
  code: z
    .string('Enter the code from the text')
    .trim()
    .regex(/^\d{6}$/, 'Enter the 6-digit code from the text'),
});
export type ConfirmMobileBody = z.infer<typeof ConfirmMobileBody>;

export const confirmMobileNumber = defineRoute({
  method: 'POST',
  path: '/api/v1/account/mobile/confirm',
  summary: 'Confirm your mobile number with the code sent to it',
  tags,
  body: ConfirmMobileBody,
  response: { 200: MobileNumber },
});

export const SetTextsBody = z.object({
  optedIn: z.boolean('Choose whether you want text messages'),
});
export type SetTextsBody = z.infer<typeof SetTextsBody>;

export const setTextMessages = defineRoute({
  method: 'PUT',
  path: '/api/v1/account/mobile/texts',
  summary: 'Opt in to text messages (session reminders, signatures needed), or out',
  tags,
  body: SetTextsBody,
  response: { 200: MobileNumber },
});

export const removeMobileNumber = defineRoute({
  method: 'DELETE',
  path: '/api/v1/account/mobile',
  summary: 'Remove your mobile number: no more text messages',
  tags,
  response: { 204: NoContent },
});

export const textsInbound = defineRoute({
  method: 'POST',
  path: '/api/v1/texts/inbound',
  summary:
    "The text provider's webhook for replies (Twilio's form, checked by its X-Twilio-Signature): STOP opts the number out",
  tags,
  response: { 204: NoContent },
});

export const OutboxText = z.object({
  id: z.string(),
  to: z.string(),
  template: z.string(),
  body: z.string(),
  status: z.string(),
  attempts: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxText = z.infer<typeof OutboxText>;

export const TextOutboxQuery = z.object({
  to: z.string().max(30).optional(),
  limit: z.coerce.number('Give the number of texts as a number').int().min(1).max(200).default(50),
});
export type TextOutboxQuery = z.infer<typeof TextOutboxQuery>;

export const listTextOutbox = defineRoute({
  method: 'GET',
  path: '/api/v1/dev/texts',
  summary: 'Text messages in the outbox (demo and development only)',
  tags: ['development'],
  query: TextOutboxQuery,
  response: { 200: z.array(OutboxText) },
});
