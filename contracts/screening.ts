import { z } from 'zod';
import { SIDES } from '../domain/attendance.ts';
import { CASE_STATES } from '../domain/case-lifecycle.ts';
import { CONFIDENTIALITY_EXCEPTIONS, SAFEGUARDS } from '../domain/screening.ts';
import { CaseParams } from './cases.ts';
import { defineRoute } from './route.ts';

/**
 * Private safety screening: each party's own answers, the review by the mediator or the
 * screening coordinator, the decision with its safeguards, and confidentiality exceptions.
 */

const tags = ['screening'];

const Question = z.object({ id: z.string(), text: z.string() });

export const MyScreening = z.object({
  questions: z.array(Question),
  answers: z.record(z.string(), z.boolean()).nullable(),
  note: z.string(),
  submittedAt: z.string().nullable(),
});
export type MyScreening = z.infer<typeof MyScreening>;
export const getMyScreening = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/screening',
  summary: 'My private screening questions and answers',
  tags,
  params: CaseParams,
  response: { 200: MyScreening },
});

export const ScreeningBody = z.object({
  answers: z.record(z.string().max(40), z.boolean()),
  note: z.string().max(4000, 'Keep it under 4000 characters').default(''),
});
export type ScreeningBody = z.input<typeof ScreeningBody>;
export const submitScreening = defineRoute({
  method: 'PUT',
  path: '/api/v1/cases/:caseId/screening',
  summary: 'Answer the private screening',
  tags,
  params: CaseParams,
  body: ScreeningBody,
  response: { 200: z.object({ submittedAt: z.string() }) },
});

const Suggestion = z.enum(['proceed', 'proceed_with_safeguards', 'not_suitable']);

export const ScreeningResponse = z.object({
  participantId: z.string(),
  name: z.string(),
  side: z.enum(SIDES),
  submittedAt: z.string().nullable(),
  answers: z.array(Question.extend({ answer: z.boolean().nullable() })).nullable(),
  note: z.string().nullable(),
  score: z.number().nullable(),
  flags: z.array(z.string()),
  suggestion: Suggestion.nullable(),
  suggestedSafeguards: z.array(z.enum(SAFEGUARDS)),
  /** The safeguards that fit this party's place in the case (no quick-exit button for a school district). */
  safeguardsOffered: z.array(z.enum(SAFEGUARDS)),
});
export type ScreeningResponse = z.infer<typeof ScreeningResponse>;
export const listScreeningResponses = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/screening/responses',
  summary: 'Screening answers (mediator and screening coordinator only)',
  tags,
  params: CaseParams,
  response: { 200: z.array(ScreeningResponse) },
});

export const ScreeningDecisionBody = z.object({
  decision: z.enum(['proceed', 'proceed_with_safeguards', 'not_suitable'], 'Choose a decision'),
  safeguards: z
    .array(
      z.object({ participantId: z.string().min(1).max(64), kind: z.enum(SAFEGUARDS, 'Choose a safeguard') }),
    )
    .max(20)
    .default([]),
});
export type ScreeningDecisionBody = z.input<typeof ScreeningDecisionBody>;
export const decideScreening = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/screening/decision',
  summary: 'Proceed, proceed with safeguards, or not suitable',
  tags,
  params: CaseParams,
  body: ScreeningDecisionBody,
  response: { 200: z.object({ state: z.enum(CASE_STATES) }) },
});

export const ConfidentialityException = z.object({
  id: z.string(),
  kind: z.enum(CONFIDENTIALITY_EXCEPTIONS),
  reportedTo: z.string(),
  recordedAt: z.string(),
});
export const listConfidentialityExceptions = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/confidentiality-exceptions',
  summary: 'Recorded confidentiality exceptions',
  tags,
  params: CaseParams,
  response: { 200: z.array(ConfidentialityException) },
});

export const ExceptionBody = z.object({
  kind: z.enum(CONFIDENTIALITY_EXCEPTIONS, 'Choose the kind of exception'),
  reportedTo: z
    .string()
    .trim()
    .min(1, 'Enter who it was reported to')
    .max(300, 'Keep it under 300 characters'),
});
export const recordConfidentialityException = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/confidentiality-exceptions',
  summary:
    'Record a confidentiality exception (suspected child abuse or neglect, RSMo 210.115; a threat of serious harm, the Agreement to Mediate)',
  tags,
  params: CaseParams,
  body: ExceptionBody,
  response: { 201: z.object({ id: z.string(), recordedAt: z.string() }) },
});
