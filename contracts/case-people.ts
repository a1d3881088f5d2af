import { z } from 'zod';
import { PARTICIPANT_ROLES, SIDES } from '../domain/attendance.ts';
import { CaseState, email, optionalText, text } from './case-fields.ts';
import { CaseParams } from './cases.ts';
import { defineRoute } from './route.ts';

/**
 * What the people on a case do to it before the mediation: the other side's answer, opting out,
 * withdrawing, bringing more people, their own contact details.
 */

const tags = ['cases'];

// The other side's answer, opting out, withdrawing

export const CaseMoved = z.object({ state: CaseState });

export const ConsentBody = z.object({
  decision: z.enum(['agree', 'decline'], 'Choose yes or no'),
  reason: optionalText(2000),
});
export type ConsentBody = z.infer<typeof ConsentBody>;
export const respondToRequest = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/response',
  summary: 'The other side agrees to mediate or declines',
  tags,
  params: CaseParams,
  body: ConsentBody,
  response: { 200: CaseMoved },
});

export const OptOutBody = z.object({
  reason: text(2000, 'the reason for opting out'),
  /** Rule 17.03(b): counsel conferred with their client, all other attorneys and unrepresented parties. */
  conferred: z.boolean(
    'Say whether you conferred with your client, the other lawyers and any party without a lawyer',
  ),
});
export const OptOutFiled = z.object({
  optOutRequestedAt: z.string(),
  /** The last day of the window it was filed in. */
  deadline: z.string().nullable(),
  /** `opted_out`: the filed opt-out ended the referral. */
  state: CaseState,
});
export const requestOptOut = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/opt-out',
  summary: 'A written opt-out by counsel (Rule 17.03(b)): it ends the referral and the court is told',
  tags,
  params: CaseParams,
  body: OptOutBody,
  response: { 200: OptOutFiled },
});

export const withdrawCase = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/withdraw',
  summary: 'Withdraw the case',
  tags,
  params: CaseParams,
  response: { 200: CaseMoved },
});

// The people on a case

export const AddParticipantBody = z.object({
  side: z.enum(SIDES, 'Choose a side'),
  role: z.enum(PARTICIPANT_ROLES, 'Choose a role'),
  name: text(120, 'a name'),
  email: email.optional(),
  organization: optionalText(160),
  isAttorney: z.boolean('Say whether this person is an attorney'),
});
export type AddParticipantBody = z.input<typeof AddParticipantBody>;
export const addParticipant = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/participants',
  summary: 'Add an advocate, support person, attorney or interpreter',
  tags,
  params: CaseParams,
  body: AddParticipantBody,
  response: { 201: z.object({ id: z.string() }) },
});

export const agreeToMoreCompanions = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/companion-agreement',
  summary: 'Agree that each side may bring more people',
  tags,
  params: CaseParams,
  response: { 200: z.object({ bothAgreed: z.boolean() }) },
});

const contactFields = ['address', 'phone'] as const;
export const ContactBody = z
  .object({ address: optionalText(300), phone: optionalText(40) })
  .refine((body) => contactFields.some((field) => body[field] !== undefined), {
    message: 'Give an address or a phone number (an empty one clears it)',
    path: ['address'],
  });
export const updateMyContact = defineRoute({
  method: 'PUT',
  path: '/api/v1/cases/:caseId/my-contact',
  summary: 'My address and phone on this case',
  tags,
  params: CaseParams,
  body: ContactBody,
  response: { 200: z.object({ ok: z.literal(true) }) },
});
