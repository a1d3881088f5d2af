import { z } from 'zod';
import { RETENTION_LIMITS } from '../domain/retention.ts';
import { Can } from './can.ts';
import { Id } from './id.ts';
import { inOrder } from './list.ts';
import { ProgramParams } from './programs.ts';
import { defineRoute, fileBody } from './route.ts';

/**
 * Retention: how long a program keeps closed cases (its pack's figure and source, or its own
 * schedule), when confidential words go, and legal holds that stop a case's purge.
 */

const tags = ['retention'];
const reason = z
  .string('Give the reason')
  .trim()
  .min(3, 'Give the reason (a court order, a claim, a records request)')
  .max(500, 'Keep it under 500 characters');

const CitedYears = z.object({
  value: z.number(),
  cite: z.string(),
  since: z.string(),
  source: z.string().optional(),
  read: z.string().optional(),
  confirmed: z.literal(false).optional(),
  note: z.string().optional(),
});

export const RetentionPolicy = z.object({
  closedCaseYears: CitedYears.extend({
    /** The program's own schedule rather than its pack's figure. */
    local: z.boolean(),
  }),
  /** The pack's figure and where it comes from, whether or not the program follows it. */
  packClosedCaseYears: CitedYears,
  /** The bounds a program's own schedule must keep within. */
  limits: z.object({ minYears: z.number(), maxYears: z.number(), maxConfidentialDays: z.number() }),
  /** Days after closing that confidential words are purged; null: with the rest of the record. */
  confidentialAfterDays: z.number().nullable(),
  /** Closed cases of the program under a legal hold now. */
  casesOnHold: z.number(),
  can: Can('change'),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicy>;

export const getRetention = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/retention',
  summary:
    'How long the program keeps closed cases, where the figure comes from, and when confidential words go',
  tags,
  params: ProgramParams,
  response: { 200: RetentionPolicy },
});

export const SetRetentionBody = z.object({
  /** The program's own schedule, naming it; null goes back to the pack's figure. */
  closedCaseYears: z
    .object({
      value: z
        .number('Enter a number of years')
        .int('Enter whole years')
        .min(RETENTION_LIMITS.minYears, `Keep records at least ${RETENTION_LIMITS.minYears} year`)
        .max(RETENTION_LIMITS.maxYears, `At most ${RETENTION_LIMITS.maxYears} years`),
      cite: z
        .string('Name the schedule this follows')
        .trim()
        .min(3, 'Name the schedule or rule this follows')
        .max(300, 'Keep it under 300 characters'),
    })
    .nullable(),
  confidentialAfterDays: z
    .number('Enter a number of days, or leave it empty')
    .int('Enter whole days')
    .min(0, 'Enter 0 or more days')
    .max(RETENTION_LIMITS.maxConfidentialDays, `At most ${RETENTION_LIMITS.maxConfidentialDays} days`)
    .nullable(),
});
export type SetRetentionBody = z.infer<typeof SetRetentionBody>;

export const setRetention = defineRoute({
  method: 'PUT',
  path: '/api/v1/programs/:programId/retention',
  summary: "Set the program's own retention schedule and when confidential words are purged",
  tags,
  params: ProgramParams,
  body: SetRetentionBody,
  response: { 200: RetentionPolicy },
});

export const LegalHold = z.object({
  id: z.string(),
  reason: z.string(),
  placedBy: z.string().nullable(),
  placedAt: z.string(),
  liftedBy: z.string().nullable(),
  liftedAt: z.string().nullable(),
  liftReason: z.string().nullable(),
  can: Can('lift'),
});
export type LegalHold = z.infer<typeof LegalHold>;

export const LegalHolds = z.object({
  /** Whether a hold stands now: nothing of the case is purged while one does. */
  held: z.boolean(),
  holds: z.array(LegalHold),
  can: Can('place'),
});
export type LegalHolds = z.infer<typeof LegalHolds>;

export const CaseHoldParams = z.object({ caseId: Id });
export const HoldParams = z.object({ caseId: Id, holdId: Id });
export const HoldReasonBody = z.object({ reason });
export type HoldReasonBody = z.infer<typeof HoldReasonBody>;

export const listLegalHolds = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/legal-holds',
  summary: "A case's legal holds, standing and lifted",
  tags,
  params: CaseHoldParams,
  response: { 200: LegalHolds },
});

export const placeLegalHold = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/legal-holds',
  summary: 'Place a legal hold: nothing of the case is purged until it is lifted (coordinators)',
  tags,
  params: CaseHoldParams,
  body: HoldReasonBody,
  response: { 201: LegalHold },
});

export const liftLegalHold = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/legal-holds/:holdId/lift',
  summary: 'Lift a legal hold, with the reason (coordinators)',
  tags,
  params: HoldParams,
  body: HoldReasonBody,
  response: { 200: LegalHold },
});

const month = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `Give the ${what} month as year and month, like 2026-03`)
    .optional();

/** The period a report covers, by the month cases closed (both ends included; either may be left open). */
export const CaseReportQuery = z
  .object({ from: month('first'), to: month('last') })
  .refine(...inOrder('from', 'to', 'The last month cannot come before the first'));
export type CaseReportQuery = z.infer<typeof CaseReportQuery>;

export const CaseReport = z.object({
  /** The period asked for (closing months, both ends included), null where left open. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Closed cases of the program, those still kept and those purged (their statistical rows) alike. */
  closed: z.number(),
  /** Of them, how many were purged at the end of their retention. */
  purged: z.number(),
  byMonth: z.array(z.object({ month: z.string(), cases: z.number() })),
  byState: z.array(z.object({ state: z.string(), cases: z.number() })),
});
export type CaseReport = z.infer<typeof CaseReport>;

export const getCaseReport = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/case-report',
  summary: 'Closed cases counted by month and by how they ended, purged ones included (coordinators)',
  tags,
  params: ProgramParams,
  query: CaseReportQuery,
  response: { 200: CaseReport },
});

export const downloadCaseReport = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/case-report.csv',
  summary: 'The case report as a spreadsheet: closed cases by month and how they ended (coordinators)',
  tags,
  params: ProgramParams,
  query: CaseReportQuery,
  response: {
    200: fileBody(['text/csv'], 'One row per closing month and way of ending, with the count of cases'),
  },
});
