import { z } from 'zod';
import { email, isoDate, optionalText, text } from './case-fields.ts';
import { Id } from './id.ts';

/** What a request for mediation holds, form by form (createCase in contracts/cases.ts takes it). */

const _tags = ['cases'];

// Asking for mediation

const Contact = z.object({
  name: text(120, 'a name'),
  email: email.optional(),
  organization: optionalText(160),
  address: optionalText(300),
  phone: optionalText(40),
});
const OtherSide = z.object({
  name: text(120, 'the name of the person to invite'),
  email,
  organization: optionalText(160),
});

const common = {
  programId: z.string().min(1, 'Choose a program').max(64),
  /** Filled in by a coordinator entering a request for someone; a party leaves it out. */
  requester: Contact.optional(),
  respondent: OtherSide,
  description: text(4000, 'a short description'),
  /** A mediator asked for from Find a Mediator (their profile's id); the pack's selection rules decide what it weighs. */
  preferredMediator: Id.optional(),
  /** The Missouri county the request comes from (its FIPS code), for the program's figures. */
  county: z
    .string()
    .regex(/^29\d{3}$/, 'Choose a Missouri county from the list')
    .optional(),
};

export const SpecialEducationIntake = z.object({
  form: z.literal('special_education'),
  ...common,
  student: z.object({
    name: text(120, 'the student’s name'),
    school: optionalText(160),
    grade: optionalText(20),
  }),
  district: z.object({
    name: text(160, 'the school district'),
    /** The district as the program lists it: its name, and its contact for mediation requests, come from the list. */
    id: z.string().max(64).optional(),
  }),
  categories: z.array(z.string().max(40)).min(1, 'Choose at least one kind of disagreement').max(4),
  requestStateMediation: z
    .boolean('Check the box to ask for state-sponsored mediation')
    .refine((asked) => asked, 'Check the box to ask for state-sponsored mediation'),
  /** Whether a due-process complaint has been filed and is pending (the state's federal figures count it). */
  dueProcessPending: z.boolean('Say whether a due process complaint has been filed').optional(),
});

export const CourtReferralIntake = z.object({
  form: z.literal('court_referral'),
  ...common,
  caseType: z.string().min(1).max(40),
  court: text(160, 'the court'),
  circuit: z.coerce
    .number('Enter the circuit number')
    .int()
    .min(1, 'Missouri circuits are 1 to 46')
    .max(46, 'Missouri circuits are 1 to 46'),
  caseNumber: text(60, 'the court case number'),
  rule: z.enum(['17', '88'], 'Choose Rule 17 or Rule 88'),
  orderDate: isoDate,
  beginBy: isoDate.optional(),
  issues: z.array(z.string().max(40)).min(1, 'Choose at least one issue').max(10),
});

export const CommunityIntake = z.object({
  form: z.literal('community'),
  ...common,
  caseType: z.string().min(1).max(40),
});

export const CreateCaseBody = z.discriminatedUnion(
  'form',
  [SpecialEducationIntake, CourtReferralIntake, CommunityIntake],
  { error: 'Choose the kind of request' },
);
export type CreateCaseBody = z.input<typeof CreateCaseBody>;
export type CreateCaseInput = z.output<typeof CreateCaseBody>;
