import { z } from 'zod';
import { MEDIATOR_STATUSES } from '../domain/mediator-selection.ts';
import { CaseState } from './case-fields.ts';
import { ProgramParams } from './programs.ts';
import { defineRoute } from './route.ts';

/** The lists of cases: a person's own cases and a program's cases (the mediator's desk is in contracts/cases.ts). */

const tags = ['cases'];

// A person's cases

const CaseLine = {
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  state: CaseState,
  stateLabel: z.string(),
  updatedAt: z.string(),
};

/** A case in "my cases": mine as a party or companion, or one I mediate (or am offered). */
export const MyCase = z.object({
  ...CaseLine,
  programName: z.string(),
  asMediator: z.boolean(),
  mediatorStatus: z.enum(MEDIATOR_STATUSES).nullable(),
  /** The written agreement is signed: its promises are tracked on the case's promises page. */
  hasPromises: z.boolean(),
});
export type MyCase = z.infer<typeof MyCase>;
export const listMyCases = defineRoute({
  method: 'GET',
  path: '/api/v1/cases',
  summary: 'My cases, and cases I mediate',
  tags,
  response: { 200: z.array(MyCase) },
});

// A program's cases

/** A case in a program's intake queue. */
export const ProgramCase = z.object({
  ...CaseLine,
  createdAt: z.string(),
  mediatorName: z.string().nullable(),
  mediatorStatus: z.enum(MEDIATOR_STATUSES).nullable(),
});
export type ProgramCase = z.infer<typeof ProgramCase>;
export const listProgramCases = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/cases',
  summary: "A program's intake queue and cases",
  tags,
  params: ProgramParams,
  response: { 200: z.array(ProgramCase) },
});
