import { z } from 'zod';
import { OUTCOMES } from '../../../domain/outcomes.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { CaseParams, ProgramCaseParams } from '../cases/cases.schemas.ts';
import { sendDownload } from '../files/files.service.ts';
import { courtReport, courtReportPdf } from './court-report.ts';
import * as outcomes from './outcomes.service.ts';
import * as survey from './survey.service.ts';

const tags = ['outcomes'];
const score = (what: string) =>
  z.number(`Choose how ${what}`).int().min(1, 'Choose 1 to 5').max(5, 'Choose 1 to 5');

export function outcomesRoutes(app: App, deps: Deps) {
  app.post(
    '/api/v1/cases/:caseId/outcome',
    {
      schema: {
        tags,
        summary: 'Close the case with its outcome (the mediator)',
        params: CaseParams,
        body: z.object({ outcome: z.enum(OUTCOMES, 'Choose how the mediation ended') }),
      },
    },
    async (request) => outcomes.closeCase(deps, request.actor, request.params.caseId, request.body.outcome),
  );
  app.get(
    '/api/v1/cases/:caseId/outcome',
    { schema: { tags, summary: 'How the case ended, and next steps', params: CaseParams } },
    async (request) => outcomes.getOutcome(deps, request.actor, request.params.caseId),
  );
  app.get(
    '/api/v1/cases/:caseId/survey',
    { schema: { tags, summary: 'My satisfaction survey', params: CaseParams } },
    async (request) => survey.getSurvey(deps, request.actor, request.params.caseId),
  );
  app.put(
    '/api/v1/cases/:caseId/survey',
    {
      schema: {
        tags,
        summary: 'Answer my satisfaction survey',
        params: CaseParams,
        body: z.object({
          overall: score('it went overall'),
          heard: score('well you were heard'),
          fair: score('fair it was'),
          recommend: z.boolean('Say whether you would recommend mediation'),
          comment: z.string().trim().max(1000, 'Keep it under 1000 characters').default(''),
        }),
      },
    },
    async (request) => survey.answerSurvey(deps, request.actor, request.params.caseId, request.body),
  );
  app.get(
    '/api/v1/programs/:programId/survey-summary',
    { schema: { tags, summary: 'Survey results for a program (counts only)', params: ProgramCaseParams } },
    async (request) => survey.surveySummary(deps, request.actor, request.params.programId),
  );
  app.get(
    '/api/v1/cases/:caseId/court-report',
    {
      schema: {
        tags,
        summary: 'The report to the court or agency (allowed fields only)',
        params: CaseParams,
      },
    },
    async (request) => courtReport(deps, request.actor, request.params.caseId),
  );
  app.get(
    '/api/v1/cases/:caseId/court-report.pdf',
    { schema: { tags, summary: 'The report to the court or agency (PDF)', params: CaseParams } },
    async (request, reply) => {
      const { pdf, filename } = await courtReportPdf(deps, request.actor, request.params.caseId);
      return sendDownload(reply, { data: pdf, filename, contentType: 'application/pdf' });
    },
  );
}
