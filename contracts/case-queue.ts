import { z } from 'zod';
import { Can } from './can.ts';
import { CaseState, DueStatus, isoDate } from './case-fields.ts';
import { CaseDeadline } from './cases.ts';
import { Id } from './id.ts';
import { inOrder, pageOf } from './list.ts';
import { ProgramParams } from './programs.ts';
import { defineRoute, fileBody } from './route.ts';

/** The coordinator's work queue, its download, and extending a case's deadline. */

const tags = ['cases'];

// The coordinator's work queue: every case of the program, filtered, searched, sorted, a page at a time

export const QUEUE_VIEWS = ['overdue', 'waiting_for_mediator', 'promises_due'] as const;
export const DEADLINE_FILTERS = ['overdue', 'due_soon', 'upcoming', 'none'] as const;
export const QUEUE_SORTS = ['opened', 'deadline', 'reference'] as const;

export const QueueQuery = z
  .object({
    /** A saved view: overdue deadlines, waiting for a mediator, agreements with promises due. */
    view: z.enum(QUEUE_VIEWS, 'Choose one of the saved views').optional(),
    state: CaseState.optional(),
    deadline: z.enum(DEADLINE_FILTERS, 'Choose overdue, due soon, upcoming or no deadline').optional(),
    mediatorId: z.string().max(64).optional(),
    county: z.string().trim().max(80).optional(),
    kind: z.string().trim().max(40).optional(),
    openedFrom: isoDate.optional(),
    openedTo: isoDate.optional(),
    /** A case number (its start) or part of a party's name. */
    q: z.string().trim().max(80, 'Keep the search under 80 characters').optional(),
    sort: z.enum(QUEUE_SORTS, 'Sort by date opened, next deadline or case number').default('opened'),
    dir: z.enum(['asc', 'desc'], 'Choose oldest or newest first').default('desc'),
    /** Where the last page ended (the `next` of the page before): pages follow on from it. */
    after: z.string().max(200).optional(),
    limit: z.coerce
      .number('Give the number of cases per page')
      .int()
      .min(1, 'Show at least 1 case per page')
      .max(100, 'Show at most 100 cases per page')
      .default(25),
  })
  .refine(...inOrder('openedFrom', 'openedTo', 'The last day opened cannot come before the first'));
export type QueueQuery = z.input<typeof QueueQuery>;

export const QueueDeadline = z.object({
  id: z.string(),
  label: z.string(),
  dueDate: z.string(),
  /** The date the pack gave, when a coordinator extended it. */
  originalDueDate: z.string().nullable(),
  status: DueStatus,
});
export type QueueDeadline = z.infer<typeof QueueDeadline>;

export const QueueRow = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  state: CaseState,
  stateLabel: z.string(),
  kind: z.string(),
  county: z.string().nullable(),
  /** The parties' names (not the people with them): names are not confidential words. */
  parties: z.array(z.string()),
  mediatorName: z.string().nullable(),
  nextDeadline: QueueDeadline.nullable(),
  openedOn: z.string(),
  daysOpen: z.number(),
});
export type QueueRow = z.infer<typeof QueueRow>;

export const QueuePage = pageOf(QueueRow).extend({
  /** The choices for the mediator filter: the program's mediators on its cases. */
  mediators: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The choices for the kind filter: the program's pack's kinds of case. */
  kinds: z.array(z.object({ id: z.string(), label: z.string() })),
  programName: z.string(),
  today: z.string(),
  can: Can('extendDeadlines'),
});
export type QueuePage = z.infer<typeof QueuePage>;

export const listQueue = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/queue',
  summary: "The coordinator's work queue: a page of the program's cases, filtered, searched and sorted",
  tags,
  params: ProgramParams,
  query: QueueQuery,
  response: { 200: QueuePage },
});

export const downloadQueue = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/queue.csv',
  summary: 'The work queue as a spreadsheet: every case the filters find (coordinators)',
  tags,
  params: ProgramParams,
  query: QueueQuery,
  response: { 200: fileBody(['text/csv'], 'One row per case: number, state, parties, mediator, deadline') },
});

export const DeadlineParams = z.object({
  caseId: Id,
  deadlineId: Id,
});
export const ExtendDeadlineBody = z.object({
  dueOn: z.iso.date('Enter the new date like 2026-03-02'),
  reason: z
    .string('Give the reason')
    .trim()
    .min(3, 'Give the reason for the extension (an order, the parties’ agreement)')
    .max(500, 'Keep it under 500 characters'),
});
export type ExtendDeadlineBody = z.infer<typeof ExtendDeadlineBody>;

export const extendDeadline = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/deadlines/:deadlineId/extend',
  summary: 'Extend a pack deadline to a new date, with the reason (coordinators)',
  tags,
  params: DeadlineParams,
  body: ExtendDeadlineBody,
  response: { 200: CaseDeadline },
});
