import { z } from 'zod';
import { COURSE_KINDS } from '../domain/eligibility.ts';
import { PATH_STEPS } from '../domain/mediator-path.ts';
import { defineRoute } from './route.ts';

/** For every signed-in person: continuing education this year and the path to becoming a mediator. */

const progressTags = ['association: continuing education and the path'];

/** Hours of one kind of training: a year's CE by kind, or what an event counts for. */
export const CourseHours = z.object({ kind: z.enum(COURSE_KINDS), hours: z.number() });

export const ContinuingEducation = z.object({
  year: z.number(),
  expectedHours: z.number(),
  earnedHours: z.number(),
  remainingHours: z.number(),
  met: z.boolean(),
  byKind: z.array(CourseHours),
});
export type ContinuingEducation = z.infer<typeof ContinuingEducation>;
export const getContinuingEducation = defineRoute({
  method: 'GET',
  path: '/api/v1/association/continuing-education',
  summary: 'My hours this year by kind against the yearly expectation (members)',
  tags: progressTags,
  response: { 200: ContinuingEducation },
});

export const PathStep = z.object({
  step: z.enum(PATH_STEPS),
  done: z.boolean(),
  tickedBy: z.enum(['parley', 'you']).nullable(),
  /** Parley cannot see this step, so the person ticks it. */
  selfTickable: z.boolean(),
  detail: z.string(),
});
export type PathStep = z.infer<typeof PathStep>;
export const getPath = defineRoute({
  method: 'GET',
  path: '/api/v1/association/path',
  summary: 'My checklist on the path to becoming a mediator',
  tags: progressTags,
  response: { 200: z.array(PathStep) },
});
export const TickParams = z.object({ step: z.enum(PATH_STEPS, 'Choose one of the steps') });
export const TickBody = z.object({ done: z.boolean('Say whether it is done') });
export const tickStep = defineRoute({
  method: 'PUT',
  path: '/api/v1/association/path/:step',
  summary: 'Check or uncheck a step Parley cannot see',
  tags: progressTags,
  params: TickParams,
  body: TickBody,
  response: { 200: z.array(PathStep) },
});
