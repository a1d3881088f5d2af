import { z } from 'zod';
import { Can } from './can.ts';
import { Side } from './case-fields.ts';
import { CaseParams } from './cases.ts';
import { Id } from './id.ts';
import { defineRoute } from './route.ts';

/**
 * Preparation for mediation (the pre-mediation meeting): each party's own answers, which only
 * that party and the mediator read, and the mediator's note on each.
 */

const tags = ['preparation'];
const answer = (what: string) =>
  z.string(`Write ${what}, or leave it empty`).trim().max(4000, 'Keep it under 4000 characters');

export const PreparationAnswers = z.object({
  perspective: answer('what happened, in your words'),
  goals: answer('what you hope for'),
  concerns: answer('what worries you'),
  solutions: answer('your ideas'),
});
export type PreparationAnswers = z.infer<typeof PreparationAnswers>;

/** A party's own preparation. */
export const PartyPreparation = z.object({
  role: z.literal('party'),
  answers: PreparationAnswers,
  submittedAt: z.string().nullable(),
  can: Can('save'),
});
export type PartyPreparation = z.infer<typeof PartyPreparation>;

/** Every party's preparation, as the mediator reads it, with the mediator's note on each. */
export const MediatorPreparation = z.object({
  role: z.literal('mediator'),
  parties: z.array(
    z.object({
      participantId: z.string(),
      name: z.string(),
      side: Side,
      answers: PreparationAnswers.nullable(),
      submittedAt: z.string().nullable(),
      mediatorNote: z.string(),
      can: Can('note'),
    }),
  ),
});
export type MediatorPreparation = z.infer<typeof MediatorPreparation>;

export const Preparation = z.discriminatedUnion('role', [PartyPreparation, MediatorPreparation]);
export type Preparation = z.infer<typeof Preparation>;
export const getPreparation = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/preparation',
  summary: 'My preparation (a party), or every party’s (the mediator)',
  tags,
  params: CaseParams,
  response: { 200: Preparation },
});

export const SavedPreparation = z.object({ answers: PreparationAnswers, submittedAt: z.string() });
export const savePreparation = defineRoute({
  method: 'PUT',
  path: '/api/v1/cases/:caseId/preparation',
  summary: 'Save my preparation for mediation',
  tags,
  params: CaseParams,
  body: PreparationAnswers,
  response: { 200: SavedPreparation },
});

export const MediatorNoteBody = z.object({
  note: z.string('Write the note').trim().max(8000, 'Keep it under 8000 characters'),
});
export type MediatorNoteBody = z.infer<typeof MediatorNoteBody>;
export const saveMediatorNote = defineRoute({
  method: 'PUT',
  path: '/api/v1/cases/:caseId/preparation/:participantId/note',
  summary: 'The mediator’s note on a party’s preparation',
  tags,
  params: CaseParams.extend({ participantId: Id }),
  body: MediatorNoteBody,
  response: { 200: z.object({ participantId: z.string(), saved: z.literal(true) }) },
});
