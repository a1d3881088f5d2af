import { z } from 'zod';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { getProgramRules, setRuleOverrides } from './program-rules.service.ts';
import {
  CreateProgramBody,
  ProgramParams,
  ProgramPerson,
  ProgramRules,
  ProgramSummary,
  RuleOverridesBody,
  UpdateProgramBody,
} from './programs.schemas.ts';
import * as programs from './programs.service.ts';

const tags = ['programs'];

export function programsRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/programs',
    { schema: { tags, summary: 'Mediation programs on Parley', response: { 200: z.array(ProgramSummary) } } },
    async () => programs.listPrograms(deps),
  );
  app.get(
    '/api/v1/programs/:programId',
    { schema: { tags, summary: 'One program', params: ProgramParams, response: { 200: ProgramSummary } } },
    async (request) => programs.getProgram(deps, request.params.programId),
  );
  app.post(
    '/api/v1/programs',
    {
      schema: {
        tags,
        summary: 'Create a program (administrators)',
        body: CreateProgramBody,
        response: { 201: ProgramSummary },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await programs.createProgram(deps, request.actor, request.body)),
  );
  app.patch(
    '/api/v1/programs/:programId',
    {
      schema: {
        tags,
        summary: "Change a program's settings",
        params: ProgramParams,
        body: UpdateProgramBody,
        response: { 200: ProgramSummary },
      },
    },
    async (request) => programs.updateProgram(deps, request.actor, request.params.programId, request.body),
  );
  app.get(
    '/api/v1/programs/:programId/people',
    {
      schema: {
        tags,
        summary: 'People with a role in the program',
        params: ProgramParams,
        response: { 200: z.array(ProgramPerson) },
      },
    },
    async (request) => programs.listProgramPeople(deps, request.actor, request.params.programId),
  );

  app.get(
    '/api/v1/programs/:programId/rules',
    {
      schema: {
        tags,
        summary: 'The rules a program runs by: its rule pack and local rules, with citations',
        params: ProgramParams,
        response: { 200: ProgramRules },
      },
    },
    async (request) => getProgramRules(deps, request.params.programId),
  );
  app.put(
    '/api/v1/programs/:programId/rules/local',
    {
      schema: {
        tags,
        summary: "Set the program's local rules where its pack allows (coordinators)",
        params: ProgramParams,
        body: RuleOverridesBody,
        response: { 200: ProgramRules },
      },
    },
    async (request) => setRuleOverrides(deps, request.actor, request.params.programId, request.body),
  );
}
