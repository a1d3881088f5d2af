import { z } from 'zod';
import { MILESTONE_EVENT_KINDS, MILESTONE_STATES } from '../domain/compliance.ts';
import { DueOn } from './agreements.ts';
import { CopyQuery } from './agreements-to-mediate.ts';
import { Can } from './can.ts';
import { Side } from './case-fields.ts';
import { fileTypesOf, UploadFile } from './files.ts';
import { Id } from './id.ts';
import { inOrder, pageOf } from './list.ts';
import { ProgramParams } from './programs.ts';
import { defineRoute, fileBody } from './route.ts';

/**
 * After the agreement: the promises in a signed agreement's timeline, their evidence, the
 * reminders sent, the enforcement packet, and a program's view of promises kept.
 */

const tags = ['after the agreement'];
const date = z.iso.date('Enter a date like 2026-03-03');
const note = (max: number) => z.string().trim().max(max, `Keep it under ${max} characters`);

export const CaseComplianceParams = z.object({ caseId: Id });
export const MilestoneParams = z.object({ caseId: Id, milestoneId: Id });
export type MilestoneParams = z.infer<typeof MilestoneParams>;
export const EvidenceParams = MilestoneParams.extend({ fileId: Id });

const ResponsibleSide = z.enum(['requester', 'respondent', 'both'], 'Choose who is responsible');
const MilestoneState = z.enum(MILESTONE_STATES);

/** When a promise falls due, as stored: a date, or days or months after everyone signed. */
export const ComplianceDue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: z.string() }),
  z.object({ kind: z.literal('days_after_signing'), days: z.number().int() }),
  z.object({ kind: z.literal('months_after_signing'), months: z.number().int() }),
]);
export type ComplianceDue = z.infer<typeof ComplianceDue>;

/** A correction's fields, before and after. */
export const MilestoneChanges = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));
export type MilestoneChanges = z.infer<typeof MilestoneChanges>;

export const MilestoneLogEntry = z.object({
  id: z.string(),
  kind: z.enum(MILESTONE_EVENT_KINDS),
  from: MilestoneState.nullable(),
  to: MilestoneState.nullable(),
  by: z.string(),
  side: Side.nullable(),
  onDate: z.string().nullable(),
  note: z.string(),
  changes: MilestoneChanges,
  at: z.string(),
});
export type MilestoneLogEntry = z.infer<typeof MilestoneLogEntry>;

export const EvidenceEntry = z.object({
  fileId: z.string(),
  eventId: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  addedAt: z.string(),
});
export type EvidenceEntry = z.infer<typeof EvidenceEntry>;

/** One promise: what, who, by when, where it stands, and what the viewer may do with it. */
export const Milestone = z.object({
  id: z.string(),
  position: z.number(),
  what: z.string(),
  responsibleText: z.string(),
  responsibleSide: ResponsibleSide,
  responsibleLabel: z.string(),
  due: ComplianceDue,
  dueWords: z.string(),
  dueDate: z.string(),
  signedOn: z.string(),
  evidenceExpected: z.string(),
  state: MilestoneState,
  stateWords: z.string(),
  overdue: z.boolean(),
  doneOn: z.string().nullable(),
  can: Can('markDone', 'confirm', 'dispute', 'waive', 'correct'),
  log: z.array(MilestoneLogEntry),
  evidence: z.array(EvidenceEntry),
});
export type Milestone = z.infer<typeof Milestone>;

/** The people a reminder was e-mailed to, by name and role (never their addresses). */
export const ReminderRecipients = z.array(z.object({ name: z.string(), role: z.string() }));
export type ReminderRecipients = z.infer<typeof ReminderRecipients>;

export const ReminderSent = z.object({
  id: z.string(),
  milestoneId: z.string(),
  what: z.string(),
  kind: z.enum(['before', 'due_today', 'overdue']),
  dueDate: z.string(),
  sentAt: z.string(),
  to: ReminderRecipients,
});
export type ReminderSent = z.infer<typeof ReminderSent>;

export const CaseCompliance = z.object({
  caseId: z.string(),
  reference: z.string(),
  today: z.string(),
  signedOn: z.string().nullable(),
  milestones: z.array(Milestone),
  reminders: z.array(ReminderSent),
  can: Can('downloadEnforcementPacket'),
});
export type CaseCompliance = z.infer<typeof CaseCompliance>;
export const getCaseCompliance = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/compliance',
  summary: 'What was promised, by when, and is it done',
  tags,
  params: CaseComplianceParams,
  response: { 200: CaseCompliance },
});

