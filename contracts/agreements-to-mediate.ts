import { z } from 'zod';
import { LANGUAGES } from '../domain/languages.ts';
import { Can } from './can.ts';
import { CaseState } from './case-fields.ts';
import { CaseParams, StoredDisclosure } from './cases.ts';
import { defineRoute, fileBody } from './route.ts';

/** The Agreement to Mediate with its disclosures, and each party's electronic signature. */

const tags = ['agreement to mediate'];

export const AgreementToMediateSigner = z.object({
  participantId: z.string(),
  name: z.string(),
  capacity: z.string(),
  signedAt: z.string().nullable(),
  /** The language of the text they signed (null: not signed yet). */
  language: z.enum(LANGUAGES).nullable(),
  /** Where and on what device someone signed: shown to the signer and the neutrals only. */
  ip: z.string().nullable().optional(),
  userAgent: z.string().nullable().optional(),
});

export const AgreementToMediate = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  /** The text in the reader's language (the request's) where it was written in it, else English. */
  text: z.string(),
  /** The fingerprint of that text: a signature sends it back, and records its language. */
  sha256: z.string(),
  language: z.enum(LANGUAGES),
  electronicAllowed: z.boolean(),
  signers: z.array(AgreementToMediateSigner),
  /**
   * Rule 88.06(a): what the mediator must still write into it before anyone signs (the fees in
   * figures, the relationships and conflicts), in words; empty when nothing is missing.
   */
  missingDisclosures: z.array(z.string()),
  /** Rule 88 packs: the mediator's written disclosure as it stands (fees in cents). */
  disclosure: StoredDisclosure.nullable(),
  can: Can('sign', 'writeDisclosure'),
});
export type AgreementToMediate = z.infer<typeof AgreementToMediate>;
export const getAgreementToMediate = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/agreement-to-mediate',
  summary: 'The Agreement to Mediate: text, fingerprint, who signed',
  tags,
  params: CaseParams,
  response: { 200: AgreementToMediate },
});

/**
 * A signer's answer: the fingerprint of the text they read (and optionally its language; without
 * it, the language whose text has that fingerprint), their intent, consent and typed name.
 */
export const SignatureBody = z.object({
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the document’s SHA-256'),
  language: z.enum(LANGUAGES).optional(),
  intent: z.boolean('Check the box to sign'),
  consentToElectronic: z.boolean('Check the box to agree to sign electronically'),
  typedName: z.string().max(120, 'Keep it under 120 characters'),
});
export type SignatureBody = z.infer<typeof SignatureBody>;
export const signAgreementToMediate = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/agreement-to-mediate/signatures',
  summary: 'Sign the Agreement to Mediate electronically',
  tags,
  params: CaseParams,
  body: SignatureBody,
  response: { 201: z.object({ id: z.string(), signedAt: z.string(), state: CaseState }) },
});

/**
 * A signed copy's language: the one asked for, else the one the reader signed in, else their
 * account's.
 */
export const CopyQuery = z.object({ language: z.enum(LANGUAGES).optional() });
export const getAgreementToMediatePdf = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/agreement-to-mediate.pdf',
  summary: 'The signed Agreement to Mediate (PDF)',
  tags,
  params: CaseParams,
  query: CopyQuery,
  response: { 200: fileBody(['application/pdf'], 'The Agreement to Mediate with its signatures') },
});

/** An amount in cents, with its messages written out whole (the errors catalog finds them by their words). */
const cents = (say: { notANumber: string; notWhole: string; belowZero: string }) =>
  z.number(say.notANumber).int(say.notWhole).min(0, say.belowZero);
/**
 * Rule 88.06(a)(1) and (4): the mediator's fees in figures (cents) and who pays what part, and the
 * mediator's relationships with the parties and interests that could bias (null: none).
 */
export const MediatorDisclosure = z.object({
  fees: z.discriminatedUnion(
    'kind',
    [
      z.object({
        kind: z.literal('free'),
        paidBy: z.string().trim().max(200, 'Keep it under 200 characters'),
      }),
      z.object({
        kind: z.enum(['hourly', 'flat']),
        cents: cents({
          notANumber: 'Give the fee in dollars and cents',
          notWhole: 'Give the fee in whole cents',
          belowZero: 'The fee cannot be below $0',
        }),
        otherCosts: z
          .array(
            z.object({
              label: z.string().trim().max(120),
              cents: cents({
                notANumber: 'Give each other cost in dollars and cents',
                notWhole: 'Give each other cost in whole cents',
                belowZero: 'No other cost can be below $0',
              }),
            }),
          )
          .max(10, 'List at most 10 other costs'),
        shares: z
          .array(z.object({ party: z.string().max(200), percent: z.number().int().min(0).max(100) }))
          .max(10),
      }),
    ],
    'Say how the mediator charges: free, by the hour, or one fee',
  ),
  relationships: z
    .string()
    .max(4000, 'Keep it under 4000 characters')
    .nullable()
    .describe('null: the mediator states there is no relationship or interest that could affect fairness'),
});
export type MediatorDisclosure = z.infer<typeof MediatorDisclosure>;
export const writeDisclosure = defineRoute({
  method: 'PUT',
  path: '/api/v1/cases/:caseId/agreement-to-mediate/disclosure',
  summary:
    'The mediator writes the Rule 88.06(a) disclosure (fees in figures, relationships and conflicts) into the Agreement to Mediate',
  tags,
  params: CaseParams,
  body: MediatorDisclosure,
  response: { 200: AgreementToMediate },
});
