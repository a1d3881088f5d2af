import { z } from 'zod';
import { SESSION_KINDS } from '../../../domain/sessions.ts';

const text = (max: number, what: string) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `Keep it under ${max} characters`);

export const SessionParams = z.object({
  caseId: z.string().min(1).max(64),
  sessionId: z.string().min(1).max(64),
});

const Place = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('in_person'),
      address: text(300, 'the address'),
      room: z.string().trim().max(120, 'Keep it under 120 characters').optional(),
      accessibility: z.string().trim().max(500, 'Keep it under 500 characters').optional(),
    }),
    z.object({
      kind: z.literal('video'),
      url: z.url({ protocol: /^https$/, error: 'Enter a video link that starts with https://' }).max(500),
    }),
  ],
  { error: 'Choose a place: in person or by video' },
);

const Guest = z.object({
  name: text(120, 'a name'),
  role: z.enum(['advocate', 'support', 'attorney', 'interpreter'], 'Choose a role'),
  side: z.enum(['requester', 'respondent'], 'Choose a side'),
  isAttorney: z.boolean().default(false),
  language: z.string().trim().max(60).optional(),
});

const When = {
  date: z.iso.date('Enter a date like 2026-03-10'),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 09:30'),
  minutes: z
    .number('Enter the length in minutes')
    .int('Enter whole minutes')
    .min(15, 'A session lasts at least 15 minutes')
    .max(600, 'A session lasts at most 10 hours'),
};

export const ScheduleBody = z.object({
  kind: z.enum(SESSION_KINDS, 'Choose the kind of session'),
  /** For a pre-mediation meeting or caucus: which side meets the mediator. */
  side: z.enum(['requester', 'respondent']).optional(),
  ...When,
  place: Place,
  /** Participant ids; by default everyone on the case (or the side) who has joined. */
  attendeeIds: z.array(z.string().min(1).max(64)).max(30).optional(),
  guests: z.array(Guest).max(10).default([]),
});
export type ScheduleInput = z.infer<typeof ScheduleBody>;

export const RescheduleBody = z.object({ ...When, place: Place.optional() });
export type RescheduleInput = z.infer<typeof RescheduleBody>;

export const HeldBody = z.object({ attendedIds: z.array(z.string().min(1).max(64)).max(30) });
