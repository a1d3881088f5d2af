import { z } from 'zod';
import { LANGUAGES } from '../domain/languages.ts';
import { CopyQuery, SignatureBody } from './agreements-to-mediate.ts';
import { Can } from './can.ts';
import { CaseParams } from './cases.ts';
import { fileTypesOf, UploadFile } from './files.ts';
import { Id } from './id.ts';
import { defineRoute, fileBody } from './route.ts';
import { text } from './text.ts';

/**
 * The written settlement agreement: its versions and their differences, comments, signing (on
 * Parley, or in ink with the scanned copy uploaded), the court's approval, and the final PDF.
 */

const tags = ['written agreement'];
const Scope = z.enum(['full', 'partial']);
const AgreementStatus = z.enum(['awaiting_signatures', 'awaiting_court_approval', 'binding']);

/** A promise's due date as the mediator writes it: a date, or days after everyone signed. */
export const DueOn = {
  date: z.object({ kind: z.literal('date'), date: z.iso.date('Enter a date like 2026-03-03') }),
  daysAfterSigning: z.object({
    kind: z.literal('days_after_signing'),
    days: z
      .number('Enter a number of days')
      .int('Enter whole days')
      .min(1, 'At least 1 day')
      .max(730, 'At most 730 days'),
  }),
};
const Due = z.discriminatedUnion('kind', [DueOn.date, DueOn.daysAfterSigning], {
  error: 'Choose a date, or a number of days after signing',
});

export const DraftBody = z.object({
  terms: z
    .array(
      z.object({
        issueId: Id.nullable().default(null),
        text: text(4000, 'what was agreed'),
        responsible: text(200, 'who does it'),
      }),
    )
    .min(1, 'Write at least one term')
    .max(50),
  milestones: z
    .array(
      z.object({
        what: text(500, 'what happens'),
        responsible: text(200, 'who is responsible'),
        due: Due,
        evidence: text(500, 'what shows it was done'),
      }),
    )
    .max(50)
    .default([]),
  settledIssueIds: z.array(Id).min(1, 'Choose the issues this agreement settles').max(50),
  changeNote: z.string().trim().max(500, 'Keep it under 500 characters').default(''),
});
export type DraftBody = z.input<typeof DraftBody>;
export type DraftInput = z.output<typeof DraftBody>;
export const draftAgreement = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/agreement/versions',
  summary: 'Write or revise the agreement (a new version)',
  tags,
  params: CaseParams,
  body: DraftBody,
  response: { 201: z.object({ version: z.number(), sha256: z.string(), scope: Scope }) },
});

const StoredDue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: z.string() }),
  z.object({ kind: z.literal('days_after_signing'), days: z.number() }),
]);
export const sendAgreement = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/agreement/send',
  summary: 'Send the draft to the parties for signature (until then it is the mediator’s alone)',
  tags,
  params: CaseParams,
  body: z.object({
    version: z.number('Say which version you are sending').int().min(1, 'Say which version you are sending'),
  }),
  response: { 200: z.object({ version: z.number(), sentAt: z.string() }) },
});

/** What a version says, as written: terms, milestones and the issues it settles. */
export const AgreementContent = z.object({
  terms: z.array(z.object({ issueId: z.string().nullable(), text: z.string(), responsible: z.string() })),
  milestones: z.array(
    z.object({ what: z.string(), responsible: z.string(), due: StoredDue, evidence: z.string() }),
  ),
  settledIssueIds: z.array(z.string()),
});
export type AgreementContent = z.infer<typeof AgreementContent>;

export const AgreementComment = z.object({
  id: z.string(),
  version: z.number(),
  author: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type AgreementComment = z.infer<typeof AgreementComment>;

/** A heading of the agreement as a reader sees it, with its paragraphs (numbered where they are a list). */
export const DocumentSection = z.object({
  heading: z.string(),
  paragraphs: z.array(z.string()),
  numbered: z.boolean(),
});

/** The written agreement as its viewer reads it, and what they may do with it. */
export const Agreement = z.object({
  title: z.string(),
  /** The text as a reader sees it: the same words as `text`, in headings and numbered lists. */
  document: z.object({
    title: z.string(),
    sections: z.array(DocumentSection),
  }),
  /** When this version went to the parties for signature; null while it is the mediator's draft. */
  sentAt: z.string().nullable(),
  /** The pack's advice to someone about to sign (an attorney may review it first…). */
  advice: z.array(z.string()),
  /** What the signer agrees to in the "legally binding" step. */
  bindingStatement: z.string(),
  /** For someone who has signed: what happens next. */
  nextStep: z.string().nullable(),
  version: z.number(),
  /** The version's text in the reader's language (the request's), and that text's fingerprint. */
  text: z.string(),
  sha256: z.string(),
  language: z.enum(LANGUAGES),
  content: AgreementContent.nullable(),
  scope: Scope,
  signing: z.enum(['electronic', 'ink']),
  electronicCite: z.string(),
  status: AgreementStatus,
  binding: z.boolean(),
  courtApprovalNeeded: z.boolean(),
  courtApprovedAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  inkCopy: z.boolean(),
  /** When the program's copy went out: for the mediators and the program only. */
  programCopySentAt: z.string().nullable(),
  versions: z.array(z.object({ version: z.number(), createdAt: z.string(), changeNote: z.string() })),
  signers: z.array(
    z.object({
      participantId: z.string(),
      name: z.string(),
      capacity: z.string(),
      attestsAuthority: z.boolean(),
      signedAt: z.string().nullable(),
      isMe: z.boolean(),
    }),
  ),
  /** The viewer signs for a district and confirms their authority to bind it. */
  mustAttestAuthority: z.boolean(),
  comments: z.array(AgreementComment),
  can: Can('sign', 'edit', 'send', 'comment', 'uploadInkCopy', 'recordCourtApproval', 'downloadPdf'),
});
export type Agreement = z.infer<typeof Agreement>;
export const getAgreement = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/agreement',
  summary: 'The written agreement: text, versions, signers, comments',
  tags,
  params: CaseParams,
  response: { 200: Agreement },
});

