import { createHash } from 'node:crypto';
import { formatMissouriDate, formatMissouriTime } from '../../../domain/missouri-time.ts';
import type { Executor, Tx } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestMeta } from '../../http/types.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type PdfBlock, renderPdf } from '../../infra/pdf.ts';
import type { Actor } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { CaseAccess } from '../cases/case-access.ts';
import { isNeutral } from '../cases/cases.policy.ts';
import * as repo from './atm.repository.ts';

/**
 * Electronic signatures on a case document (the Agreement to Mediate now; the written settlement
 * agreement later). A signature records the signer's explicit intent, their consent to sign
 * electronically, how they were authenticated, the time, IP address and user agent, and the
 * SHA-256 of the exact text they saw: a changed document is a new version that needs new signatures.
 */
export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export type DocumentRow = repo.DocumentRow;
type SignatureRow = Awaited<ReturnType<typeof repo.listSignatures>>[number];

/**
 * Whose copy of a signed document is being made. The mediator and the program (and a court, which
 * asks them) get every signature's full evidence; a party's or companion's copy shows the other
 * signers' names, times and the document's fingerprint, and the address and device of the reader's
 * own signature only: where a protected party signed from, and on what, never reaches the other side.
 */
export type CopyFor = { fullEvidence: boolean; userId: string | null };
export const copyFor = (ctx: CaseAccess): CopyFor => ({
  fullEvidence: ctx.isMediator || isNeutral(ctx.viewer),
  userId: ctx.actor.userId,
});
/** The program's own copy (sent to its coordinators): full evidence. */
export const PROGRAM_COPY: CopyFor = { fullEvidence: true, userId: null };
/** Whether this copy shows where and on what device a signature was made. */
export const showsSigningDevice = (copy: CopyFor, s: Pick<SignatureRow, 'signer_user_id'>) =>
  copy.fullEvidence || (copy.userId !== null && s.signer_user_id === copy.userId);

export async function insertDocument(
  tx: Tx,
  deps: Deps,
  input: {
    caseId: string;
    programId: string;
    kind: string;
    title: string;
    body: string;
    actorId: string | null;
  },
): Promise<DocumentRow> {
  const now = iso(deps.clock.now());
  const previous = await repo.latestVersion(tx, input.caseId, input.kind);
  await repo.supersedeCurrent(tx, input.caseId, input.kind, now);
  const row: DocumentRow = {
    id: newId(),
    case_id: input.caseId,
    kind: input.kind,
    version: previous + 1,
    title: input.title,
    body: input.body,
    sha256: sha256(input.body),
    status: 'current',
    created_at: now,
    superseded_at: null,
  };
  await repo.insertDocument(tx, row);
  await recordAudit(tx, {
    kind: 'document.created',
    at: deps.clock.now(),
    actorId: input.actorId,
    programId: input.programId,
    caseId: input.caseId,
    subjectType: 'case_document',
    subjectId: row.id,
    data: { kind: input.kind, version: row.version, sha256: row.sha256 },
  });
  return row;
}

export const currentDocument = repo.findCurrentDocument;
export const signaturesOf = repo.listSignatures;
/** The text of some versions of a kind of document, for showing what changed between them. */
export const documentVersions = repo.listVersionTexts;
/** One version of a kind of document, current or not (what was sent to its readers). */
export const documentVersion = repo.findDocumentVersion;

/** When the person a document names leaves, its current version no longer applies. */
export const supersedeDocument = (tx: Tx, caseId: string, kind: string, at: string) =>
  repo.supersedeCurrent(tx, caseId, kind, at);

/** What the signer sent: the version they read, their intent, their consent, their typed name. */
export type SignatureAnswer = {
  documentSha256: string;
  intent: boolean;
  consentToElectronic: boolean;
  typedName: string;
};

export type SignInput = {
  document: DocumentRow;
  programId: string;
  signer: { actor: Pick<Actor, 'userId' | 'hasMfa'>; participantId: string | null; capacity: string };
  answer: SignatureAnswer;
  meta: RequestMeta;
};

export const INTENT_STATEMENT = 'I have read this document and I sign it. My typed name is my signature.';

