import { z } from 'zod';
import { Can } from './can.ts';
import { ProgramParams } from './programs.ts';
import { defineRoute } from './route.ts';

/**
 * Reports: a program's dashboard of figures (requests, mediations held, outcomes, days, sessions,
 * satisfaction, promises, cost avoided, trends by month), and its report settings. Figures only:
 * no words from a case, ever.
 */

const tags = ['reports'];
const optionalFilter = (max: number) => z.string().trim().min(1).max(max).optional();

export const DashboardQuery = z.object({
  from: z.iso.date('Enter the first day like 2026-07-01').optional(),
  to: z.iso.date('Enter the last day like 2027-06-30').optional(),
  county: optionalFilter(60),
  mediatorId: optionalFilter(64),
  caseType: optionalFilter(40),
  category: optionalFilter(40),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const Spread = z.object({
  /** How many cases the figures describe. */
  cases: z.number(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
});
const SurveyGroup = z.object({
  responses: z.number(),
  /** Each question's answers from 1 to 5: counts[0] is the number who chose 1. */
  questions: z.array(z.object({ key: z.string(), label: z.string(), counts: z.array(z.number()) })),
  recommend: z.object({ yes: z.number(), no: z.number() }),
});
export const Dashboard = z.object({
  program: z.object({ id: z.string(), name: z.string() }),
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  filters: z.object({
    county: z.string().nullable(),
    mediatorId: z.string().nullable(),
    caseType: z.string().nullable(),
    category: z.string().nullable(),
  }),
  /** What the filters may be set to: the values the program's cases hold. */
  choices: z.object({
    counties: z.array(z.string()),
    mediators: z.array(z.object({ id: z.string(), name: z.string() })),
    caseTypes: z.array(z.string()),
    categories: z.array(z.string()),
  }),
  requests: z.object({ received: z.number(), declined: z.number(), withdrawn: z.number() }),
  mediationsHeld: z.number(),
  outcomes: z.object({
    full: z.number(),
    partial: z.number(),
    informal: z.number(),
    none: z.number(),
    notSuitable: z.number(),
  }),
  resolution: z.object({
    resolved: z.number(),
    ended: z.number(),
    /** Percent to one decimal; null when no mediation ended. */
    rate: z.number().nullable(),
    definition: z.string(),
  }),
  days: z.object({ toFirstSession: Spread, toClose: Spread, definition: z.string() }),
  sessions: z.object({
    cases: z.number(),
    sessions: z.number(),
    hours: z.number(),
    sessionsPerCase: z.number().nullable(),
    hoursPerCase: z.number().nullable(),
  }),
  satisfaction: z.object({ withAgreement: SurveyGroup, withoutAgreement: SurveyGroup }),
  promises: z.object({
    onTime: z.number(),
    late: z.number(),
    missed: z.number(),
    waived: z.number(),
    open: z.number(),
  }),
  deadlines: z.object({
    due: z.number(),
    met: z.number(),
    rate: z.number().nullable(),
    definition: z.string(),
  }),
  costAvoided: z.object({
    resolved: z.number(),
    costPerCase: z.number(),
    total: z.number(),
    source: z.string(),
    definition: z.string(),
  }),
  trends: z.array(
    z.object({
      month: z.string(),
      received: z.number(),
      held: z.number(),
      closed: z.number(),
      resolved: z.number(),
    }),
  ),
  can: Can('editSettings'),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const getDashboard = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/reports/dashboard',
  summary: "A program's figures for a period, by county, mediator, kind of case and category (coordinators)",
  tags,
  params: ProgramParams,
  query: DashboardQuery,
  response: { 200: Dashboard },
});

export const ReportSettings = z.object({
  dueProcessCost: z.number(),
  dueProcessCostSource: z.string(),
  /** The program's public summary (resolution rate and satisfaction) is shown to anyone. */
  publicSummary: z.boolean(),
  /** Still the default figure and source (nothing saved yet). */
  isDefault: z.boolean(),
  can: Can('edit'),
});
export type ReportSettings = z.infer<typeof ReportSettings>;
export const SetReportSettingsBody = z.object({
  dueProcessCost: z
    .number('Enter what one due-process hearing costs, in dollars')
    .int('Enter whole dollars')
    .min(0, 'Enter a cost of 0 dollars or more')
    .max(10_000_000, 'Enter a cost under 10,000,000 dollars'),
  dueProcessCostSource: z
    .string('Say where the cost comes from')
    .trim()
    .min(3, 'Say where the cost comes from')
    .max(500, 'Keep the source under 500 characters'),
  publicSummary: z.boolean('Say whether the public summary is shown'),
});
export type SetReportSettingsBody = z.infer<typeof SetReportSettingsBody>;

export const getReportSettings = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/reports/settings',
  summary: "A program's report settings: the due-process cost and the public summary (coordinators)",
  tags,
  params: ProgramParams,
  response: { 200: ReportSettings },
});
export const setReportSettings = defineRoute({
  method: 'PUT',
  path: '/api/v1/programs/:programId/reports/settings',
  summary: "Change a program's report settings (coordinators)",
  tags,
  params: ProgramParams,
  body: SetReportSettingsBody,
  response: { 200: ReportSettings },
});
