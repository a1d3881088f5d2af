import { createHash } from 'node:crypto';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '../../../domain/languages.ts';
import { formatMissouriDate, formatMissouriTime } from '../../../domain/missouri-time.ts';
import { documentWords } from '../../../i18n/document-words.ts';
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
 *
 * A version may be written in several languages (the same document, sentence for sentence): the
 * English text is the row's `body`, the others are in `translations`, each with its own SHA-256.
 * Each signer signs the text in one language, and the signature records which (its language and
 * that text's SHA-256), so the evidence says exactly which words each signer saw.
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

/** One version's text in one language, as it is signed. */
export type DocumentText = { language: Language; title: string; body: string; sha256: string };

/** Every text of a version: English first, then the other languages it was written in. */
export function documentTexts(doc: DocumentRow): DocumentText[] {
  const others = doc.translations ? repo.translationsColumn.read(doc.translations) : {};
  return [
    { language: DEFAULT_LANGUAGE, title: doc.title, body: doc.body, sha256: doc.sha256 },
    ...LANGUAGES.filter((l) => l !== DEFAULT_LANGUAGE && others[l]).map((l) => ({
      language: l,
      ...others[l]!,
    })),
  ];
}

/** A version's text in `language`, or in English where it was not written in it. */
export const documentIn = (doc: DocumentRow, language: Language): DocumentText => {
  const texts = documentTexts(doc);
  return texts.find((t) => t.language === language) ?? texts[0]!;
};

export async function insertDocument(
  tx: Tx,
  deps: Deps,
  input: {
    caseId: string;
    programId: string;
    kind: string;
    /** The English text. */
    title: string;
    body: string;
    /** The same version in the other languages. */
    translations?: Partial<Record<Language, { title: string; body: string }>>;
    actorId: string | null;
  },
): Promise<DocumentRow> {
  const translations = Object.fromEntries(
    Object.entries(input.translations ?? {})
      .filter(([language]) => language !== DEFAULT_LANGUAGE)
      .map(([language, text]) => [language, { ...text, sha256: sha256(text.body) }]),
  );
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
    translations: Object.keys(translations).length ? repo.translationsColumn.write(translations) : null,
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
    data: {
      kind: input.kind,
      version: row.version,
      sha256: row.sha256,
      ...(Object.keys(translations).length
        ? { translations: Object.fromEntries(Object.entries(translations).map(([l, t]) => [l, t.sha256])) }
        : {}),
    },
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

/**
 * What the signer sent: the version they read (the fingerprint of its text, in the language they
 * read it in), their intent, their consent, their typed name.
 */
export type SignatureAnswer = {
  documentSha256: string;
  /** The language of the text they read; without it, the language whose text has that fingerprint. */
  language?: Language | undefined;
  intent: boolean;
  consentToElectronic: boolean;
  typedName: string;
};

export type SignInput = {
  document: DocumentRow;
  programId: string;
  signer: {
    actor: Pick<Actor, 'userId' | 'hasMfa'>;
    participantId: string | null;
    /** The capacity they sign in, in the words of the language of the text they sign. */
    capacity: string | ((language: Language) => string);
  };
  answer: SignatureAnswer;
  meta: RequestMeta;
};

/** The statement a signer makes, in the language of the text they sign. */
export const intentStatement = (language: Language) => documentWords(language).t('signatures.intent');

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
  const texts = documentTexts(input.document);
  const signed = texts.find(
    (t) => t.sha256 === answer.documentSha256 && (!answer.language || t.language === answer.language),
  );
  if (!signed) {
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
    signer_capacity:
      typeof signer.capacity === 'function' ? signer.capacity(signed.language) : signer.capacity,
    method: 'electronic',
    intent_statement: intentStatement(signed.language),
    consented_to_electronic: 1,
    authentication: signer.actor.hasMfa ? 'password and second factor' : 'password',
    document_sha256: signed.sha256,
    document_language: signed.language,
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
    data: { signatureId: id, sha256: signed.sha256, language: signed.language, kind: input.document.kind },
    ip: input.meta.ip,
  });
  return { id, signedAt: iso(now) };
}

/** Someone who signs a document: on a case, the participant they sign for. */
export type ExpectedSigner = { participantId?: string; name: string; capacity: string };

/**
 * The document with a signature page and an audit certificate, as this reader's copy, in
 * `language` (the text signed in it, where the version was written in it).
 */
