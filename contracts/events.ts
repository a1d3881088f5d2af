import { z } from 'zod';
import { COURSE_KINDS } from '../domain/eligibility.ts';
import { scheduleProblems } from '../domain/event-schedule.ts';
import { EVENT_KINDS, EVENT_STATUSES } from '../domain/event-seats.ts';
import { Can } from './can.ts';
import { Id } from './id.ts';
import { datedListQuery, listWithCsv, pageOf } from './list.ts';
import { Cents } from './membership.ts';
import { CourseHours } from './membership-progress.ts';
import { patchOf } from './patch.ts';
import { defineRoute, fileBody } from './route.ts';

/** The association's trainings and events: the calendar, seats and the waitlist, attendance. */

const tags = ['association: trainings and events'];

export const EventParams = z.object({ eventId: Id });
export const RegistrationParams = z.object({ registrationId: Id });
const SeatStatus = z.enum(['registered', 'waitlisted', 'cancelled', 'attended']);

export const Credit = z.object({
  kind: z.enum(COURSE_KINDS, 'Choose a kind of training'),
  hours: z.number('Enter the hours').positive('Must be more than zero').max(200, 'Is too many hours'),
});

/** One day (or part of a day) of a training: a start and an end. */
export const SessionInput = z.object({
  startsAt: z.iso.datetime('Give a date and a start time'),
  endsAt: z.iso.datetime('Give an end time'),
});

/** Each day ends after it starts, within a day, and after the day before. */
const schedule = (sessions: z.infer<typeof SessionInput>[] | undefined, ctx: z.RefinementCtx) => {
  for (const [path, message] of Object.entries(scheduleProblems(sessions ?? []))) {
    ctx.addIssue({
      code: 'custom',
      path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      message,
    });
  }
};

const EventKindField = z.enum(EVENT_KINDS, 'Choose the kind of event');

export const EventFields = z.object({
  kind: EventKindField,
  title: z.string().trim().min(3, 'Enter a title').max(160),
  description: z.string().trim().max(4000).default(''),
  provider: z.string().trim().min(2, 'Enter who gives it').max(160),
  sessions: z
    .array(SessionInput, 'Give the days it is held')
    .min(1, 'Give at least one day')
    .max(10, 'Give at most ten days'),
  place: z.string().trim().max(300).nullable().default(null),
  onlineUrl: z
    .httpUrl('Enter a web address starting with https:// or http://')
    .max(500)
    .nullable()
    .default(null),
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
  status: z.enum(EVENT_STATUSES).default('published'),
});
export const EventBody = EventFields.superRefine((e, ctx) => schedule(e.sessions, ctx)).refine(
  (e) => e.place || e.onlineUrl,
  { path: ['place'], message: 'Give a place or an online link' },
);
export type EventBody = z.infer<typeof EventBody>;
export const EventPatch = patchOf(EventFields).superRefine((e, ctx) => schedule(e.sessions, ctx));
export type EventPatch = z.infer<typeof EventPatch>;

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
  /** The first session's start and the last one's end. */
  startsAt: z.string(),
  endsAt: z.string(),
  /** Each day it is held, in order, with its hours. */
  sessions: z.array(
    z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string(), hours: z.number() }),
  ),
  /** The hours of all its sessions together. */
  scheduledHours: z.number(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  recorded: z.boolean(),
  credits: z.array(CourseHours),
  creditHours: z.number(),
  capacity: z.number().nullable(),
  seatsTaken: z.number(),
  seatsLeft: z.number().nullable(),
  waiting: z.number(),
  memberPriceCents: z.number(),
  priceCents: z.number(),
  status: z.enum(EVENT_STATUSES),
  myRegistration: z
    .object({ id: z.string(), status: SeatStatus, priceCents: z.number(), paid: z.boolean() })
    .nullable(),
  /** Register (or join the waitlist), cancel one's own place, and (staff) run the event. */
  can: Can('register', 'cancel', 'manage'),
});
export type Event = z.infer<typeof Event>;

export const listEvents = defineRoute({
  method: 'GET',
  path: '/api/v1/association/events',
  summary: 'The public calendar of trainings and events',
  tags,
  query: EventsQuery,
  response: { 200: z.array(Event) },
});
export const createEvent = defineRoute({
  method: 'POST',
  path: '/api/v1/association/events',
  summary: 'Add a training or event (staff)',
  tags,
  body: EventBody,
  response: { 201: Event },
});
export const getEvent = defineRoute({
  method: 'GET',
  path: '/api/v1/association/events/:eventId',
  summary: 'One training or event',
  tags,
  params: EventParams,
  response: { 200: Event },
});
export const updateEvent = defineRoute({
  method: 'PATCH',
  path: '/api/v1/association/events/:eventId',
  summary: 'Change a training or event (staff)',
  tags,
  params: EventParams,
  body: EventPatch,
  response: { 200: Event },
});
export const getEventCalendar = defineRoute({
  method: 'GET',
  path: '/api/v1/association/events/:eventId/calendar.ics',
  summary: 'The event as a calendar file',
  tags,
  params: EventParams,
  response: { 200: fileBody(['text/calendar; charset=utf-8'], 'The event as an iCalendar file') },
});

