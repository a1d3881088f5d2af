import { z } from 'zod';
import { CHOICE_KEYS } from '../domain/rule-packs/choices.ts';
import { Can } from './can.ts';
import { Id } from './id.ts';
import { defineRoute, NoContent } from './route.ts';

/** Programs: the tenants of Parley, their people, and the rules each runs by. */

const tags = ['programs'];

export const PROGRAM_KINDS = [
  'special_education',
  'family',
  'civil',
  'community',
  'private',
  'association',
] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

export const ProgramParams = z.object({ programId: Id });
export type ProgramParams = z.infer<typeof ProgramParams>;

export const ProgramSummary = z.object({
  id: z.string(),
  kind: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  requireMfa: z.boolean(),
});
export type ProgramSummary = z.infer<typeof ProgramSummary>;

export const listPrograms = defineRoute({
  method: 'GET',
  path: '/api/v1/programs',
  summary: 'Mediation programs on Parley',
  tags,
  response: { 200: z.array(ProgramSummary) },
});

export const getProgram = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId',
  summary: 'One program',
  tags,
  params: ProgramParams,
  response: { 200: ProgramSummary },
});

export const CreateProgramBody = z.object({
  kind: z.enum(PROGRAM_KINDS, 'Choose the kind of program'),
  slug: z.string().regex(/^[a-z0-9-]{3,60}$/, 'Use 3–60 lower-case letters, digits and hyphens'),
  name: z.string().trim().min(3, 'Enter the program name').max(160),
  description: z.string().max(2000).default(''),
  requireMfa: z.boolean().default(false),
});
export type CreateProgramBody = z.infer<typeof CreateProgramBody>;
export const createProgram = defineRoute({
  method: 'POST',
  path: '/api/v1/programs',
  summary: 'Create a program (administrators)',
  tags,
  body: CreateProgramBody,
  response: { 201: ProgramSummary },
});

export const UpdateProgramBody = z
  .object({
    name: z.string().trim().min(3).max(160),
    description: z.string().max(2000),
    requireMfa: z.boolean(),
  })
  .partial();
export type UpdateProgramBody = z.infer<typeof UpdateProgramBody>;
export const updateProgram = defineRoute({
  method: 'PATCH',
  path: '/api/v1/programs/:programId',
  summary: "Change a program's settings",
  tags,
  params: ProgramParams,
  body: UpdateProgramBody,
  response: { 200: ProgramSummary },
});

export const ProgramPerson = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
});
export type ProgramPerson = z.infer<typeof ProgramPerson>;
export const listProgramPeople = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/people',
  summary: 'People with a role in the program',
  tags,
  params: ProgramParams,
  response: { 200: z.array(ProgramPerson) },
});

export const RuleLine = z.object({
  key: z.string(),
  label: z.string(),
  text: z.string(),
  cite: z.string(),
  since: z.string(),
  local: z.boolean(),
  /** Set when the rule could not be confirmed against its current official text: what is open. */
  unconfirmed: z.string().optional(),
});
export type RuleLine = z.infer<typeof RuleLine>;
/** A rule pack by its id, version and name. */
export const PackRef = z.object({ id: z.string(), version: z.string(), name: z.string() });
export const ProgramRules = z.object({
  pack: PackRef.nullable(),
  rules: z.array(RuleLine),
  overridable: z.array(z.string()),
  /** The settings the program chooses from its pack's list, each with the pack's default and citation. */
  choices: z.array(
    z.object({
      key: z.enum(CHOICE_KEYS),
      label: z.string(),
      value: z.string(),
      options: z.array(z.object({ value: z.string(), label: z.string() })),
      cite: z.string(),
      local: z.boolean(),
      /** The pack's own default, with its citation. */
      packDefault: z.object({ value: z.string(), cite: z.string() }),
    }),
  ),
  /** Where notices to the court go (the circuit clerk's or division's address), if the program set one. */
  courtNoticeEmail: z.string().nullable(),
});
export type ProgramRules = z.infer<typeof ProgramRules>;
export const getProgramRules = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/rules',
  summary: 'The rules a program runs by: its rule pack and local rules, with citations',
  tags,
  params: ProgramParams,
  response: { 200: ProgramRules },
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
export type RuleOverridesBody = z.infer<typeof RuleOverridesBody>;
const ProgramChoice = z
  .object({
    value: z.string().trim().min(1, 'choose one'),
    cite: z.string().trim().min(3, 'name the court rule or practice this follows').max(300),
  })
  .nullable()
  .describe('null goes back to the pack’s default');
