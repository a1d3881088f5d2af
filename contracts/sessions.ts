import { z } from 'zod';
import { PARTICIPANT_ROLES, SIDES } from '../domain/attendance.ts';
import { SESSION_KINDS, SESSION_STATUSES } from '../domain/sessions.ts';
import { Can } from './can.ts';
import { CaseDeadline, CaseParams } from './cases.ts';
import { defineRoute, fileBody } from './route.ts';

/**
 * Sessions of a mediation (pre-mediation meetings, joint sessions, caucuses), the hours held and
 * the deadlines they meet, and each person's private calendar link.
 */

const tags = ['sessions'];
const id = z.string().min(1).max(64);
export const SessionParams = CaseParams.extend({ sessionId: id });
const text = (max: number, what: string) =>
  z.string(`Enter ${what}`).trim().min(1, `Enter ${what}`).max(max, `Keep it under ${max} characters`);
const Side = z.enum(SIDES, 'Choose a side');

export const Place = z.discriminatedUnion(
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
export type Place = z.infer<typeof Place>;
/** A place as stored and shown. */
export const PlaceView = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('in_person'),
    address: z.string(),
    room: z.string().optional(),
    accessibility: z.string().optional(),
  }),
  z.object({ kind: z.literal('video'), url: z.string() }),
]);

const GUEST_ROLES = ['advocate', 'support', 'attorney', 'interpreter'] as const;
export const Guest = z.object({
  name: text(120, 'a name'),
  role: z.enum(GUEST_ROLES, 'Choose a role'),
  side: Side,
  isAttorney: z.boolean().default(false),
  language: z.string().trim().max(60).optional(),
});
export type Guest = z.infer<typeof Guest>;

const When = {
  date: z.iso.date('Enter a date like 2026-03-10'),
  time: z.string('Enter a time like 09:30').regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 09:30'),
  minutes: z
    .number('Enter the length in minutes')
    .int('Enter whole minutes')
    .min(15, 'A session lasts at least 15 minutes')
    .max(600, 'A session lasts at most 10 hours'),
};

/** A session as its viewer sees it, with what they may do with it. */
export const Session = z.object({
  id: z.string(),
  kind: z.enum(SESSION_KINDS),
  kindLabel: z.string(),
  side: Side.nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  shown: z.string(),
  minutes: z.number(),
  place: PlaceView,
  placeText: z.string(),
  attendees: z.array(
    z.object({ id: z.string(), name: z.string(), role: z.enum(PARTICIPANT_ROLES), side: Side }),
  ),
  guests: z.array(
    z.object({ name: z.string(), role: z.enum(GUEST_ROLES), side: Side, language: z.string().nullable() }),
  ),
  status: z.enum(SESSION_STATUSES),
  /** Who came (participant ids), for the mediators and the program once it is recorded. */
  attended: z.array(z.string()).nullable(),
  /** askToMove: a party invited to it may ask the mediator to move it (one open request at a time). */
  can: Can('reschedule', 'cancel', 'recordAttendance', 'askToMove'),
});
export type Session = z.infer<typeof Session>;

export const MOVE_REQUEST_STATUSES = ['open', 'accepted', 'declined', 'closed'] as const;
/**
 * A request to move a session, as the mediators and the person who asked see it (no one else
 * sees it: the reason is theirs and the mediator's).
 */
export const MoveRequest = z.object({
  id: z.string(),
  sessionId: z.string(),
  /** The session's kind and its time when the request was made, in words. */
  sessionLabel: z.string(),
  fromShown: z.string(),
  askedBy: z.string(),
  /** Whether the viewer made it. */
  mine: z.boolean(),
  reason: z.string(),
  /** open: waiting for the mediator; accepted; declined; closed: the session was canceled or held meanwhile. */
  status: z.enum(MOVE_REQUEST_STATUSES),
  /** How it was accepted: a new time, or a poll of times sent to everyone. */
  answer: z.enum(['new_time', 'poll']).nullable(),
  /** The mediator's note when declining, if any. */
  note: z.string().nullable(),
  askedAt: z.string(),
  answeredAt: z.string().nullable(),
  can: Can('accept', 'decline'),
});
export type MoveRequest = z.infer<typeof MoveRequest>;

/** A session just set or changed, with the pack's deadlines it would miss. */
export const SessionChanged = Session.extend({ warnings: z.array(z.string()) });
export type SessionChanged = z.infer<typeof SessionChanged>;

/** A deadline of the case's rule pack, the same as the case page shows. */
export const Deadline = CaseDeadline;
export type Deadline = z.infer<typeof Deadline>;

export const SessionHours = z.object({
  minimumHours: z.number().nullable(),
  heldHours: z.number(),
  scheduledHours: z.number(),
  met: z.boolean().nullable(),
  freeHours: z.number().nullable(),
  freeHoursLeft: z.number().nullable(),
  paidHours: z.number(),
  cite: z.string(),
  freeHoursCite: z.string(),
});
export type SessionHours = z.infer<typeof SessionHours>;

