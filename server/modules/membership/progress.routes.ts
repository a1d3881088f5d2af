import { z } from 'zod';
import { COURSE_KINDS } from '../../../domain/eligibility.ts';
import { PATH_STEPS } from '../../../domain/mediator-path.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import * as progress from './progress.service.ts';

const tags = ['association: continuing education and the path'];
const Step = z.object({
  step: z.enum(PATH_STEPS),
  done: z.boolean(),
  tickedBy: z.enum(['parley', 'you']).nullable(),
  selfTickable: z.boolean(),
  detail: z.string(),
});

export function progressRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/association/continuing-education',
    {
      schema: {
        tags,
        summary: 'My hours this year by kind against the yearly expectation (members)',
        response: {
          200: z.object({
            year: z.number(),
            expectedHours: z.number(),
            earnedHours: z.number(),
            remainingHours: z.number(),
            met: z.boolean(),
            byKind: z.array(z.object({ kind: z.enum(COURSE_KINDS), hours: z.number() })),
          }),
        },
      },
    },
    async (request) => progress.myContinuingEducation(deps, request.actor),
  );
  app.get(
    '/api/v1/association/path',
    {
      schema: {
        tags,
        summary: 'My checklist on the path to becoming a mediator',
        response: { 200: z.array(Step) },
      },
    },
    async (request) => progress.myPath(deps, request.actor),
  );
  app.put(
    '/api/v1/association/path/:step',
    {
      schema: {
        tags,
        summary: 'Tick or untick a step Parley cannot see',
        params: z.object({ step: z.enum(PATH_STEPS, 'Choose one of the steps') }),
        body: z.object({ done: z.boolean('Say whether it is done') }),
        response: { 200: z.array(Step) },
      },
    },
    async (request) => progress.tickStep(deps, request.actor, request.params.step, request.body.done),
  );
}
