import { z } from 'zod';
import { patchOf } from '../../../contracts/patch.ts';
import { COURSE_KINDS } from '../../../domain/eligibility.ts';
import { EVENT_KINDS } from '../../../domain/event-seats.ts';

const Id = z.string().min(1).max(64);
const Cents = z
  .number('Enter an amount in cents')
  .int('Use whole cents')
  .min(0, 'Cannot be negative')
  .max(10_000_000);

export const Credit = z.object({
  kind: z.enum(COURSE_KINDS, 'Choose a kind of training'),
  hours: z.number('Enter the hours').positive('Must be more than zero').max(200, 'Is too many hours'),
});

const EventFields = z.object({
  kind: z.enum(EVENT_KINDS, 'Choose the kind of event'),
  title: z.string().trim().min(3, 'Enter a title').max(160),
  description: z.string().trim().max(4000).default(''),
  provider: z.string().trim().min(2, 'Enter who gives it').max(160),
  startsAt: z.iso.datetime('Use a date and time like 2026-05-01T14:00:00Z'),
  endsAt: z.iso.datetime('Use a date and time like 2026-05-01T22:00:00Z'),
  place: z.string().trim().max(300).nullable().default(null),
  onlineUrl: z.url('Enter a web address').max(500).nullable().default(null),
  recorded: z.boolean().default(false),
  credits: z.array(Credit).max(5).default([]),
  capacity: z
    .number()
    .int('Use a whole number')
    .min(1, 'Must be at least 1')
    .max(100_000)
    .nullable()
    .default(null),
  memberPriceCents: Cents.default(0),
  priceCents: Cents.default(0),
  status: z.enum(['draft', 'published', 'cancelled']).default('published'),
});
export const EventBody = EventFields.refine((e) => e.endsAt > e.startsAt, {
  path: ['endsAt'],
  message: 'Must be after the start',
}).refine((e) => e.place || e.onlineUrl, { path: ['place'], message: 'Give a place or an online link' });
export const EventPatch = patchOf(EventFields);
export const EventParams = z.object({ eventId: Id });
export const RegistrationParams = z.object({ registrationId: Id });
export const EventsQuery = z.object({
  kind: z.enum(EVENT_KINDS).optional(),
  past: z.enum(['true', 'false']).optional(),
});

export const Event = z.object({
  id: z.string(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  description: z.string(),
  provider: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  recorded: z.boolean(),
  credits: z.array(z.object({ kind: z.string(), hours: z.number() })),
  creditHours: z.number(),
  capacity: z.number().nullable(),
  seatsTaken: z.number(),
  seatsLeft: z.number().nullable(),
  waiting: z.number(),
  memberPriceCents: z.number(),
  priceCents: z.number(),
  status: z.string(),
  myRegistration: z
    .object({ id: z.string(), status: z.string(), priceCents: z.number(), paid: z.boolean() })
    .nullable(),
});

export const Registration = z.object({
  id: z.string(),
  eventId: z.string(),
  status: z.string(),
  priceCents: z.number(),
  memberPrice: z.boolean(),
  paid: z.boolean(),
  waitlistPosition: z.number().nullable(),
});

export const MyRegistration = z.object({
  id: z.string(),
  eventId: z.string(),
  title: z.string(),
  kind: z.string(),
  startsAt: z.string(),
  status: z.string(),
  priceCents: z.number(),
  paid: z.boolean(),
  hasCertificate: z.boolean(),
});

export const RosterEntry = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  status: z.string(),
  priceCents: z.number(),
  memberPrice: z.boolean(),
  paid: z.boolean(),
  registeredAt: z.string(),
  attendedAt: z.string().nullable(),
});

export const AttendanceBody = z.object({ registrationId: Id });
