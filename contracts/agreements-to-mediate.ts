import { z } from 'zod';
import { CASE_STATES } from '../domain/case-lifecycle.ts';
import { CaseParams } from './cases.ts';
import { defineRoute, fileBody } from './route.ts';

/** The Agreement to Mediate with its disclosures, and each party's electronic signature. */

const tags = ['agreement to mediate'];

export const AgreementToMediateSigner = z.object({
  participantId: z.string(),
  name: z.string(),
  capacity: z.string(),
  signedAt: z.string().nullable(),
  /** Where and on what device someone signed: shown to the signer and the neutrals only. */
  ip: z.string().nullable().optional(),
  userAgent: z.string().nullable().optional(),
});

export const AgreementToMediate = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  text: z.string(),
  sha256: z.string(),
  electronicAllowed: z.boolean(),
  signers: z.array(AgreementToMediateSigner),
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

/** A signer's answer: the fingerprint of the text they read, their intent, consent and typed name. */
export const SignatureBody = z.object({
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the document’s SHA-256'),
  intent: z.boolean('Tick the box to sign'),
  consentToElectronic: z.boolean('Tick the box to agree to sign electronically'),
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
  response: { 201: z.object({ id: z.string(), signedAt: z.string(), state: z.enum(CASE_STATES) }) },
});

export const getAgreementToMediatePdf = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/agreement-to-mediate.pdf',
  summary: 'The signed Agreement to Mediate (PDF)',
  tags,
  params: CaseParams,
  response: { 200: fileBody(['application/pdf'], 'The Agreement to Mediate with its signatures') },
});
