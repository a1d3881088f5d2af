import { z } from 'zod';
import { VISIBILITIES } from '../domain/case-talk.ts';
import { Can } from './can.ts';
import { CaseParams } from './cases.ts';
import { fileTypesOf, UploadFile } from './files.ts';
import { Id } from './id.ts';
import { defineRoute, fileBody } from './route.ts';

/**
 * A case's document folder: each person at the table uploads files and chooses who sees each
 * (the mediator only, or everyone in the case); the mediator shares a file more widely only with
 * its uploader's consent; new versions keep the old ones; every download is in the audit trail.
 */

const tags = ['case documents'];
const Visibility = z.enum(
  VISIBILITIES,
  'Choose who sees the file: the mediator only, or everyone in the case',
);

export const DocumentParams = CaseParams.extend({ documentId: Id });
export const VersionParams = DocumentParams.extend({
  version: z.coerce.number('Choose a version').int('Choose a version').min(1, 'Choose a version'),
});

export const DocumentVersion = z.object({
  version: z.number(),
  name: z.string(),
  size: z.number(),
  contentType: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});

export const CaseDocument = z.object({
  id: z.string(),
  /** The latest version's name. */
  name: z.string(),
  uploadedBy: z.string(),
  mine: z.boolean(),
  visibility: z.enum(VISIBILITIES),
  /** The mediator asked to share it with everyone and the uploader has not answered yet. */
  shareAsked: z.boolean(),
  shareAnswer: z.enum(['agreed', 'refused']).nullable(),
  /** Newest first. */
  versions: z.array(DocumentVersion),
  can: Can('addVersion', 'shareWithEveryone', 'askToShare', 'answerShare'),
});
export type CaseDocument = z.infer<typeof CaseDocument>;

export const DocumentFolder = z.object({
  documents: z.array(CaseDocument),
  /** Who this person may choose to show a new file to. */
  visibilities: z.array(z.enum(VISIBILITIES)),
  /** Why "everyone" is not offered (a screening safeguard), or null. */
  everyoneRefused: z.string().nullable(),
  can: Can('upload'),
});
export type DocumentFolder = z.infer<typeof DocumentFolder>;

export const listDocuments = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/documents',
  summary: 'The case’s documents this person may see',
  tags,
  params: CaseParams,
  response: { 200: DocumentFolder },
});

export const UploadDocumentBody = z.object({
  file: UploadFile('caseDocument', 'Choose a file to upload'),
  visibility: Visibility,
});
export type UploadDocumentBody = z.infer<typeof UploadDocumentBody>;
export const uploadDocument = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/documents',
  summary: 'Upload a file to the case’s folder, for the mediator only or for everyone',
  tags,
  params: CaseParams,
  body: UploadDocumentBody,
  response: { 201: CaseDocument },
});

export const AddVersionBody = z.object({ file: UploadFile('caseDocument', 'Choose a file to upload') });
export type AddVersionBody = z.infer<typeof AddVersionBody>;
export const addDocumentVersion = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/documents/:documentId/versions',
  summary: 'Upload a new version of one of your documents',
  tags,
  params: DocumentParams,
  body: AddVersionBody,
  response: { 201: CaseDocument },
});

export const downloadDocument = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:caseId/documents/:documentId/versions/:version/file',
  summary: 'Download a version of a document (recorded in the audit trail)',
  tags,
  params: VersionParams,
  response: { 200: fileBody(fileTypesOf('caseDocument'), 'The version as it was uploaded') },
});

export const ShareBody = z.object({ visibility: Visibility });
export const setDocumentVisibility = defineRoute({
  method: 'PUT',
  path: '/api/v1/cases/:caseId/documents/:documentId/visibility',
  summary: 'Choose who sees one of your documents',
  tags,
  params: DocumentParams,
  body: ShareBody,
  response: { 200: CaseDocument },
});

export const askToShareDocument = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/documents/:documentId/share-request',
  summary: 'Ask the uploader to share a document with everyone (the mediator)',
  tags,
  params: DocumentParams,
  response: { 200: CaseDocument },
});

export const AnswerShareBody = z.object({
  agree: z.boolean('Say whether you agree to share it with everyone'),
});
export const answerShareRequest = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:caseId/documents/:documentId/share-request/answer',
  summary: 'Agree or refuse to share your document with everyone',
  tags,
  params: DocumentParams,
  body: AnswerShareBody,
  response: { 200: CaseDocument },
});
