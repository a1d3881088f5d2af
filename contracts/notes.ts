import { z } from 'zod';
import { NOTE_KINDS } from '../domain/notes.ts';
import { Can } from './can.ts';
import { CaseParams } from './cases.ts';
import { Id } from './id.ts';
import { defineRoute } from './route.ts';

/**
 * The mediator's private notes (caucus, session, general), read only by the case's mediators,
 * and the co-mediators the mediator brings in.
 */

const tags = ['mediator notes'];

const NoteText = z
  .string('Write the note')
  .trim()
  .min(1, 'Write the note')
  .max(20_000, 'Keep it under 20,000 characters');

export const Note = z.object({
  id: z.string(),
  kind: z.enum(NOTE_KINDS),
  sessionId: z.string().nullable(),
  body: z.string(),
  author: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Note = z.infer<typeof Note>;
export const listNotes = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/notes',
  summary: 'The mediator’s private notes',
  tags,
  params: CaseParams,
  response: { 200: z.array(Note) },
});

export const WriteNoteBody = z.object({
  kind: z.enum(NOTE_KINDS, 'Choose caucus, session or general'),
  sessionId: Id.optional(),
  body: NoteText,
});
export type WriteNoteBody = z.infer<typeof WriteNoteBody>;
export const writeNote = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/notes',
  summary: 'Write a private note (caucus, session or general)',
  tags,
  params: CaseParams,
  body: WriteNoteBody,
  response: { 201: Note },
});

export const updateNote = defineRoute({
  method: 'PUT',
  path: '/api/v1/cases/:caseId/notes/:noteId',
  summary: 'Change a private note',
  tags,
  params: CaseParams.extend({ noteId: Id }),
  body: z.object({ body: NoteText }),
  response: { 200: z.object({ id: z.string(), body: z.string(), updatedAt: z.string() }) },
});

const Mediator = z.object({ userId: z.string(), name: z.string() });
export const CoMediators = z.object({
  coMediators: z.array(Mediator),
  /** The program's other mediators the case's mediator could bring in (empty for anyone else). */
  candidates: z.array(Mediator),
  can: Can('add'),
});
export type CoMediators = z.infer<typeof CoMediators>;
export const listCoMediators = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/co-mediators',
  summary: 'The case’s co-mediators, and who the mediator could bring in',
  tags,
  params: CaseParams,
  response: { 200: CoMediators },
});

export const AddCoMediatorBody = z.object({
  userId: z.string('Choose a mediator').min(1, 'Choose a mediator').max(64),
});
export const addCoMediator = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/co-mediators',
  summary: 'Bring in a co-mediator',
  tags,
  params: CaseParams,
  body: AddCoMediatorBody,
  response: { 201: z.object({ caseId: z.string(), userId: z.string() }) },
});
