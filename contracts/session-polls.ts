import { z } from 'zod';
import { PARTICIPANT_ROLES } from '../domain/attendance.ts';
import { Can } from './can.ts';
import { CaseParams } from './cases.ts';
import { Id } from './id.ts';
import { defineRoute } from './route.ts';
import { ProposedTimes, SessionKind, SessionKindField, Side, When } from './session-fields.ts';
import { Place, SessionChanged } from './sessions.ts';

/** Finding a time: a poll of proposed times, answered in Parley or from an e-mailed link. */

const tags = ['sessions'];
const PollStatus = z.enum(['open', 'booked', 'closed']);

export const PollBody = z.object({
  kind: SessionKindField,
  /** For a pre-mediation meeting or caucus: which side meets the mediator. */
  side: Side.optional(),
  minutes: When.minutes,
  place: Place,
  /** The times offered, in Missouri time. */
  times: ProposedTimes,
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
  kind: SessionKind,
  kindLabel: z.string(),
  side: Side.nullable(),
  minutes: z.number(),
  placeText: z.string(),
  status: PollStatus,
  /** The session booked from it, once booked. */
  sessionId: z.string().nullable(),
  slots: z.array(PollSlot),
  invitees: z.array(PollInvitee),
  can: Can('answer', 'book', 'close'),
});
export type Poll = z.infer<typeof Poll>;
export const CasePolls = z.object({ polls: z.array(Poll) });
export type CasePolls = z.infer<typeof CasePolls>;
export const PollParams = CaseParams.extend({ pollId: Id });

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
  times: z.array(Id, 'Mark the times you can attend').max(8, 'Mark at most eight times'),
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
  kind: SessionKind,
  minutes: z.number(),
  placeText: z.string(),
  status: PollStatus,
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
