import { z } from 'zod';
import { DISQUALIFICATION_OUTCOMES } from '../domain/mediator-selection.ts';
import { Can } from './can.ts';
import { CaseState, SelectionMethod, Side } from './case-fields.ts';
import { CaseParams } from './cases.ts';
import { Id } from './id.ts';
import { defineRoute } from './route.ts';

/**
 * Choosing the mediator: joint choice, rotation or appointment, the offered mediator's answer,
 * and applications to disqualify the mediator for cause (Rule 88.04).
 */

const tags = ['mediator selection'];
const Mediator = z.object({ userId: z.string(), name: z.string() });

export const MediatorOptions = z.object({
  methods: z.array(SelectionMethod),
  cite: z.string(),
  roster: z.array(Mediator),
  myPicks: z.array(z.string()).nullable(),
  sidesPicked: z.array(Side),
  overlap: z.array(Mediator),
  declined: z.array(z.string()),
});
export type MediatorOptions = z.infer<typeof MediatorOptions>;
export const getMediatorOptions = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/mediator-options',
  summary: 'The mediators this case may be offered, and the picks',
  tags,
  params: CaseParams,
  response: { 200: MediatorOptions },
});

const Offered = z.object({ offered: Mediator.nullable() });

export const PicksBody = z.object({
  mediatorIds: z.array(Id).min(1, 'Choose at least one mediator').max(50),
});
export const pickMediators = defineRoute({
  method: 'PUT',
  path: '/api/v1/cases/:caseId/mediator-picks',
  summary: 'Mark the mediators my side would accept',
  tags,
  params: CaseParams,
  body: PicksBody,
  response: { 200: Offered },
});

export const AppointmentBody = z
  .object({ mediatorId: Id.optional(), rotation: z.boolean().optional() })
  .refine((b) => Boolean(b.mediatorId) !== Boolean(b.rotation), {
    message: 'Choose a mediator or rotation',
    path: ['mediatorId'],
  });
export type AppointmentBody = z.input<typeof AppointmentBody>;
export const appointMediator = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/mediator/appointment',
  summary: 'Appoint a mediator, or the next in rotation',
  tags,
  params: CaseParams,
  body: AppointmentBody,
  response: { 200: z.object({ offered: Mediator }) },
});

export const OfferAnswerBody = z.object({
  accept: z.boolean('Say yes or no'),
  conflict: z.enum(['none', 'disclosed'], 'Say whether you have a conflict to disclose').default('none'),
  disclosure: z.string().max(4000, 'Keep it under 4000 characters').optional(),
});
export type OfferAnswerBody = z.input<typeof OfferAnswerBody>;
export const answerMediatorOffer = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/mediator/response',
  summary: 'The offered mediator accepts (disclosing any conflict) or declines',
  tags,
  params: CaseParams,
  body: OfferAnswerBody,
  response: { 200: z.object({ state: CaseState, accepted: z.boolean() }) },
});

// Disqualifying the mediator

export const DisqualificationParams = CaseParams.extend({ requestId: Id });
const reason = z.string().trim().min(1, 'Enter the reason').max(2000, 'Keep it under 2000 characters');
export const DisqualificationOutcome = z.enum(DISQUALIFICATION_OUTCOMES);
/** How a decided request ended, by whoever decided it. */
export const DecidedOutcome = DisqualificationOutcome.extract(['granted', 'refused']);
/**
 * How an application was settled: no party denied it in time, the court's order, or the program (packs
 * where it decides); `mediation_began`: undenied, but its time ran out after the mediation had begun
 * with this mediator, so it ended without effect and the mediator stays (outcome `refused`).
 */
export const DecidedBy = z.enum(['no_denial', 'mediation_began', 'court', 'program']);

export const DisqualificationRequest = z.object({
  id: z.string(),
  side: Side,
  reason: z.string(),
  requestedAt: z.string(),
  /** The instant the time to deny ends (the end of `lastDayToDeny`, Missouri time); null where the program decides. */
  denyBy: z.string().nullable(),
  /** Rule 88.04(e) counted by Rule 44.01(a): the last Missouri day an adverse party may deny. */
  lastDayToDeny: z.string().nullable(),
  deniedAt: z.string().nullable(),
  denialReason: z.string().nullable(),
  /** `granted`: the mediator is disqualified (undenied in time, or decided); `refused`: the mediator stays. */
  outcome: DisqualificationOutcome,
  decidedAt: z.string().nullable(),
  decidedBy: DecidedBy.nullable(),
  courtOrder: z.string().nullable(),
  /** `decide` with `recordCourtOrder`: the program records the court's decision, naming its order (Rule 88.04). */
  can: Can('deny', 'decide', 'recordCourtOrder'),
});
export type DisqualificationRequest = z.infer<typeof DisqualificationRequest>;
export const listDisqualificationRequests = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/disqualification-requests',
  summary: 'Requests to disqualify the mediator',
  tags,
  params: CaseParams,
  response: { 200: z.array(DisqualificationRequest) },
});

export const requestDisqualification = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/disqualification-requests',
  summary: 'Ask to disqualify the mediator for cause',
  tags,
  params: CaseParams,
  body: z.object({ reason }),
  response: {
    201: z.object({ id: z.string(), denyBy: z.string().nullable(), lastDayToDeny: z.string().nullable() }),
  },
});

export const denyDisqualification = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/disqualification-requests/:requestId/denial',
  summary: 'Deny a request to disqualify (Rule 88.04)',
  tags,
  params: DisqualificationParams,
  body: z.object({ reason }),
  response: { 200: z.object({ outcome: z.literal('denied') }) },
});

export const DecideDisqualificationBody = z.object({
  grant: z.boolean('Say whether the mediator is disqualified'),
  courtOrder: z
    .string()
    .trim()
    .max(300, 'Keep it under 300 characters')
    .optional()
    .describe(
      'Rule 88.04: the court’s order the decision comes from (its date and number, or the docket entry)',
    ),
});
export type DecideDisqualificationBody = z.infer<typeof DecideDisqualificationBody>;
export const decideDisqualification = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/disqualification-requests/:requestId/decision',
  summary:
    'Record the decision on a request to disqualify: the court’s order on a denied Rule 88.04 application, or the program’s decision elsewhere',
  tags,
  params: DisqualificationParams,
  body: DecideDisqualificationBody,
  response: { 200: z.object({ outcome: DecidedOutcome, state: CaseState }) },
});