export const CaseSessions = z.object({
  sessions: z.array(Session),
  hours: SessionHours,
  deadlines: z.array(Deadline),
  participants: z.array(
    z.object({ id: z.string(), name: z.string(), role: z.enum(PARTICIPANT_ROLES), side: Side }),
  ),
  /** Why a joint session may not be set (screening's "separate sessions" safeguard), or null. */
  jointRefused: z.string().nullable(),
  /** Requests to move a session: all of them for the mediators, a party's own for them. */
  moveRequests: z.array(MoveRequest),
  can: Can('schedule', 'scheduleJoint'),
});
export type CaseSessions = z.infer<typeof CaseSessions>;
export const listSessions = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/sessions',
  summary: 'Sessions of a case, hours and deadlines',
  tags,
  params: CaseParams,
  response: { 200: CaseSessions },
});

export const ScheduleBody = z.object({
  kind: z.enum(SESSION_KINDS, 'Choose the kind of session'),
  /** For a pre-mediation meeting or caucus: which side meets the mediator. */
  side: Side.optional(),
  ...When,
  place: Place,
  /** Participant ids; by default everyone on the case (or the side) who has joined. */
  attendeeIds: z.array(id).max(30).optional(),
  guests: z.array(Guest).max(10).default([]),
});
export type ScheduleBody = z.input<typeof ScheduleBody>;
export type ScheduleInput = z.output<typeof ScheduleBody>;
export const scheduleSession = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/sessions',
  summary: 'Set a session (the mediator); invitations go out with a calendar file',
  tags,
  params: CaseParams,
  body: ScheduleBody,
  response: { 201: SessionChanged },
});

export const RescheduleBody = z.object({ ...When, place: Place.optional() });
export type RescheduleInput = z.output<typeof RescheduleBody>;
export const rescheduleSession = defineRoute({
  method: 'PUT',
  path: '/api/v1/cases/:caseId/sessions/:sessionId',
  summary: 'Move a session to a new time',
  tags,
  params: SessionParams,
  body: RescheduleBody,
  response: { 200: SessionChanged },
});

// Asking to move a session

export const MoveRequestParams = CaseParams.extend({ requestId: id });
export const AskToMoveBody = z.object({
  reason: text(1000, 'why the session should move'),
});
export type AskToMoveBody = z.input<typeof AskToMoveBody>;
export const askToMoveSession = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/sessions/:sessionId/move-requests',
  summary: 'Ask the mediator to move a session, saying why (a party invited to it)',
  tags,
  params: SessionParams,
  body: AskToMoveBody,
  response: { 201: MoveRequest },
});

export const AcceptMoveBody = z.discriminatedUnion(
  'how',
  [
    /** A new time for the session, with the checks of moving one. */
    z.object({ how: z.literal('new_time'), ...When, place: Place.optional() }),
    /** The session is canceled and everyone it was for is asked which of these times suit them. */
    z.object({
      how: z.literal('poll'),
      times: z
        .array(z.object({ date: When.date, time: When.time }), 'Offer the times to choose from')
        .min(2, 'Offer at least two times')
        .max(8, 'Offer at most eight times'),
    }),
  ],
  { error: 'Choose a new time or times to propose' },
);
export type AcceptMoveBody = z.input<typeof AcceptMoveBody>;
export type AcceptMoveInput = z.output<typeof AcceptMoveBody>;
/** A request answered, with the session as it now stands. */
export const MoveAnswered = z.object({ request: MoveRequest, session: SessionChanged });
export type MoveAnswered = z.infer<typeof MoveAnswered>;
export const acceptMoveRequest = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/move-requests/:requestId/accept',
  summary: 'Accept a request to move a session (the mediator): a new time, or a poll of times',
  tags,
  params: MoveRequestParams,
  body: AcceptMoveBody,
  response: { 200: MoveAnswered },
});
export const DeclineMoveBody = z.object({
  note: z.string().trim().max(1000, 'Keep it under 1000 characters').optional(),
});
export type DeclineMoveBody = z.input<typeof DeclineMoveBody>;
export const declineMoveRequest = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/move-requests/:requestId/decline',
  summary: 'Decline a request to move a session, with a note if the mediator wishes (the mediator)',
  tags,
  params: MoveRequestParams,
  body: DeclineMoveBody,
  response: { 200: MoveRequest },
});

export const cancelSession = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/sessions/:sessionId/cancel',
  summary: 'Cancel a session',
  tags,
  params: SessionParams,
  response: { 200: SessionChanged },
});

export const HeldBody = z.object({ attendedIds: z.array(id).max(30) });
export const markSessionHeld = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/sessions/:sessionId/held',
  summary: 'Record that a session took place and who came',
  tags,
  params: SessionParams,
  body: HeldBody,
  response: { 200: SessionChanged },
});

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
  kind: z.enum(SESSION_KINDS),
  kindLabel: z.string(),
  status: z.enum(SESSION_STATUSES),
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