export async function signDocument(tx: Tx, deps: Deps, input: SignInput) {
  const { signer, answer } = input;
  const userId = signer.actor.userId;
  if (!answer.intent)
    throw new AppError('VALIDATION_FAILED', 'Check the box to sign.', {
      fields: { intent: 'check the box to sign' },
    });
  if (!answer.consentToElectronic) {
    throw new AppError('VALIDATION_FAILED', 'Check the box to agree to sign electronically.', {
      fields: { consentToElectronic: 'check the box to agree to sign electronically' },
    });
  }
  if (answer.typedName.trim().length < 2) {
    throw new AppError('VALIDATION_FAILED', 'Type your full name to sign.', {
      fields: { typedName: 'type your full name' },
    });
  }
  if (answer.documentSha256 !== input.document.sha256) {
    throw new AppError(
      'CONFLICT',
      'The document changed since you opened it. Please read the new version and sign again.',
      {
        fields: { documentSha256: 'does not match the current version' },
      },
    );
  }
  if (await repo.hasSigned(tx, input.document.id, userId))
    throw new AppError('CONFLICT', 'You already signed this document.');
  const now = deps.clock.now();
  const id = newId();
  await repo.insertSignature(tx, {
    id,
    document_id: input.document.id,
    case_id: input.document.case_id,
    signer_user_id: userId,
    participant_id: signer.participantId,
    signer_name: answer.typedName.trim(),
    signer_capacity: signer.capacity,
    method: 'electronic',
    intent_statement: INTENT_STATEMENT,
    consented_to_electronic: 1,
    authentication: signer.actor.hasMfa ? 'password and second factor' : 'password',
    document_sha256: input.document.sha256,
    signed_at: iso(now),
    ip: input.meta.ip,
    user_agent: input.meta.userAgent,
  });
  await recordAudit(tx, {
    kind: 'document.signed',
    at: now,
    actorId: userId,
    programId: input.programId,
    caseId: input.document.case_id,
    subjectType: 'case_document',
    subjectId: input.document.id,
    data: { signatureId: id, sha256: input.document.sha256, kind: input.document.kind },
    ip: input.meta.ip,
  });
  return { id, signedAt: iso(now) };
}

/** The document with a signature page and an audit certificate, as this reader's copy. */
export async function signedPdf(
  doc: DocumentRow,
  signatures: Awaited<ReturnType<typeof signaturesOf>>,
  footer: string,
  expectedSigners: { name: string; capacity: string }[],
  copy: CopyFor,
  /** More lines for the audit certificate (the settlement agreement lists its versions). */
  certificate: string[] = [],
) {
  const blocks = signedBlocks(doc, signatures, expectedSigners, copy, certificate);
  return renderPdf({ title: doc.title, blocks, footer, createdAt: new Date(doc.created_at) });
}

/** The blocks of a signed document: its text, the signature page and the certificate (see CopyFor). */
export function signedBlocks(
  doc: DocumentRow,
  signatures: Awaited<ReturnType<typeof signaturesOf>>,
  expectedSigners: { name: string; capacity: string }[],
  copy: CopyFor,
  certificate: string[] = [],
): PdfBlock[] {
  const lines = doc.body.split('\n');
  const blocks: PdfBlock[] = [];
  let paragraph: string[] = [];
  // The stored text: a heading line followed by its paragraphs, sections split by blank lines.
  let expectHeading = true;
  for (const line of lines.slice(2)) {
    if (line === '') {
      expectHeading = true;
      continue;
    }
    if (expectHeading) {
      blocks.push({ kind: 'heading', text: line });
      expectHeading = false;
    } else {
      paragraph = [line];
      blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    }
  }
  blocks.push({ kind: 'heading', text: 'Signatures' });
  for (const s of signatures) {
    blocks.push({
      kind: 'signature',
      name: `/s/ ${s.signer_name}`,
      capacity: s.signer_capacity,
      details: [
        `Signed electronically ${formatMissouriDate(s.signed_at, { weekday: true })} at ${formatMissouriTime(s.signed_at)} (Missouri time)`,
        `Consented to sign electronically: yes · Signed in with: ${s.authentication}`,
        showsSigningDevice(copy, s)
          ? `IP address: ${s.ip ?? 'unknown'} · Device: ${(s.user_agent ?? 'unknown').slice(0, 80)}`
          : `Document SHA-256: ${s.document_sha256}`,
      ],
    });
  }
  for (const e of expectedSigners.filter(
    (x) => !signatures.some((s) => s.signer_capacity === x.capacity && s.signer_name),
  )) {
    if (signatures.some((s) => s.signer_capacity === e.capacity)) continue;
    blocks.push({ kind: 'signature', name: e.name, capacity: e.capacity, details: ['Not signed yet'] });
  }
  blocks.push({ kind: 'heading', text: 'Certificate' });
  blocks.push({
    kind: 'paragraph',
    text: `Document version ${doc.version}, created ${doc.created_at}. SHA-256 of the signed text: ${doc.sha256}. Each signature above was made on text with this exact fingerprint.`,
  });
  for (const line of certificate) blocks.push({ kind: 'paragraph', text: line });
  return blocks;
}

/** Every signature a person made: which document, how, when, from where (their data export). */
export const signaturesBy = (db: Executor, userId: string) => repo.listSignaturesBy(db, userId);
