import { z } from 'zod';
import { PARTICIPANT_ROLES } from '../domain/attendance.ts';
import { Can } from './can.ts';
import { CaseDeadline, CaseParams } from './cases.ts';
import { Id } from './id.ts';
import { defineRoute } from './route.ts';
import { SessionKind, SessionKindField, SessionStatus, Side, When } from './session-fields.ts';
import { text } from './text.ts';

/**
 * Sessions of a mediation (pre-mediation meetings, joint sessions, caucuses), the hours held and
 * the deadlines they meet. Asking to move a session is in session-moves.ts, the calendar and its
 * private link in session-calendar.ts, finding a time in session-polls.ts.
 */

const tags = ['sessions'];
export const SessionParams = CaseParams.extend({ sessionId: Id });

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

/** A person on the case, as a session's attendee or one who could be invited. */
const Participant = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(PARTICIPANT_ROLES),
  side: Side,
});

/** A session as its viewer sees it, with what they may do with it. */
export const Session = z.object({
  id: z.string(),
  kind: SessionKind,
  kindLabel: z.string(),
  side: Side.nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  shown: z.string(),
  minutes: z.number(),
  place: PlaceView,
  placeText: z.string(),
  attendees: z.array(Participant),
  guests: z.array(
    z.object({ name: z.string(), role: z.enum(GUEST_ROLES), side: Side, language: z.string().nullable() }),
  ),
  status: SessionStatus,
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
  participants: z.array(Participant),
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
  kind: SessionKindField,
  /** For a pre-mediation meeting or caucus: which side meets the mediator. */
  side: Side.optional(),
  ...When,
  place: Place,
  /** Participant ids; by default everyone on the case (or the side) who has joined. */
  attendeeIds: z.array(Id).max(30).optional(),
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

export const cancelSession = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/sessions/:sessionId/cancel',
  summary: 'Cancel a session',
  tags,
  params: SessionParams,
  response: { 200: SessionChanged },
});

export const HeldBody = z.object({ attendedIds: z.array(Id).max(30) });
export const markSessionHeld = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/sessions/:sessionId/held',
  summary: 'Record that a session took place and who came',
  tags,
  params: SessionParams,
  body: HeldBody,
  response: { 200: SessionChanged },
});