export const Registration = z.object({
  id: z.string(),
  eventId: z.string(),
  status: SeatStatus,
  priceCents: z.number(),
  memberPrice: z.boolean(),
  paid: z.boolean(),
  waitlistPosition: z.number().nullable(),
});
export type Registration = z.infer<typeof Registration>;
export const register = defineRoute({
  method: 'POST',
  path: '/api/v1/association/events/:eventId/registrations',
  summary: 'Register (or join the waitlist when full)',
  tags,
  params: EventParams,
  response: { 201: Registration },
});

export const RosterEntry = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  status: SeatStatus,
  priceCents: z.number(),
  memberPrice: z.boolean(),
  paid: z.boolean(),
  registeredAt: z.string(),
  attendedAt: z.string().nullable(),
  /** Each session of the event: whether this person was there, and whether staff may record it now. */
  sessions: z.array(z.object({ sessionId: z.string(), attended: z.boolean(), can: Can('markAttended') })),
});
export type RosterEntry = z.infer<typeof RosterEntry>;
export const getRoster = defineRoute({
  method: 'GET',
  path: '/api/v1/association/events/:eventId/registrations',
  summary: 'Who is registered and waiting (staff)',
  tags,
  params: EventParams,
  response: { 200: z.array(RosterEntry) },
});
export const downloadRoster = defineRoute({
  method: 'GET',
  path: '/api/v1/association/events/:eventId/registrations.csv',
  summary: "An event's registrations as a spreadsheet, for a sign-in sheet or the books (staff)",
  tags,
  params: EventParams,
  response: {
    200: fileBody(['text/csv'], 'One row per registration: name, e-mail, status, price, paid, days attended'),
  },
});

export const AttendanceBody = z.object({ registrationId: Id, sessionId: Id });
export type AttendanceBody = z.infer<typeof AttendanceBody>;
export const markAttended = defineRoute({
  method: 'POST',
  path: '/api/v1/association/events/:eventId/attendance',
  summary:
    'Record that a registrant was at one session; once they were at every session, the hours go to their training record and a certificate is issued (staff)',
  tags,
  params: EventParams,
  body: AttendanceBody,
  response: {
    200: z.object({
      registrationId: z.string(),
      status: SeatStatus,
      sessionsAttended: z.number(),
      sessions: z.number(),
      certificateIssued: z.boolean(),
    }),
  },
});

export const MyRegistration = z.object({
  id: z.string(),
  eventId: z.string(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  startsAt: z.string(),
  status: SeatStatus,
  priceCents: z.number(),
  paid: z.boolean(),
  hasCertificate: z.boolean(),
});
export type MyRegistration = z.infer<typeof MyRegistration>;
export const listMyRegistrations = defineRoute({
  method: 'GET',
  path: '/api/v1/association/registrations',
  summary: 'My registrations',
  tags,
  response: { 200: z.array(MyRegistration) },
});
export const cancelRegistration = defineRoute({
  method: 'POST',
  path: '/api/v1/association/registrations/:registrationId/cancel',
  summary: 'Cancel a registration; the next person waiting gets the seat',
  tags,
  params: RegistrationParams,
  response: { 200: Registration.extend({ promotedNext: z.boolean() }) },
});
export const getCertificate = defineRoute({
  method: 'GET',
  path: '/api/v1/association/registrations/:registrationId/certificate',
  summary: 'Certificate of attendance as PDF',
  tags,
  params: RegistrationParams,
  response: { 200: fileBody(['application/pdf'], 'The certificate of attendance') },
});

export const CertificateParams = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{4}-?[0-9A-Z]{4}-?[0-9A-Z]{4}$/, 'Enter the code as printed, like 7KQ2-M9XD-4WTP'),
});
export const VerifiedCertificate = z.object({
  code: z.string(),
  name: z.string(),
  title: z.string(),
  provider: z.string(),
  /** The days the training was held, in words. */
  dates: z.string(),
  hours: z.number(),
  credits: z.array(CourseHours),
  issuedAt: z.string(),
});
export type VerifiedCertificate = z.infer<typeof VerifiedCertificate>;
export const verifyCertificate = defineRoute({
  method: 'GET',
  path: '/api/v1/association/certificates/:code',
  summary: 'Check a certificate of attendance by the code printed on it (public)',
  tags,
  params: CertificateParams,
  response: { 200: VerifiedCertificate },
});

// Staff's list of every training and event: searched, filtered, paged and as CSV.

export const EventListQuery = datedListQuery({
  searches: 'Part of the title, the provider or the place',
  filters: {
    kind: EventKindField.optional(),
    status: z.enum(EVENT_STATUSES, 'Choose draft, published or canceled').optional(),
  },
  days: 'Starting',
  rows: ['event', 'events'],
});
export type EventListQuery = z.input<typeof EventListQuery>;

export const EventListRow = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  status: z.enum(EVENT_STATUSES),
  provider: z.string(),
  place: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  creditHours: z.number(),
  capacity: z.number().nullable(),
  seatsTaken: z.number(),
});
export type EventListRow = z.infer<typeof EventListRow>;

export const { list: listEventsForStaff, csv: downloadEventList } = listWithCsv({
  path: '/api/v1/association/event-list',
  summary:
    'Every training and event, latest start first, searched by title, provider or place and filtered by kind, state and date (staff)',
  tags,
  query: EventListQuery,
  page: pageOf(EventListRow),
  csv: {
    of: 'trainings and events',
    columns: 'One row per event: title, kind, state, starts, ends, place, hours, seats taken, seats',
  },
});
