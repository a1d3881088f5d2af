import { z } from 'zod';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { CaseParams } from '../cases/cases.schemas.ts';
import * as coMediators from '../cases/co-mediators.service.ts';
import * as notes from './notes.service.ts';
import { NOTE_KINDS } from './notes.service.ts';

const tags = ['mediator notes'];
const body = z
  .string('Write the note')
  .trim()
  .min(1, 'Write the note')
  .max(20_000, 'Keep it under 20,000 characters');

export function notesRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/cases/:caseId/notes',
    { schema: { tags, summary: 'The mediator’s private notes', params: CaseParams } },
    async (request) => notes.listNotes(deps, request.actor, request.params.caseId),
  );
  app.post(
    '/api/v1/cases/:caseId/notes',
    {
      schema: {
        tags,
        summary: 'Write a private note (caucus, session or general)',
        params: CaseParams,
        body: z.object({
          kind: z.enum(NOTE_KINDS, 'Choose caucus, session or general'),
          sessionId: z.string().min(1).max(64).optional(),
          body,
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await notes.writeNote(deps, request.actor, request.params.caseId, request.body)),
  );
  app.put(
    '/api/v1/cases/:caseId/notes/:noteId',
    {
      schema: {
        tags,
        summary: 'Change a private note',
        params: CaseParams.extend({ noteId: z.string().min(1).max(64) }),
        body: z.object({ body }),
      },
    },
    async (request) =>
      notes.updateNote(deps, request.actor, request.params.caseId, request.params.noteId, request.body.body),
  );
  app.get(
    '/api/v1/cases/:caseId/co-mediators',
    {
      schema: {
        tags,
        summary: 'The case’s co-mediators, and who the mediator could bring in',
        params: CaseParams,
      },
    },
    async (request) => coMediators.listCoMediators(deps, request.actor, request.params.caseId),
  );
  app.post(
    '/api/v1/cases/:caseId/co-mediators',
    {
      schema: {
        tags,
        summary: 'Bring in a co-mediator',
        params: CaseParams,
        body: z.object({ userId: z.string().min(1, 'Choose a mediator').max(64) }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await coMediators.addCoMediator(deps, request.actor, request.params.caseId, request.body.userId),
        ),
  );
}
