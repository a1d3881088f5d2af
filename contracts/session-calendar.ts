import { z } from 'zod';
import { defineRoute, fileBody } from './route.ts';
import { SessionKind, SessionStatus } from './session-fields.ts';

/** Each person's calendar across cases, and their private calendar link. */

const tags = ['sessions'];

export const CalendarFeed = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
export const getCalendarFeed = defineRoute({
  method: 'GET',
  path: '/api/v1/calendar-feed',
  summary: 'Whether I have a private calendar link',
  tags,
  response: { 200: CalendarFeed },
});
export const createCalendarFeed = defineRoute({
  method: 'POST',
  path: '/api/v1/calendar-feed',
  summary: 'Make a new private calendar link (the old one stops working)',
  tags,
  response: { 200: z.object({ url: z.string() }) },
});
export const revokeCalendarFeed = defineRoute({
  method: 'DELETE',
  path: '/api/v1/calendar-feed',
  summary: 'Turn off my private calendar link',
  tags,
  response: { 200: z.object({ active: z.literal(false) }) },
});
export const getCalendarFeedFile = defineRoute({
  method: 'GET',
  path: '/api/v1/calendar-feeds/:token',
  summary: 'A private calendar feed (secret link)',
  tags,
  params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'not a calendar link') }),
  response: { 200: fileBody(['text/calendar; charset=utf-8'], 'The person’s sessions, as iCalendar') },
});

// The calendar across cases

/** The longest stretch one calendar answer covers: a month view with its leading and trailing weeks. */
export const CALENDAR_MAX_DAYS = 42;
export const CalendarQuery = z.object({
  /** The first Missouri day shown. */
  from: z.iso.date('Enter the first day like 2026-03-01'),
  /** The last Missouri day shown (at most 42 days after the first). */
  to: z.iso.date('Enter the last day like 2026-03-31'),
});
export type CalendarQuery = z.input<typeof CalendarQuery>;

/** One session on the person's calendar, with the case it belongs to. */
export const CalendarSession = z.object({
  sessionId: z.string(),
  caseId: z.string(),
  reference: z.string(),
  title: z.string(),
  kind: SessionKind,
  kindLabel: z.string(),
  status: SessionStatus,
  startsAt: z.string(),
  endsAt: z.string(),
  /** The Missouri day it falls on (YYYY-MM-DD), and its start and end times in Missouri words. */
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  minutes: z.number(),
  /** Whether the person co-mediates this case rather than mediating it or attending. */
  coMediated: z.boolean(),
});
export type CalendarSession = z.infer<typeof CalendarSession>;
export const MyCalendar = z.object({
  /** Today's Missouri date. */
  today: z.string(),
  from: z.string(),
  to: z.string(),
  /** Sessions set or held between the two days, in time order; canceled ones are left out. */
  sessions: z.array(CalendarSession),
});
export type MyCalendar = z.infer<typeof MyCalendar>;
export const getMyCalendar = defineRoute({
  method: 'GET',
  path: '/api/v1/calendar',
  summary:
    'My calendar: the sessions I mediate, co-mediate or attend between two Missouri days, each with its case',
  tags,
  query: CalendarQuery,
  response: { 200: MyCalendar },
});
