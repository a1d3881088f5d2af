import { z } from 'zod';
import { OUTCOMES } from '../domain/outcomes.ts';
import { CopyQuery } from './agreements-to-mediate.ts';
import { Can } from './can.ts';
import { CaseState } from './case-fields.ts';
import { CaseParams } from './cases.ts';
import { ProgramParams } from './programs.ts';
import { defineRoute, fileBody } from './route.ts';

/**
 * How a case ended: the outcome and its next steps, each party's satisfaction survey, a program's
 * survey results, and the report to the court or agency.
 */

const tags = ['outcomes'];
const Outcome = z.enum(OUTCOMES, 'Choose how the mediation ended');
/** What the report to the court says: only whether the case settled, or also whether mediation took place and who attended. */
const CourtReportScope = z.enum(['settlement_only', 'settlement_and_attendance']);
const score = (what: string) =>
  z.number(`Choose how ${what}`).int('Choose 1 to 5').min(1, 'Choose 1 to 5').max(5, 'Choose 1 to 5');

export const CloseCaseBody = z.object({ outcome: Outcome });
export type CloseCaseBody = z.infer<typeof CloseCaseBody>;
export const closeCase = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/outcome',
  summary: 'Close the case with its outcome (the mediator)',
  tags,
  params: CaseParams,
  body: CloseCaseBody,
  response: {
    200: z.object({ state: CaseState, outcome: Outcome, nextSteps: z.array(z.string()) }),
  },
});

/** How the case ended (null while it is open), and what the viewer may do about it. */
export const CaseOutcome = z.object({
  result: z
    .object({ outcome: Outcome, label: z.string(), closedAt: z.string(), nextSteps: z.array(z.string()) })
    .nullable(),
  /** The outcomes this case's rules let it close with (special education: never an unwritten agreement). */
  outcomes: z.array(Outcome),
  /** What the report to the court says here: only whether the case settled, or also whether mediation took place and who attended. */
  courtReportScope: CourtReportScope,
  can: Can('close', 'answerSurvey', 'readCourtReport'),
});
export type CaseOutcome = z.infer<typeof CaseOutcome>;
export const getOutcome = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/outcome',
  summary: 'How the case ended, and next steps',
  tags,
  params: CaseParams,
  response: { 200: CaseOutcome },
});

export const SurveyBody = z.object({
  overall: score('it went overall'),
  heard: score('well you were heard'),
  fair: score('fair it was'),
  recommend: z.boolean('Say whether you would recommend mediation'),
  comment: z.string().trim().max(1000, 'Keep it under 1000 characters').default(''),
});
export type SurveyBody = z.input<typeof SurveyBody>;
const SurveyAnswers = z.object({
  overall: z.number(),
  heard: z.number(),
  fair: z.number(),
  recommend: z.boolean(),
  comment: z.string(),
});
export const Survey = z.object({
  answeredAt: z.string().nullable(),
  answers: SurveyAnswers.nullable(),
  can: Can('answer'),
});
export type Survey = z.infer<typeof Survey>;
export const getSurvey = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/survey',
  summary: 'My satisfaction survey',
  tags,
  params: CaseParams,
  response: { 200: Survey },
});
export const answerSurvey = defineRoute({
  method: 'PUT',
  path: '/api/v1/cases/:caseId/survey',
  summary: 'Answer my satisfaction survey',
  tags,
  params: CaseParams,
  body: SurveyBody,
  response: { 200: z.object({ answeredAt: z.string(), answers: SurveyAnswers }) },
});

export const SurveySummary = z.object({
  sent: z.number(),
  answered: z.number(),
  overall: z.number().nullable(),
  heard: z.number().nullable(),
  fair: z.number().nullable(),
  wouldRecommend: z.number(),
});
export type SurveySummary = z.infer<typeof SurveySummary>;
export const getSurveySummary = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/survey-summary',
  summary: 'Survey results for a program (counts only)',
  tags,
  params: ProgramParams,
  response: { 200: SurveySummary },
});

/**
 * What the report to the court may say, and no more: the fields the program's circuit allows
 * (its `courtReport` choice; the pack's default). The 7th Circuit allows only whether the case
 * settled, so a report of that scope carries no attendance and no dates of sessions.
 */
export const CourtReport = z.object({
  /** Which report this is: only whether the dispute settled, or also whether mediation took place and who attended. */
  scope: CourtReportScope,
  /** The rule the scope follows (the circuit's local rule, or the pack's default). */
  scopeCite: z.string(),
  caseReference: z.string(),
  program: z.string(),
  courtCaseNumber: z.string().nullable(),
  mediationTookPlace: z.boolean().optional(),
  mediationEnded: z.boolean().optional(),
  endedOn: z.string().nullable().optional(),
  settlement: z.enum(['full', 'partial', 'none']),
  attendance: z
    .array(
      z.object({ name: z.string(), role: z.string(), side: z.string().nullable(), attended: z.boolean() }),
    )
    .optional(),
});
export type CourtReport = z.infer<typeof CourtReport>;
export const getCourtReport = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/court-report',
  summary: 'The report to the court or agency (allowed fields only)',
  tags,
  params: CaseParams,
  response: { 200: CourtReport },
});
export const getCourtReportPdf = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/court-report.pdf',
  summary: 'The report to the court or agency (PDF)',
  tags,
  params: CaseParams,
  query: CopyQuery,
  response: { 200: fileBody(['application/pdf'], 'The report of mediation') },
});
