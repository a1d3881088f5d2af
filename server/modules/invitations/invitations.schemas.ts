import { z } from 'zod';
import { ROLES } from '../../../domain/roles.ts';
import { Email, Password, PersonName, Token } from '../accounts/accounts.schemas.ts';

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
export const InvitationLookupBody = z.object({ token: Token });
export const AcceptInvitationBody = z.object({
  token: Token,
  name: PersonName.optional(),
  password: Password.optional(),
});
export const InvitationPreview = z.object({
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  programName: z.string().nullable(),
  hasAccount: z.boolean(),
  expiresAt: z.string(),
  purpose: z.string(),
  canDecline: z.boolean().describe('true when the invited person may say no from the link'),
});
export const DeclineInvitationBody = z.object({
  token: Token,
  reason: z.string().trim().max(1000, 'Keep it under 1,000 characters').optional(),
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
export const ProgramParams = z.object({ programId: z.string().min(1).max(64) });
export const InvitationParams = z.object({ invitationId: z.string().min(1).max(64) });
