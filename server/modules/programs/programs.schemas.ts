import { z } from 'zod';

export const PROGRAM_KINDS = [
  'special_education',
  'family',
  'civil',
  'community',
  'private',
  'association',
] as const;

export const ProgramSummary = z.object({
  id: z.string(),
  kind: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  requireMfa: z.boolean(),
});
export const ProgramParams = z.object({ programId: z.string().min(1).max(64) });
export const CreateProgramBody = z.object({
  kind: z.enum(PROGRAM_KINDS, 'Choose the kind of program'),
  slug: z.string().regex(/^[a-z0-9-]{3,60}$/, 'Use 3–60 lower-case letters, digits and hyphens'),
  name: z.string().trim().min(3, 'Enter the program name').max(160),
  description: z.string().max(2000).default(''),
  requireMfa: z.boolean().default(false),
});
export const UpdateProgramBody = z
  .object({
    name: z.string().trim().min(3).max(160),
    description: z.string().max(2000),
    requireMfa: z.boolean(),
  })
  .partial();
export const ProgramPerson = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
});

const LocalRule = z
  .object({
    value: z.number().int('must be a whole number').min(0, 'must be 0 or more').nullable(),
    cite: z.string().trim().min(3, 'name the local rule it comes from').max(300),
  })
  .nullable()
  .describe('null removes the local rule, so the pack’s own setting applies again');
export const RuleOverridesBody = z.object({
  minimumHours: LocalRule.optional(),
  reportDeadlineDays: LocalRule.optional(),
  companionsPerParty: LocalRule.optional(),
  freeHours: LocalRule.optional(),
});
export const ProgramRules = z.object({
  pack: z.object({ id: z.string(), version: z.string(), name: z.string() }).nullable(),
  rules: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      text: z.string(),
      cite: z.string(),
      since: z.string(),
      local: z.boolean(),
    }),
  ),
  overridable: z.array(z.string()),
});