const Due = z.discriminatedUnion(
  'kind',
  [
    DueOn.date,
    DueOn.daysAfterSigning,
    z.object({
      kind: z.literal('months_after_signing'),
      months: z
        .number('Enter a number of months')
        .int('Enter whole months')
        .min(1, 'At least 1 month')
        .max(24, 'At most 24 months'),
    }),
  ],
  { error: 'Choose a date, or a number of days or months after signing' },
);
const words = (what: string) =>
  z.string().trim().min(1, `Enter ${what}`).max(500, 'Keep it under 500 characters').optional();

export const CorrectMilestoneBody = z
  .object({
    what: words('what was promised'),
    responsibleSide: ResponsibleSide.optional(),
    due: Due.optional(),
    evidenceExpected: words('what shows it was done'),
    reason: z
      .string('Say why you are correcting it')
      .trim()
      .min(3, 'Say why you are correcting it')
      .max(1000, 'Keep it under 1000 characters'),
  })
  .refine((b) => b.what || b.responsibleSide || b.due || b.evidenceExpected, {
    message: 'Change at least one thing',
    path: ['what'],
  });
export type CorrectMilestoneBody = z.infer<typeof CorrectMilestoneBody>;
export const MilestoneMoved = z.object({ id: z.string(), state: MilestoneState });
export type MilestoneMoved = z.infer<typeof MilestoneMoved>;
export const correctMilestone = defineRoute({
  method: 'PATCH',
  path: '/api/v1/cases/:caseId/milestones/:milestoneId',
  summary: 'Correct a promise (mediator or program), with a reason',
  tags,
  params: MilestoneParams,
  body: CorrectMilestoneBody,
  response: { 200: MilestoneMoved.extend({ changed: z.array(z.string()) }) },
});

export const MarkDoneBody = z.object({
  doneOn: date,
  note: note(2000).default(''),
  files: z.array(UploadFile('evidence')).max(5, 'Attach at most 5 files').default([]),
});
export type MarkDoneBody = z.infer<typeof MarkDoneBody>;
export const markMilestoneDone = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/milestones/:milestoneId/done',
  summary: 'Mark a promise done, with evidence',
  tags,
  params: MilestoneParams,
  body: MarkDoneBody,
  response: { 200: MilestoneMoved.extend({ doneOn: z.string(), evidence: z.number() }) },
});

export const ConfirmBody = z.object({ note: note(2000).default('') });
export type ConfirmBody = z.infer<typeof ConfirmBody>;
export const confirmMilestone = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/milestones/:milestoneId/confirm',
  summary: 'Confirm a promise was kept',
  tags,
  params: MilestoneParams,
  body: ConfirmBody,
  response: { 200: MilestoneMoved },
});

export const DisputeBody = z.object({
  reason: z
    .string('Say what is not done')
    .trim()
    .min(1, 'Say what is not done')
    .max(2000, 'Keep it under 2000 characters'),
});
export type DisputeBody = z.infer<typeof DisputeBody>;
export const disputeMilestone = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/milestones/:milestoneId/dispute',
  summary: 'Say a promise marked done is not done',
  tags,
  params: MilestoneParams,
  body: DisputeBody,
  response: { 200: MilestoneMoved },
});

export const WaiveBody = z.object({
  confirm: z
    .boolean('Check the box to give up this promise')
    .refine((ticked) => ticked, 'Check the box to give up this promise'),
  note: note(2000).default(''),
});
export type WaiveBody = z.infer<typeof WaiveBody>;
export const waiveMilestone = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/milestones/:milestoneId/waive',
  summary: 'Give up a promise made to you',
  tags,
  params: MilestoneParams,
  body: WaiveBody,
  response: { 200: MilestoneMoved },
});

export const getEvidenceFile = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/milestones/:milestoneId/evidence/:fileId',
  summary: 'Download an evidence file',
  tags,
  params: EvidenceParams,
  response: { 200: fileBody(fileTypesOf('evidence'), 'The file as it was uploaded') },
});