// Finding a time: a poll of proposed slots

const Slot = z.object({ date: When.date, time: When.time });
export const PollBody = z.object({
  kind: z.enum(SESSION_KINDS, 'Choose the kind of session'),
  /** For a pre-mediation meeting or caucus: which side meets the mediator. */
  side: Side.optional(),
  minutes: When.minutes,
  place: Place,
  /** The times offered, in Missouri time. */
  times: z
    .array(Slot, 'Offer the times to choose from')
    .min(2, 'Offer at least two times')
    .max(8, 'Offer at most eight times'),
});
export type PollBody = z.input<typeof PollBody>;
export type PollInput = z.output<typeof PollBody>;

/** A proposed time: how many can attend (for the mediators) and whether the viewer can. */
export const PollSlot = z.object({
  id: z.string(),
  startsAt: z.string(),
  shown: z.string(),
  /** How many of those asked can attend; null for a party (they see only their own answer). */
  canAttend: z.number().nullable(),
  /** Whether the viewer marked it; null when the viewer is not asked. */
  mine: z.boolean().nullable(),
  /** The best slot: the most who can attend, the earliest of a tie (shown to the mediators). */
  best: z.boolean(),
});
/** Someone asked, and what they answered (the mediators see everyone; a party only themselves). */
export const PollInvitee = z.object({
  participantId: z.string(),
  name: z.string(),
  role: z.enum(PARTICIPANT_ROLES),
  side: Side,
  answered: z.boolean(),
  /** The ids of the times they can attend. */
  times: z.array(z.string()),
});
export const Poll = z.object({
  id: z.string(),
  kind: z.enum(SESSION_KINDS),
  kindLabel: z.string(),
  side: Side.nullable(),
  minutes: z.number(),
  placeText: z.string(),
  status: z.enum(['open', 'booked', 'closed']),
  /** The session booked from it, once booked. */
  sessionId: z.string().nullable(),
  slots: z.array(PollSlot),
  invitees: z.array(PollInvitee),
  can: Can('answer', 'book', 'close'),
});
export type Poll = z.infer<typeof Poll>;
export const CasePolls = z.object({ polls: z.array(Poll) });
export type CasePolls = z.infer<typeof CasePolls>;
export const PollParams = CaseParams.extend({ pollId: id });

export const listPolls = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/polls',
  summary: 'Times proposed on a case and the answers the viewer may see',
  tags,
  params: CaseParams,
  response: { 200: CasePolls },
});
export const createPoll = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/polls',
  summary: 'Propose several times for a session (the mediator); each person asked gets a link by e-mail',
  tags,
  params: CaseParams,
  body: PollBody,
  response: { 201: Poll },
});
export const AnswerBody = z.object({
  /** The ids of the proposed times the person can attend; none when no time suits them. */
  times: z.array(id, 'Mark the times you can attend').max(8, 'Mark at most eight times'),
});
export type AnswerBody = z.input<typeof AnswerBody>;
export const answerPoll = defineRoute({
  method: 'PUT',
  path: '/api/v1/cases/:caseId/polls/:pollId/answer',
  summary: 'Mark the proposed times I can attend',
  tags,
  params: PollParams,
  body: AnswerBody,
  response: { 200: Poll },
});
export const BookBody = z.object({
  timeId: z.string('Choose the time to book').min(1, 'Choose the time to book').max(64),
});
export const bookPoll = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/polls/:pollId/book',
  summary:
    'Book one proposed time as a session (the mediator), with the checks of setting a session; the poll closes',
  tags,
  params: PollParams,
  body: BookBody,
  response: { 201: SessionChanged },
});
export const closePoll = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/polls/:pollId/close',
  summary: 'Close a poll without booking (the mediator)',
  tags,
  params: PollParams,
  response: { 200: Poll },
});

/** A poll as its e-mailed link shows it: no account needed, only the person's own answer. */
export const PollByLink = z.object({
  reference: z.string(),
  name: z.string(),
  kindLabel: z.string(),
  minutes: z.number(),
  placeText: z.string(),
  status: z.enum(['open', 'booked', 'closed']),
  answered: z.boolean(),
  slots: z.array(z.object({ id: z.string(), startsAt: z.string(), shown: z.string(), mine: z.boolean() })),
});
export type PollByLink = z.infer<typeof PollByLink>;
const PollLinkParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'not a link Parley sent'),
});
export const getPollByLink = defineRoute({
  method: 'GET',
  path: '/api/v1/poll-links/:token',
  summary: 'A poll from the e-mailed link of someone asked (secret link, no account needed)',
  tags,
  params: PollLinkParams,
  response: { 200: PollByLink },
});
export const answerPollByLink = defineRoute({
  method: 'PUT',
  path: '/api/v1/poll-links/:token',
  summary: 'Mark the proposed times I can attend, from the e-mailed link',
  tags,
  params: PollLinkParams,
  body: AnswerBody,
  response: { 200: PollByLink },
});
