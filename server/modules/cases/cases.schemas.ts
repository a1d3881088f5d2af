import { z } from 'zod';
import { PARTICIPANT_ROLES } from '../../../domain/attendance.ts';
import { SAFEGUARDS } from '../../../domain/screening.ts';

const text = (max: number, what: string) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `Keep it under ${max} characters`);
const optionalText = (max: number) =>
  z.string().trim().max(max, `Keep it under ${max} characters`).optional();
const email = z.email('Enter an e-mail address like name@example.com').max(254).toLowerCase();
const isoDate = z.iso.date('Enter a date like 2026-03-02');

export const CaseParams = z.object({ caseId: z.string().min(1).max(64) });
export const ProgramCaseParams = z.object({ programId: z.string().min(1).max(64) });

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
};

export const SpecialEducationIntake = z.object({
  form: z.literal('special_education'),
  ...common,
  student: z.object({
    name: text(120, 'the student’s name'),
    school: optionalText(160),
    grade: optionalText(20),
  }),
  district: z.object({ name: text(160, 'the school district') }),
  categories: z.array(z.string().max(40)).min(1, 'Choose at least one kind of disagreement').max(4),
  requestStateMediation: z.literal(true, 'Tick the box to ask for state-sponsored mediation'),
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
  {
    error: 'Choose the kind of request',
  },
);
export type CreateCaseInput = z.infer<typeof CreateCaseBody>;

export const ConsentBody = z.object({
  decision: z.enum(['agree', 'decline'], 'Choose yes or no'),
  reason: optionalText(2000),
});
export const OptOutBody = z.object({ reason: text(2000, 'the reason for opting out') });
export const WithdrawBody = z.object({ reason: optionalText(2000) });

export const AddParticipantBody = z.object({
  side: z.enum(['requester', 'respondent'], 'Choose a side'),
  role: z.enum(PARTICIPANT_ROLES, 'Choose a role'),
  name: text(120, 'a name'),
  email: email.optional(),
  organization: optionalText(160),
  isAttorney: z.boolean('Say whether this person is an attorney'),
});
export const CompanionAgreementBody = z.object({ agree: z.literal(true, 'Tick the box to agree') });
export const ContactBody = z.object({
  address: optionalText(300),
  phone: optionalText(40),
});

export const ScreeningBody = z.object({
  answers: z.record(z.string().max(40), z.boolean()),
  note: z.string().max(4000, 'Keep it under 4000 characters').default(''),
});
export const ScreeningDecisionBody = z.object({
  decision: z.enum(['proceed', 'proceed_with_safeguards', 'not_suitable'], 'Choose a decision'),
  safeguards: z
    .array(
      z.object({ participantId: z.string().min(1).max(64), kind: z.enum(SAFEGUARDS, 'Choose a safeguard') }),
    )
    .max(20)
    .default([]),
});
export const ExceptionBody = z.object({
  kind: z.enum(['suspected_child_abuse', 'threat_of_serious_harm'], 'Choose the kind of exception'),
  reportedTo: text(300, 'who it was reported to'),
});

export const Deadline = z.object({
  id: z.string(),
  label: z.string(),
  dueAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.string(),
  daysLeft: z.number().nullable(),
  cite: z.string(),
  shown: z.string().nullable(),
});
