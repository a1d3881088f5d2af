import { z } from 'zod';
import { FEDERAL_FIGURE_KEYS, FEWER_THAN_5 } from '../domain/reports.ts';
import { Can } from './can.ts';
import { ProgramParams } from './programs.ts';
import { defineRoute, fileBody } from './route.ts';

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
/** The days the figures cover; null where the period is open. */
const Period = z.object({ from: z.string().nullable(), to: z.string().nullable() });
export const Dashboard = z.object({
  program: z.object({ id: z.string(), name: z.string() }),
  period: Period,
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
    /** Null where the program's rules allow no unwritten agreement and none was recorded. */
    informal: z.number().nullable(),
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

export const getMyFigures = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/reports/mine',
  summary: "A mediator's own figures in a program: the cases they mediate, and only those",
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

/** The dashboard as a spreadsheet (CSV) or a printed report (PDF), for the same period and filters. */
export const getDashboardCsv = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/reports/dashboard.csv',
  summary: "A program's figures as a spreadsheet (CSV)",
  tags,
  params: ProgramParams,
  query: DashboardQuery,
  response: { 200: fileBody(['text/csv'], 'The figures, one per line: section, figure, value') },
});
export const getDashboardPdf = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/reports/dashboard.pdf',
  summary: "A program's figures as a printed report (PDF)",
  tags,
  params: ProgramParams,
  query: DashboardQuery,
  response: { 200: fileBody(['application/pdf'], 'The figures as a report') },
});

// The federal section: IDEA Part B dispute resolution, mediation, for a reporting year.

export const FederalQuery = z.object({
  year: z.coerce
    .number('Choose the reporting year')
    .int('Choose the reporting year')
    .min(2000, 'Choose a reporting year from 2000')
    .max(2100, 'Choose a reporting year before 2100')
    .optional(),
});
export type FederalQuery = z.infer<typeof FederalQuery>;
export const FederalSection = z.object({
  program: z.object({ id: z.string(), name: z.string() }),
  year: z.number(),
  /** "2025–26": July 1, 2025 to June 30, 2026. */
  label: z.string(),
  from: z.string(),
  to: z.string(),
  figures: z.array(
    z.object({
      key: z.enum(FEDERAL_FIGURE_KEYS),
      number: z.string(),
      label: z.string(),
      counts: z.string(),
      value: z.number(),
    }),
  ),
});
export type FederalSection = z.infer<typeof FederalSection>;
export const getFederalSection = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/reports/federal',
  summary: 'The IDEA Part B dispute-resolution mediation figures for a reporting year (coordinators)',
  tags,
  params: ProgramParams,
  query: FederalQuery,
  response: { 200: FederalSection },
});
export const getFederalCsv = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/reports/federal.csv',
  summary: 'The federal mediation figures for a reporting year as a spreadsheet (CSV)',
  tags,
  params: ProgramParams,
  query: FederalQuery,
  response: { 200: fileBody(['text/csv'], 'The figures: number, figure, value') },
});
export const getFederalPdf = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/reports/federal.pdf',
  summary: 'The federal mediation figures for a reporting year as a printed report (PDF)',
  tags,
  params: ProgramParams,
  query: FederalQuery,
  response: { 200: fileBody(['application/pdf'], 'The figures as a report') },
});
export const FederalCasesQuery = FederalQuery.extend({
  figure: z.enum(FEDERAL_FIGURE_KEYS, 'Choose one of the federal figures'),
});
export const FederalCases = z.object({
  figure: z.enum(FEDERAL_FIGURE_KEYS),
  label: z.string(),
  cases: z.array(z.object({ id: z.string(), reference: z.string() })),
});
export type FederalCases = z.infer<typeof FederalCases>;
export const getFederalCases = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/reports/federal/cases',
  summary: 'The cases behind one federal figure (coordinators)',
  tags,
  params: ProgramParams,
  query: FederalCasesQuery,
  response: { 200: FederalCases },
});

// What parties and the public may see: the opt-in public summary, small counts hidden.

/** A count, or "fewer than 5" where it is 1 to 4. */
export const PublicCell = z.union([z.number(), z.literal(FEWER_THAN_5)]);
export const PublicSummary = z.object({
  program: z.object({ id: z.string(), name: z.string() }),
  /** The last 12 months, to today. */
  from: z.string(),
  to: z.string(),
  mediationsEnded: PublicCell,
  resolved: PublicCell,
  /** Percent to one decimal; null when fewer than 5 mediations ended. */
  resolutionRate: z.number().nullable(),
  resolutionDefinition: z.string(),
  surveyAnswers: PublicCell,
  /** Each question's answers from 1 to 5, each a count or "fewer than 5". */
  questions: z.array(z.object({ key: z.string(), label: z.string(), counts: z.array(PublicCell) })),
  /** Percent who would recommend mediation; null when fewer than 5 answered. */
  wouldRecommend: z.number().nullable(),
});
export type PublicSummary = z.infer<typeof PublicSummary>;
export const getPublicSummary = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/reports/public',
  summary:
    "A program's public summary, if it shows one: resolution rate and satisfaction, small counts hidden",
  tags,
  params: ProgramParams,
  response: { 200: PublicSummary },
});

// The association's figures: members, renewals and lapses, events and CE hours, the directory.

export const AssociationQuery = z.object({
  from: z.iso.date('Enter the first day like 2026-01-01').optional(),
  to: z.iso.date('Enter the last day like 2026-12-31').optional(),
});
export type AssociationQuery = z.infer<typeof AssociationQuery>;
export const AssociationFigures = z.object({
  period: Period,
  /** Members today, by tier and status. */
  members: z.array(z.object({ tier: z.string(), status: z.string(), members: z.number() })),
  /** By month (UTC) in the period: memberships begun, renewed and lapsed. */
  months: z.array(
    z.object({ month: z.string(), joined: z.number(), renewed: z.number(), lapsed: z.number() }),
  ),
  renewals: z.number(),
  lapses: z.number(),
  events: z.object({ attended: z.number(), ceHours: z.number() }),
  directory: z.object({ listings: z.number(), contactRequests: z.number() }),
});
export type AssociationFigures = z.infer<typeof AssociationFigures>;
export const getAssociationFigures = defineRoute({
  method: 'GET',
  path: '/api/v1/reports/association',
  summary:
    "The association's figures: members by tier and status, renewals and lapses, events and CE hours, the directory (staff)",
  tags,
  query: AssociationQuery,
  response: { 200: AssociationFigures },
});