export async function signedPdf(
  doc: DocumentRow,
  signatures: Awaited<ReturnType<typeof signaturesOf>>,
  footer: string,
  expectedSigners: ExpectedSigner[],
  copy: CopyFor,
  /** More lines for the audit certificate (the settlement agreement lists its versions). */
  certificate: string[] = [],
  language: Language = DEFAULT_LANGUAGE,
) {
  const text = documentIn(doc, language);
  const blocks = signedBlocks(doc, signatures, expectedSigners, copy, certificate, text.language);
  return renderPdf({
    title: text.title,
    blocks,
    footer,
    createdAt: new Date(doc.created_at),
    language: text.language,
  });
}

/**
 * The language a reader's copy of a document is made in: the one they asked for, else the one
 * they signed it in, else their own (the language of their account).
 */
export function copyLanguage(
  asked: unknown,
  signatures: readonly { signer_user_id: string; document_language: string }[],
  userId: string | null,
  own: Language,
): Language {
  if (isLanguage(asked)) return asked;
  const mine = signatures.find((s) => s.signer_user_id === userId)?.document_language;
  return isLanguage(mine) ? mine : own;
}

/** The blocks of a signed document: its text, the signature page and the certificate (see CopyFor). */
export function signedBlocks(
  doc: DocumentRow,
  signatures: Awaited<ReturnType<typeof signaturesOf>>,
  expectedSigners: ExpectedSigner[],
  copy: CopyFor,
  certificate: string[] = [],
  language: Language = DEFAULT_LANGUAGE,
): PdfBlock[] {
  const text = documentIn(doc, language);
  const { t } = documentWords(text.language);
  const lines = text.body.split('\n');
  const blocks: PdfBlock[] = [];
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
      blocks.push({ kind: 'paragraph', text: line });
    }
  }
  const texts = documentTexts(doc);
  const expectedFor = (s: SignatureRow) =>
    expectedSigners.find((e) => e.participantId && e.participantId === s.participant_id);
  blocks.push({ kind: 'heading', text: t('signatures.heading') });
  for (const s of signatures) {
    const signedIn = isLanguage(s.document_language) ? s.document_language : DEFAULT_LANGUAGE;
    blocks.push({
      kind: 'signature',
      name: `/s/ ${s.signer_name}`,
      capacity: expectedFor(s)?.capacity ?? s.signer_capacity,
      details: [
        t('signatures.signedAt', {
          date: formatMissouriDate(s.signed_at, { weekday: true }, text.language),
          time: formatMissouriTime(s.signed_at, text.language),
        }),
        t('signatures.consent', {
          authentication: s.authentication.includes('second factor') ? 'mfa' : 'password',
        }),
        showsSigningDevice(copy, s)
          ? t('signatures.device', {
              ip: s.ip ?? t('signatures.unknown'),
              device: (s.user_agent ?? t('signatures.unknown')).slice(0, 80),
            })
          : t('signatures.hash', { sha256: s.document_sha256 }),
        // Which text was signed, where the version was written in more than one language.
        ...(texts.length > 1
          ? [
              t('signatures.textSigned', {
                language: t(`languageName.${signedIn}`),
                sha256: s.document_sha256,
              }),
            ]
          : []),
      ],
    });
  }
  const signedFor = (e: ExpectedSigner) =>
    signatures.some((s) =>
      e.participantId ? s.participant_id === e.participantId : s.signer_capacity === e.capacity,
    );
  for (const e of expectedSigners.filter((x) => !signedFor(x))) {
    blocks.push({ kind: 'signature', name: e.name, capacity: e.capacity, details: [t('signatures.notYet')] });
  }
  blocks.push({ kind: 'heading', text: t('signatures.certificate.heading') });
  const spanish = texts.find((x) => x.language === 'es-US');
  blocks.push({
    kind: 'paragraph',
    text: spanish
      ? t('signatures.certificate.languages', {
          version: doc.version,
          created: doc.created_at,
          english: doc.sha256,
          spanish: spanish.sha256,
        })
      : t('signatures.certificate.text', {
          version: doc.version,
          created: doc.created_at,
          sha256: doc.sha256,
        }),
  });
  for (const line of certificate) blocks.push({ kind: 'paragraph', text: line });
  return blocks;
}

/** Every signature a person made: which document, how, when, from where (their data export). */
export const signaturesBy = (db: Executor, userId: string) => repo.listSignaturesBy(db, userId);