export const getEnforcementPacket = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/enforcement-packet.pdf',
  summary: 'The enforcement packet (PDF) for a missed promise',
  tags,
  params: CaseComplianceParams,
  query: CopyQuery,
  response: {
    200: fileBody(
      ['application/pdf'],
      'The signed agreement, each promise’s log, the evidence index, the reminders and the audit trail',
    ),
  },
});

export const ComplianceSettings = z.object({
  remindDaysBefore: z
    .number('Enter a number of days')
    .int('Enter whole days')
    .min(0, 'At least 0 days')
    .max(60, 'At most 60 days'),
  escalateToMediator: z.boolean('Choose yes or no'),
  escalateToCoordinator: z.boolean('Choose yes or no'),
});
export type ComplianceSettings = z.infer<typeof ComplianceSettings>;

export const ProgramCompliance = z.object({
  programId: z.string(),
  programName: z.string(),
  today: z.string(),
  agreementsTracked: z.number(),
  milestones: z.number(),
  keptOnTime: z.object({ counted: z.number(), kept: z.number(), share: z.number().nullable() }),
  overdueAgreements: z.array(
    z.object({
      caseId: z.string(),
      reference: z.string(),
      title: z.string(),
      signedOn: z.string(),
      milestones: z.number(),
      overdue: z.array(
        z.object({ id: z.string(), what: z.string(), dueDate: z.string(), state: MilestoneState }),
      ),
    }),
  ),
  settings: ComplianceSettings,
});
export type ProgramCompliance = z.infer<typeof ProgramCompliance>;
export const getProgramCompliance = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/compliance',
  summary: 'Agreements with overdue promises; the share kept on time',
  tags,
  params: ProgramParams,
  response: { 200: ProgramCompliance },
});

export const setComplianceSettings = defineRoute({
  method: 'PUT',
  path: '/api/v1/programs/:programId/compliance/settings',
  summary: 'When to remind, and who hears about an overdue promise',
  tags,
  params: ProgramParams,
  body: ComplianceSettings,
  response: { 200: ComplianceSettings },
});

// Every promise of the program, a keyset page at a time (the program-wide view's list)

export const PROMISE_FILTERS = ['outstanding', 'overdue', 'kept', 'waived'] as const;
const day = z.iso.date('Enter a date like 2026-03-02');
export const PromisesQuery = z
  .object({
    status: z.enum(PROMISE_FILTERS, 'Choose outstanding, overdue, kept or waived').optional(),
    dueFrom: day.optional(),
    dueTo: day.optional(),
    dir: z.enum(['asc', 'desc'], 'Choose soonest or latest first').default('asc'),
    /** Where the last page ended (the `next` of the page before). */
    after: z.string().max(200).optional(),
    limit: z.coerce
      .number('Give the number of promises per page')
      .int()
      .min(1, 'Show at least 1 promise per page')
      .max(100, 'Show at most 100 promises per page')
      .default(25),
  })
  .refine(...inOrder('dueFrom', 'dueTo', 'The last due date cannot come before the first'));
export type PromisesQuery = z.input<typeof PromisesQuery>;

export const ProgramPromise = z.object({
  id: z.string(),
  caseId: z.string(),
  reference: z.string(),
  title: z.string(),
  what: z.string(),
  dueDate: z.string(),
  state: MilestoneState,
  doneOn: z.string().nullable(),
  /** Still owed and its date has passed. */
  overdue: z.boolean(),
  /** Still owed and due within the program's reminder days. */
  dueSoon: z.boolean(),
});
export type ProgramPromise = z.infer<typeof ProgramPromise>;

export const PromisesPage = pageOf(ProgramPromise).extend({ today: z.string() });
export type PromisesPage = z.infer<typeof PromisesPage>;

export const listProgramPromises = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/compliance/promises',
  summary: "Every promise of the program's signed agreements, by due date, a page at a time (coordinators)",
  tags,
  params: ProgramParams,
  query: PromisesQuery,
  response: { 200: PromisesPage },
});

export const downloadProgramPromises = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/compliance/promises.csv',
  summary: 'The promises the filters find, as a spreadsheet (coordinators)',
  tags,
  params: ProgramParams,
  query: PromisesQuery,
  response: { 200: fileBody(['text/csv'], 'One row per promise: case, what, due date, state') },
});