export const RuleChoicesBody = z.object({
  settlementSignature: ProgramChoice.optional(),
  courtReport: ProgramChoice.optional(),
  courtNoticeEmail: z
    .email('give the court’s e-mail address, like clerk@courts.mo.gov')
    .max(254)
    .nullable()
    .optional()
    .describe('null: no address, so notices to the court go to the program to pass on'),
});
export type RuleChoicesBody = z.infer<typeof RuleChoicesBody>;
export const setRuleChoices = defineRoute({
  method: 'PUT',
  path: '/api/v1/programs/:programId/rules/choices',
  summary:
    "Set the program's choices from its pack (how a family settlement is signed, what the report to the court says) and where court notices go (coordinators)",
  tags,
  params: ProgramParams,
  body: RuleChoicesBody,
  response: { 200: ProgramRules },
});

export const setLocalRules = defineRoute({
  method: 'PUT',
  path: '/api/v1/programs/:programId/rules/local',
  summary: "Set the program's local rules where its pack allows (coordinators)",
  tags,
  params: ProgramParams,
  body: RuleOverridesBody,
  response: { 200: ProgramRules },
});

// A special-education program's school districts

export const District = z.object({
  id: z.string(),
  name: z.string(),
  /** Where the district takes requests for mediation: the invitation goes there. */
  email: z.string(),
});
export type District = z.infer<typeof District>;
export const ProgramDistricts = z.object({ districts: z.array(District), can: Can('manage') });
export type ProgramDistricts = z.infer<typeof ProgramDistricts>;
export const listDistricts = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/districts',
  summary:
    "The school districts a special-education program lists, with each one's contact for mediation requests",
  tags,
  params: ProgramParams,
  response: { 200: ProgramDistricts },
});
export const DistrictBody = z.object({
  name: z
    .string('Enter the district’s name')
    .trim()
    .min(2, 'Enter the district’s name')
    .max(160, 'Keep the name under 160 characters'),
  email: z
    .email('Enter an e-mail address like name@example.com')
    .max(254, 'Keep the address under 254 characters')
    .toLowerCase(),
});
export type DistrictBody = z.infer<typeof DistrictBody>;
export const addDistrict = defineRoute({
  method: 'POST',
  path: '/api/v1/programs/:programId/districts',
  summary: 'Add a school district to the program’s list (its coordinators)',
  tags,
  params: ProgramParams,
  body: DistrictBody,
  response: { 201: District },
});
export const DistrictParams = ProgramParams.extend({ districtId: Id });
export const removeDistrict = defineRoute({
  method: 'DELETE',
  path: '/api/v1/programs/:programId/districts/:districtId',
  summary: 'Take a school district off the program’s list (its coordinators)',
  tags,
  params: DistrictParams,
  response: { 204: NoContent },
});

/**
 * The program's roster: the people holding its mediator role, whether each may be appointed in
 * its cases now (by the same rule choosing a mediator uses) and, if not, why; and the mediator
 * invitations not yet answered. For the program's coordinators.
 */
export const RosterMediator = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  mayBeAppointed: z.boolean(),
  reason: z.string().nullable().describe('why this mediator may not be appointed now; null when they may'),
  can: Can('remove'),
});
export type RosterMediator = z.infer<typeof RosterMediator>;
export const ProgramRoster = z.object({
  rule: z.string().describe('who may be appointed in this program, in words, with its source'),
  mediators: z.array(RosterMediator),
  invitations: z.array(
    z.object({ id: z.string(), name: z.string(), email: z.string(), expiresAt: z.string() }),
  ),
  can: Can('invite'),
});
export type ProgramRoster = z.infer<typeof ProgramRoster>;
export const getProgramRoster = defineRoute({
  method: 'GET',
  path: '/api/v1/programs/:programId/roster',
  summary: 'The program’s mediators, whether each may be appointed now and why not (its coordinators)',
  tags,
  params: ProgramParams,
  response: { 200: ProgramRoster },
});
export const RosterParams = ProgramParams.extend({ userId: Id });
export const removeFromRoster = defineRoute({
  method: 'DELETE',
  path: '/api/v1/programs/:programId/roster/:userId',
  summary:
    'Take a mediator off the program’s roster, unless they mediate an open case of it (its coordinators)',
  tags,
  params: RosterParams,
  response: { 204: NoContent },
});
