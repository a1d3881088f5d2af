import { z } from 'zod';
import { CaseParams } from './cases.ts';
import { Id } from './id.ts';
import { defineRoute } from './route.ts';
import { ProposedTimes, When } from './session-fields.ts';
import { MoveRequest, Place, SessionChanged, SessionParams } from './sessions.ts';
import { text } from './text.ts';

/** Asking the mediator to move a session, and the mediator's answer. */

const tags = ['sessions'];

export const MoveRequestParams = CaseParams.extend({ requestId: Id });
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
      times: ProposedTimes,
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