/** What the mediator drafts from: whether a version exists, and the issues an agreement may settle. */
export const AgreementDrafting = z.object({
  written: z.boolean(),
  /** The issues marked agreed (or partly agreed) on the board: for the one who may write. */
  issues: z.array(z.object({ id: z.string(), title: z.string() })),
  can: Can('write'),
});
export type AgreementDrafting = z.infer<typeof AgreementDrafting>;
export const getAgreementDrafting = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/agreement/drafting',
  summary: 'What the agreement is drafted from, and whether the viewer may write it',
  tags,
  params: CaseParams,
  response: { 200: AgreementDrafting },
});

export const DiffQuery = z.object({
  from: z.coerce.number('Choose a version').int().min(1),
  to: z.coerce.number('Choose a version').int().min(1),
});
export const AgreementDiff = z.object({
  from: z.number(),
  to: z.number(),
  lines: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
});
export type AgreementDiff = z.infer<typeof AgreementDiff>;
export const getAgreementDiff = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/agreement/diff',
  summary: 'What changed between two versions',
  tags,
  params: CaseParams,
  query: DiffQuery,
  response: { 200: AgreementDiff },
});

export const commentOnAgreement = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/agreement/comments',
  summary: 'Comment on the draft',
  tags,
  params: CaseParams,
  body: z.object({
    body: z
      .string('Write a comment')
      .trim()
      .min(1, 'Write a comment')
      .max(2000, 'Keep it under 2000 characters'),
  }),
  response: { 201: AgreementComment },
});

/** The signer's answer, and for a district's representative the attestation of their authority. */
export const SignAgreementBody = SignatureBody.extend({
  attestAuthority: z.boolean().default(false),
  /** The "legally binding" step: the signer ticks that they understand the agreement binds them. */
  agreesBinding: z
    .boolean('Check the box to say you understand the agreement is legally binding')
    .default(false),
});
export type SignAgreementBody = z.input<typeof SignAgreementBody>;
export type SignInput = z.output<typeof SignAgreementBody>;
export const signAgreement = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/agreement/signatures',
  summary: 'Sign the current version electronically',
  tags,
  params: CaseParams,
  body: SignAgreementBody,
  response: { 201: z.object({ id: z.string(), signedAt: z.string(), allSigned: z.boolean() }) },
});

const Standing = z.object({ status: AgreementStatus, binding: z.boolean() });
export const uploadSignedCopy = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/agreement/signed-copy',
  summary: 'Upload the scanned copy signed in ink (PDF, PNG or JPEG)',
  tags,
  params: CaseParams,
  body: UploadFile('signedAgreement', 'Attach the scanned copy'),
  response: { 201: Standing.extend({ fileId: z.string() }) },
});

export const getSignedCopy = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/agreement/signed-copy',
  summary: 'The scanned copy signed in ink',
  tags,
  params: CaseParams,
  response: { 200: fileBody(fileTypesOf('signedAgreement'), 'The scanned copy signed in ink') },
});

export const recordCourtApproval = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/agreement/court-approval',
  summary: 'Record the court’s approval (Rule 88.06(c))',
  tags,
  params: CaseParams,
  body: z.object({ approvedOn: z.iso.date('Enter a date like 2026-04-01') }),
  response: { 200: Standing.extend({ courtApprovedAt: z.string() }) },
});

export const getAgreementPdf = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/agreement.pdf',
  summary: 'The agreement with its signature page and audit certificate (PDF)',
  tags,
  params: CaseParams,
  query: CopyQuery,
  response: { 200: fileBody(['application/pdf'], 'The agreement, its signature page and audit certificate') },
});
