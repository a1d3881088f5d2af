import { z } from 'zod';
import { ISSUE_STATUSES } from '../domain/issues.ts';
import { Can } from './can.ts';
import { CaseParams } from './cases.ts';
import { Id } from './id.ts';
import { patchOf } from './patch.ts';
import { defineRoute } from './route.ts';

/**
 * The issues board: the issues of a mediation, where each stands, and the options brainstormed
 * for each (shared with the table, or private to the mediator until their proposer shares them).
 */

const tags = ['issues and options'];
const IssueParams = CaseParams.extend({ issueId: Id });
const IssueStatus = z.enum(ISSUE_STATUSES, 'Choose open, agreed, partly agreed, not agreed or deferred');
const Visibility = z.enum(['shared', 'private'], 'Choose shared or private');
const IssueTitle = z
  .string('Name the issue')
  .trim()
  .min(1, 'Name the issue')
  .max(200, 'Keep it under 200 characters');

export const IssueOption = z.object({
  id: z.string(),
  text: z.string(),
  visibility: z.enum(['shared', 'private']),
  proposedBy: z.string(),
  mine: z.boolean(),
  can: Can('release'),
});
export type IssueOption = z.infer<typeof IssueOption>;

export const Issue = z.object({
  id: z.string(),
  title: z.string(),
  templateId: z.string().nullable(),
  status: z.enum(ISSUE_STATUSES),
  statusLabel: z.string(),
  options: z.array(IssueOption),
  can: Can('update', 'propose'),
});
export type Issue = z.infer<typeof Issue>;

export const IssueBoard = z.object({
  /** The program's issues not yet on the board (for the mediator). */
  templates: z.array(z.object({ id: z.string(), label: z.string() })),
  statuses: z.array(z.object({ id: z.enum(ISSUE_STATUSES), label: z.string() })),
  /** When the board last changed, so a page can tell a newer board. */
  changedAt: z.string().nullable(),
  issues: z.array(Issue),
  can: Can('addIssue'),
});
export type IssueBoard = z.infer<typeof IssueBoard>;
export const getIssueBoard = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/issues',
  summary: 'The issues board, as the caller may see it',
  tags,
  params: CaseParams,
  response: { 200: IssueBoard },
});

export const AddIssueBody = z
  .object({ templateId: Id.optional(), title: IssueTitle.optional() })
  .refine((b) => b.templateId || b.title, { message: 'Choose an issue or name one', path: ['title'] });
export type AddIssueBody = z.infer<typeof AddIssueBody>;
const IssueChanged = z.object({ id: z.string(), title: z.string(), status: z.enum(ISSUE_STATUSES) });
export const addIssue = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/issues',
  summary: 'Add an issue from the program’s list, or a custom one',
  tags,
  params: CaseParams,
  body: AddIssueBody,
  response: { 201: IssueChanged },
});

/** A change to an issue names only what it changes: its title, where it stands, or both. */
export const UpdateIssueBody = patchOf(z.object({ title: IssueTitle, status: IssueStatus })).refine(
  (b) => b.title !== undefined || b.status !== undefined,
  { message: 'Change the title or where the issue stands', path: ['status'] },
);
export type UpdateIssueBody = z.infer<typeof UpdateIssueBody>;
export const updateIssue = defineRoute({
  method: 'PATCH',
  path: '/api/v1/cases/:caseId/issues/:issueId',
  summary: 'Rename an issue, or record where it stands',
  tags,
  params: IssueParams,
  body: UpdateIssueBody,
  response: { 200: IssueChanged },
});

export const ProposeOptionBody = z.object({
  text: z
    .string('Write the option')
    .trim()
    .min(1, 'Write the option')
    .max(2000, 'Keep it under 2000 characters'),
  visibility: Visibility,
});
export type ProposeOptionBody = z.infer<typeof ProposeOptionBody>;
const OptionChanged = z.object({ id: z.string(), visibility: z.enum(['shared', 'private']) });
export const proposeOption = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/issues/:issueId/options',
  summary: 'Propose an option, shared or private to the mediator',
  tags,
  params: IssueParams,
  body: ProposeOptionBody,
  response: { 201: OptionChanged },
});

export const releaseOption = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/options/:optionId/release',
  summary: 'Share my private option with everyone',
  tags,
  params: CaseParams.extend({ optionId: Id }),
  response: { 200: OptionChanged },
});
