import { z } from 'zod';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { CaseParams } from '../cases/cases.schemas.ts';
import * as prep from './preparation.service.ts';

const tags = ['preparation'];
const answer = (what: string) =>
  z
    .string({ error: `Write ${what}, or leave it empty` })
    .trim()
    .max(4000, 'Keep it under 4000 characters');

export const PreparationBody = z.object({
  perspective: answer('what happened, in your words'),
  goals: answer('what you hope for'),
  concerns: answer('what worries you'),
  solutions: answer('your ideas'),
});

export function preparationRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/cases/:caseId/preparation',
    {
      schema: {
        tags,
        summary: 'My preparation (a party), or every party’s (the mediator)',
        params: CaseParams,
      },
    },
    async (request) => prep.getPreparation(deps, request.actor, request.params.caseId),
  );
  app.put(
    '/api/v1/cases/:caseId/preparation',
    {
      schema: {
        tags,
        summary: 'Save my preparation for mediation',
        params: CaseParams,
        body: PreparationBody,
      },
    },
    async (request) => prep.savePreparation(deps, request.actor, request.params.caseId, request.body),
  );
  app.put(
    '/api/v1/cases/:caseId/preparation/:participantId/note',
    {
      schema: {
        tags,
        summary: 'The mediator’s note on a party’s preparation',
        params: CaseParams.extend({ participantId: z.string().min(1).max(64) }),
        body: z.object({ note: z.string().trim().max(8000, 'Keep it under 8000 characters') }),
      },
    },
    async (request) =>
      prep.saveMediatorNote(
        deps,
        request.actor,
        request.params.caseId,
        request.params.participantId,
        request.body.note,
      ),
  );
}
