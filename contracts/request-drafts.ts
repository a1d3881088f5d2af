import { z } from 'zod';
import { defineRoute, NoContent } from './route.ts';

/**
 * A request for mediation while it is written: the draft the request form keeps, so no word is
 * lost (the request itself is createCase in contracts/cases.ts).
 */

const tags = ['cases'];

// A request's draft, kept while it is written

/**
 * What the request form holds before it is sent: the program, each answer by the form's name for
 * it, the kinds of issue ticked, and the ask for state mediation. Kept in the browser for a person
 * not signed in and on the server (sealed) for a signed-in one, so no word is lost on signing in.
 */
export const RequestDraft = z.object({
  programId: z.string().max(64, 'Choose a program from the list'),
  answers: z
    .record(
      z.string().regex(/^[A-Za-z]{1,40}$/, 'Answer the questions of the request form'),
      z.string().max(4000, 'Keep each answer under 4000 characters'),
    )
    .refine((a) => Object.keys(a).length <= 40, 'Answer the questions of the request form'),
  issues: z.array(z.string().max(60, 'Choose from the list')).max(20, 'Choose from the list'),
  askState: z.boolean('Say whether you ask for state-sponsored mediation'),
  /** The mediator asked for from Find a Mediator, when the request began there. */
  preferredMediator: z.string().max(64).optional(),
});
export type RequestDraft = z.infer<typeof RequestDraft>;
export const SavedDraft = z.object({ draft: RequestDraft.nullable(), savedAt: z.string().nullable() });
export type SavedDraft = z.infer<typeof SavedDraft>;
export const getRequestDraft = defineRoute({
  method: 'GET',
  path: '/api/v1/request-draft',
  summary: 'My unsent request for mediation, as I left it',
  tags,
  response: { 200: SavedDraft },
});
export const saveRequestDraft = defineRoute({
  method: 'PUT',
  path: '/api/v1/request-draft',
  summary: 'Keep my unsent request for mediation while I write it',
  tags,
  body: RequestDraft,
  response: { 200: z.object({ savedAt: z.string() }) },
});
export const deleteRequestDraft = defineRoute({
  method: 'DELETE',
  path: '/api/v1/request-draft',
  summary: 'Throw away my unsent request for mediation',
  tags,
  response: { 204: NoContent },
});
