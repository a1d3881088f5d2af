import { z } from 'zod';
import { CONFIDENTIALITY_EXCEPTIONS, SAFEGUARDS } from '../domain/screening.ts';
import { Can } from './can.ts';
import { CaseState, Side } from './case-fields.ts';
import { CaseParams } from './cases.ts';
import { Id } from './id.ts';
import { ProgramParams } from './programs.ts';
import { defineRoute } from './route.ts';

/**
 * Private safety screening: each party's own answers, the review by the mediator or the
 * screening coordinator, the decision with its safeguards, and confidentiality exceptions.
 */

const tags = ['screening'];

const Question = z.object({ id: z.string(), text: z.string() });
const ExceptionKindId = z.enum(CONFIDENTIALITY_EXCEPTIONS);

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
  side: Side,
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
    .array(z.object({ participantId: Id, kind: z.enum(SAFEGUARDS, 'Choose a safeguard') }))
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
  response: { 200: z.object({ state: CaseState }) },
});

/** What the program reviewed: when, by whom, and the reviewer's note (the mediator and the program read it). */
export const ExceptionReview = z.object({
  reviewedAt: z.string(),
  reviewedBy: z.string(),
  note: z.string(),
});

/**
 * A confidentiality exception as the case's mediator and the program read it (never a party: the
 * exceptions are the mediator's record of a report made outside the mediation).
 */
export const ConfidentialityException = z.object({
  id: z.string(),
  kind: ExceptionKindId,
  /** The kind in plain words, from the case's rules, with where the exception comes from. */
  kindLabel: z.string(),
  cite: z.string(),
  /** The Missouri day it was reported; null for one recorded before the day was asked. */
  reportedOn: z.string().nullable(),
  reportedTo: z.string(),
  reference: z.string().nullable(),
  /** What was reported, in the mediator's words, as few as the report needed. */
  summary: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  review: ExceptionReview.nullable(),
  can: Can('review'),
});
export type ConfidentialityException = z.infer<typeof ConfidentialityException>;

/** The kinds of exception the case's rules name, for the form, with what the mediator may or must do. */
export const ExceptionKind = z.object({
  id: ExceptionKindId,
  text: z.string(),
  dutyText: z.string(),
  cite: z.string(),
});
export const ConfidentialityExceptions = z.object({
  exceptions: z.array(ConfidentialityException),
  kinds: z.array(ExceptionKind),
  can: Can('record'),
});
export type ConfidentialityExceptions = z.infer<typeof ConfidentialityExceptions>;
export const listConfidentialityExceptions = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/confidentiality-exceptions',
  summary: 'Recorded confidentiality exceptions (the case’s mediator and the program)',
  tags,
  params: CaseParams,
  response: { 200: ConfidentialityExceptions },
});

export const ExceptionBody = z.object({
  kind: z.enum(CONFIDENTIALITY_EXCEPTIONS, 'Choose the kind of exception'),
  reportedOn: z.iso.date('Enter the day you reported it, like 2026-03-02'),
  reportedTo: z
    .string()
    .trim()
    .min(1, 'Enter who it was reported to')
    .max(300, 'Keep it under 300 characters'),
  reference: z.string().trim().max(100, 'Keep it under 100 characters').optional(),
  summary: z
    .string()
    .trim()
    .min(1, 'Say in a few words what you reported')
    .max(1000, 'Keep it under 1000 characters'),
});
export type ExceptionBody = z.input<typeof ExceptionBody>;
export const recordConfidentialityException = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/confidentiality-exceptions',
  summary:
    'Record a confidentiality exception (suspected child abuse or neglect, RSMo 210.115; a threat of serious harm, the Agreement to Mediate); the program’s coordinators are told',
  tags,
  params: CaseParams,
  body: ExceptionBody,
  response: { 201: z.object({ id: z.string(), recordedAt: z.string() }) },
});

export const ExceptionParams = CaseParams.extend({ exceptionId: Id });
export const ExceptionReviewBody = z.object({
  note: z
    .string()
    .trim()
    .min(1, 'Write a short note on what the program checked or did')
    .max(2000, 'Keep it under 2000 characters'),
});
export type ExceptionReviewBody = z.input<typeof ExceptionReviewBody>;
export const reviewConfidentialityException = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/confidentiality-exceptions/:exceptionId/review',
  summary: 'The program marks a confidentiality exception reviewed, with a note (a coordinator)',
  tags,
  params: ExceptionParams,
  body: ExceptionReviewBody,
  response: { 200: ExceptionReview },
});

/** One line of the program's list: which case, what kind, when, whether reviewed. No words. */
export const ProgramException = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  caseTitle: z.string(),
  kind: ExceptionKindId,
  kindLabel: z.string(),
  reportedOn: z.string().nullable(),
  recordedAt: z.string(),
  reviewedAt: z.string().nullable(),
});
export type ProgramException = z.infer<typeof ProgramException>;
export const ProgramExceptionsQuery = z.object({
  status: z.enum(['waiting', 'reviewed'], 'Choose waiting or reviewed').default('waiting'),
});
export const listProgramExceptions = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/confidentiality-exceptions',
  summary:
    'The program’s confidentiality exceptions waiting for review (oldest first), or the latest 100 reviewed (coordinators)',
  tags,
  params: ProgramParams,
  query: ProgramExceptionsQuery,
  response: { 200: z.object({ exceptions: z.array(ProgramException), waiting: z.number() }) },
});
