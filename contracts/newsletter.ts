import { z } from 'zod';
import { Email } from './accounts.ts';
import { Can } from './can.ts';
import { Id } from './id.ts';
import { datedListQuery, listWithCsv, pageOf } from './list.ts';
import { patchOf } from './patch.ts';
import { defineRoute } from './route.ts';

/** The Communicator: issues staff write, the members' archive, the mailing and its unsubscribe link. */

const tags = ['association: newsletter'];

export const IssueParams = z.object({ issueId: Id });

export const NewsletterIssue = z.object({
  id: z.string(),
  title: z.string(),
  issueLabel: z.string(),
  summary: z.string(),
  body: z.string(),
  status: z.enum(['draft', 'published']),
  publishedAt: z.string().nullable(),
  /** A draft is edited and published by staff; a published issue has been mailed and stays. */
  can: Can('edit', 'publish'),
});
export type NewsletterIssue = z.infer<typeof NewsletterIssue>;

export const IssueFields = z.object({
  title: z.string().trim().min(3, 'Enter a title').max(160),
  issueLabel: z.string().trim().min(2, 'Enter the issue, e.g. Spring 2026').max(60),
  summary: z.string().trim().max(500).default(''),
  body: z.string().trim().min(20, 'Write at least a few sentences').max(50_000),
});
export type IssueFields = z.infer<typeof IssueFields>;
export const IssuePatch = patchOf(IssueFields);
export type IssuePatch = z.infer<typeof IssuePatch>;

export const Subscription = z.object({ subscribed: z.boolean('Say whether you want it') });
export type Subscription = z.infer<typeof Subscription>;

export const listIssues = defineRoute({
  method: 'GET',
  path: '/api/v1/association/newsletter',
  summary: 'The Communicator archive (members)',
  tags,
  response: { 200: z.array(NewsletterIssue) },
});
export const createIssue = defineRoute({
  method: 'POST',
  path: '/api/v1/association/newsletter',
  summary: 'Draft an issue (staff)',
  tags,
  body: IssueFields,
  response: { 201: NewsletterIssue },
});
export const getIssue = defineRoute({
  method: 'GET',
  path: '/api/v1/association/newsletter/:issueId',
  summary: 'One issue (members)',
  tags,
  params: IssueParams,
  response: { 200: NewsletterIssue },
});
export const updateIssue = defineRoute({
  method: 'PATCH',
  path: '/api/v1/association/newsletter/:issueId',
  summary: 'Edit a draft (staff)',
  tags,
  params: IssueParams,
  body: IssuePatch,
  response: { 200: NewsletterIssue },
});
export const publishIssue = defineRoute({
  method: 'POST',
  path: '/api/v1/association/newsletter/:issueId/publish',
  summary: 'Publish to the archive and mail it to members (staff)',
  tags,
  params: IssueParams,
  response: { 200: NewsletterIssue },
});
export const UnsubscribeBody = z.object({ token: z.string().min(10, 'The link is incomplete').max(300) });
export const unsubscribe = defineRoute({
  method: 'POST',
  path: '/api/v1/association/newsletter/unsubscribe',
  summary: 'Stop newsletter e-mail with the link from an issue (no sign-in needed)',
  tags,
  body: UnsubscribeBody,
  response: { 200: Subscription },
});
export const getSubscription = defineRoute({
  method: 'GET',
  path: '/api/v1/association/newsletter-subscription',
  summary: 'Whether I get the newsletter by e-mail',
  tags,
  response: { 200: Subscription },
});
export const setSubscription = defineRoute({
  method: 'PUT',
  path: '/api/v1/association/newsletter-subscription',
  summary: 'Choose whether I get the newsletter by e-mail',
  tags,
  body: Subscription,
  response: { 200: Subscription },
});

// The public newsletter page: the archive of published issues, and sign-up by e-mail with a
// confirmation link (double opt-in); every issue mailed carries its unsubscribe link.

export const PublicIssue = z.object({
  id: z.string(),
  title: z.string(),
  issueLabel: z.string(),
  summary: z.string(),
  body: z.string(),
  publishedAt: z.string(),
});
export type PublicIssue = z.infer<typeof PublicIssue>;
export const listPublicIssues = defineRoute({
  method: 'GET',
  path: '/api/v1/association/newsletter-archive',
  summary: 'The Communicator: every published issue, newest first (public)',
  tags,
  response: { 200: z.array(PublicIssue) },
});

export const SignUpBody = z.object({ email: Email });
export type SignUpBody = z.infer<typeof SignUpBody>;
export const signUp = defineRoute({
  method: 'POST',
  path: '/api/v1/association/newsletter-sign-ups',
  summary:
    'Sign up for The Communicator by e-mail (public): a link to confirm is sent to the address; nothing is mailed until it is followed',
  tags,
  body: SignUpBody,
  response: { 202: z.object({ message: z.string() }) },
});

export const ConfirmSignUpBody = z.object({
  token: z.string('The link is incomplete').min(10, 'The link is incomplete').max(300),
});
export const confirmSignUp = defineRoute({
  method: 'POST',
  path: '/api/v1/association/newsletter-sign-ups/confirm',
  summary: 'Confirm a sign-up with the link from its e-mail (no sign-in needed)',
  tags,
  body: ConfirmSignUpBody,
  response: { 200: z.object({ email: z.string(), subscribed: z.literal(true) }) },
});

// Staff's list of sign-ups from the public page: searched, filtered, paged and as CSV.

export const SIGN_UP_STATUSES = ['pending', 'confirmed', 'unsubscribed'] as const;
export const SIGN_UP_STATUS_LABELS: Record<(typeof SIGN_UP_STATUSES)[number], string> = {
  pending: 'Waiting for the address to confirm',
  confirmed: 'Confirmed: gets each issue',
  unsubscribed: 'Unsubscribed',
};

export const SignUpsQuery = datedListQuery({
  searches: 'Part of the e-mail address',
  filters: { status: z.enum(SIGN_UP_STATUSES, 'Choose waiting, confirmed or unsubscribed').optional() },
  days: 'Signed up',
  rows: ['sign-up', 'sign-ups'],
});
export type SignUpsQuery = z.input<typeof SignUpsQuery>;

export const SignUpRow = z.object({
  id: z.string(),
  email: z.string(),
  status: z.enum(SIGN_UP_STATUSES),
  statusLabel: z.string(),
  signedUpAt: z.string(),
  confirmedAt: z.string().nullable(),
  unsubscribedAt: z.string().nullable(),
});
export type SignUpRow = z.infer<typeof SignUpRow>;

export const { list: listSignUps, csv: downloadSignUps } = listWithCsv({
  path: '/api/v1/association/newsletter-sign-ups',
  summary:
    'Sign-ups from the public page, newest first, searched by address and filtered by state and date (staff)',
  tags,
  query: SignUpsQuery,
  page: pageOf(SignUpRow),
  csv: { of: 'sign-ups', columns: 'One row per sign-up: e-mail, state, signed up, confirmed, unsubscribed' },
});
