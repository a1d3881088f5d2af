import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';
import { Email, LanguageField, Password, PersonName, Token } from './accounts.ts';
import { ProgramParams } from './programs.ts';
import { defineRoute } from './route.ts';

/** Invitations: single-use e-mailed links that bring a person into a role or a case. */

const tags = ['invitations'];

export const CreateInvitationBody = z.object({
  email: Email,
  name: PersonName,
  role: z.enum(ROLES, 'Choose a role'),
  programId: z
    .string()
    .min(1)
    .nullable()
    .default(null)
    .describe('the program to join; null for association-wide roles'),
});
export type CreateInvitationBody = z.infer<typeof CreateInvitationBody>;
export const CreatedInvitation = z.object({ id: z.string() });
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;
export const createInvitation = defineRoute({
  method: 'POST',
  path: '/api/v1/invitations',
  summary: 'Invite a person by e-mail to a role in a program or the association',
  tags,
  body: CreateInvitationBody,
  response: { 201: CreatedInvitation },
});

/**
 * What an invitation to a case is about and what answering means, in words for the person
 * invited: who asked, the request itself (only for the person it asks), what accepting means
 * under the case's rules, and what saying no leads to where they may say no.
 */
export const InvitationCase = z.object({
  reference: z.string(),
  askedBy: z.string(),
  /** The request in its own words: only for the person the request asks to mediate. */
  request: z
    .object({
      title: z.string(),
      facts: z.array(z.object({ label: z.string(), value: z.string() })),
      description: z.string(),
    })
    .nullable(),
  /** Accepting is the whole answer to "will you take part?": there is no second question. */
  acceptLabel: z.string(),
  acceptMeans: z.string(),
  /** Where saying no is allowed: what it leads to, and what the person who asked can do then. */
  declineMeans: z.string().nullable(),
  declineNextSteps: z.array(z.string()),
  /** The case came from a court: taking part is not the invited person's choice. */
  courtReferred: z.boolean(),
});
export type InvitationCase = z.infer<typeof InvitationCase>;

export const InvitationTokenBody = z.object({ token: Token });
export type InvitationTokenBody = z.infer<typeof InvitationTokenBody>;
export const InvitationPreview = z.object({
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  programName: z.string().nullable(),
  hasAccount: z.boolean(),
  expiresAt: z.string(),
  purpose: z
    .string()
    .describe("'case-party' for an invitation to a case; 'join' for a program or the association"),
  canDecline: z.boolean().describe('true when the invited person may say no from the link'),
  /** For an invitation to a case: what it is about and what answering means. */
  case: InvitationCase.nullable(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;
export const previewInvitation = defineRoute({
  method: 'POST',
  path: '/api/v1/invitations/lookup',
  summary: 'What an invitation link is for',
  tags,
  body: InvitationTokenBody,
  response: { 200: InvitationPreview },
});

export const AcceptInvitationBody = z.object({
  token: Token,
  name: PersonName.optional(),
  password: Password.optional(),
  /** A new account's language: the page's, where the invited person read the invitation. */
  language: LanguageField.optional(),
});
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;
export const AcceptedInvitation = z.object({
  userId: z.string(),
  caseId: z.string().nullable().describe('the case the invitation leads to, if it was to a case'),
});
export type AcceptedInvitation = z.infer<typeof AcceptedInvitation>;
export const acceptInvitation = defineRoute({
  method: 'POST',
  path: '/api/v1/invitations/accept',
  summary: 'Accept an invitation, creating an account if needed',
  tags,
  body: AcceptInvitationBody,
  response: { 200: AcceptedInvitation },
});

export const DeclineInvitationBody = z.object({
  token: Token,
  reason: z.string().trim().max(1000, 'Keep it under 1,000 characters').optional(),
});
export type DeclineInvitationBody = z.infer<typeof DeclineInvitationBody>;
export const DeclinedInvitation = z.object({ declined: z.literal(true), caseId: z.string().nullable() });
export type DeclinedInvitation = z.infer<typeof DeclinedInvitation>;
export const declineInvitation = defineRoute({
  method: 'POST',
  path: '/api/v1/invitations/decline',
  summary: 'Say no to an invitation from its link (no account needed), where its area allows it',
  tags,
  body: DeclineInvitationBody,
  response: { 200: DeclinedInvitation },
});

export const InvitationSummary = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  status: z.enum(['pending', 'accepted', 'expired', 'revoked', 'declined']),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type InvitationSummary = z.infer<typeof InvitationSummary>;
export const listProgramInvitations = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/invitations',
  summary: "A program's invitations",
  tags,
  params: ProgramParams,
  response: { 200: z.array(InvitationSummary) },
});
