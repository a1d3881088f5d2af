import type { SignInput } from '../../../contracts/agreements.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import { authorityAttestation, nameMatches } from '../../../domain/settlement.ts';
import { documentWords } from '../../../i18n/document-words.ts';
import { inTransaction, type Tx } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestMeta } from '../../http/types.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, listRoleHolders } from '../access/access.service.ts';
import { languageOfRecipient } from '../accounts/accounts.service.ts';
import {
  type CopyFor,
  copyFor,
  copyLanguage,
  PROGRAM_COPY,
  showsSigningDevice,
  signaturesOf,
  signDocument,
  signedPdf,
} from '../agreements-to-mediate/signatures.ts';
import { type CaseAccess, loadMediation, recordCaseAudit } from '../cases/case-access.ts';
import { auditDocumentRead } from '../cases/cases.service.ts';
import { notifyCase, notifyCourt } from '../cases/notify.ts';
import { checkUpload, readFile, safeFilename, storeFile } from '../files/files.service.ts';
import { pdfAttachment, queueEmail } from '../mail/mail.service.ts';
import { agreementState, signersOf } from './agreement-context.ts';
import { agreementSigned } from './agreement-signed.ts';
import { AGREEMENT_EMAILS } from './agreements.emails.ts';
import { requireCopyReader, requireInkUploader, requireSigner } from './agreements.policy.ts';
import * as repo from './agreements.repository.ts';

/**
 * Signing the written agreement. Electronic where the pack allows it (ESIGN; not family law, 15
 * U.S.C. 7003), each signature recording intent, consent, time, IP, user agent and the SHA-256 of
 * the exact version — a superseded version cannot be signed. Where ink is required, the mediator
 * uploads the scanned signed copy. Once complete, a special-education agreement is copied to the
 * state program (DESE practice).
 */
type State = Awaited<ReturnType<typeof agreementState>>;

/**
 * The signatures and the audit certificate's lines (the enforcement packet reuses them), as this
 * reader's copy: where and on what device each signature was made only where `copy` shows it.
 * In the words of `language`; each signer's capacity as they signed it, and each attestation in
 * the words of the text its signer signed.
 */
export async function agreementCertificate(
  db: Tx | Deps['db'],
  ctx: CaseAccess,
  state: State,
  copy: CopyFor,
  language: Language = DEFAULT_LANGUAGE,
) {
  const { t } = documentWords(language);
  const versions = await repo.listVersions(db, ctx.c.id);
  const sigs = await signaturesOf(db, state.doc!.id);
  const at = (instant: string) => formatMissouriDateTime(instant, language);
  const certificate = [
    t('agreement.certificate.versions', {
      versions: versions
        .map((v) =>
          v.change_note
            ? t('agreement.certificate.versionNoted', {
                version: v.version,
                at: at(v.created_at),
                note: v.change_note,
              })
            : t('agreement.certificate.version', { version: v.version, at: at(v.created_at) }),
        )
        .join('; '),
    }),
    ...sigs.map((s) => {
      const values = {
        name: s.signer_name,
        capacity: s.signer_capacity,
        at: at(s.signed_at),
        sha256: s.document_sha256,
      };
      return showsSigningDevice(copy, s)
        ? t('agreement.certificate.signerFrom', {
            ...values,
            ip: s.ip ?? t('signatures.unknown'),
            device: s.user_agent ?? t('agreement.certificate.unknownBrowser'),
          })
        : t('agreement.certificate.signer', values);
    }),
    ...state.signers.flatMap((s) => {
      const signature = sigs.find((x) => x.participant_id === s.participantId);
      if (!s.attestsAuthority || !signature) return [];
      const attestation = authorityAttestation(documentWords(signature.document_language));
      return [t('agreement.certificate.attested', { name: s.name, attestation })];
    }),
    ...(state.record?.ink_file_id ? [t('agreement.certificate.ink')] : []),
  ];
  return { sigs, certificate };
}

async function buildPdf(
  db: Tx | Deps['db'],
  ctx: CaseAccess,
  state: State,
  copy: CopyFor,
  language: Language = DEFAULT_LANGUAGE,
) {
  const { sigs, certificate } = await agreementCertificate(db, ctx, state, copy, language);
  return signedPdf(
    state.doc!,
    sigs,
    documentWords(language).t('agreement.footer', { reference: ctx.c.reference }),
    signersOf(ctx, language),
    copy,
    certificate,
    language,
  );
}

/** Everyone has signed: record it, tell the signers, and send the state program its copy. */
async function complete(tx: Tx, deps: Deps, ctx: CaseAccess) {
  const now = iso(deps.clock.now());
  await repo.updateAgreement(tx, ctx.c.id, { signed_at: now, updated_at: now });
  const state = await agreementState(tx, ctx);
  await recordCaseAudit(tx, ctx, {
    kind: 'agreement.signed_by_all',
    at: deps.clock.now(),
    subjectType: 'case_document',
    subjectId: state.doc!.id,
    data: { version: state.doc!.version, sha256: state.doc!.sha256, status: state.status },
  });
  await agreementSigned(tx, deps, ctx, {
    documentId: state.doc!.id,
    version: state.doc!.version,
    signedAt: now,
  });
  await notifyCase(
    tx,
    deps,
    ctx,
    AGREEMENT_EMAILS.signedByAll(ctx.c.reference, state.status === 'awaiting_court_approval'),
  );
  if (state.status === 'awaiting_court_approval')
    await notifyCourt(tx, deps, ctx.c, AGREEMENT_EMAILS.forCourtApproval(ctx.c.reference));
  if (ctx.pack.programKind === 'special_education') {
    const pdf = await buildPdf(tx, ctx, state, PROGRAM_COPY);
    const coordinators = await listRoleHolders(tx, ctx.c.program_id, 'coordinator');
    for (const person of coordinators) {
      await queueEmail(tx, deps, {
        to: person.email,
        toUserId: person.id,
        ...AGREEMENT_EMAILS.programCopy({
          name: person.name,
          reference: ctx.c.reference,
          cite: ctx.pack.agreementGoesTo.cite,
        }),
        attachments: [pdfAttachment(`agreement-${ctx.c.reference}.pdf`, pdf)],
        programId: ctx.c.program_id,
        caseId: ctx.c.id,
      });
    }
    await repo.updateAgreement(tx, ctx.c.id, { program_copy_sent_at: now });
    await recordCaseAudit(tx, ctx, {
      kind: 'agreement.program_copy_sent',
      at: deps.clock.now(),
      subjectType: 'case_document',
      subjectId: state.doc!.id,
      data: { recipients: coordinators.length },
    });
  }
}

export async function signAgreement(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: SignInput,
  meta: RequestMeta,
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    const state = await agreementState(tx, ctx);
    const signer = requireSigner(ctx, state);
    // A signature is the signer's own full name: the one on their account, or the one the
    // mediator recorded for them on the case (accents and case aside).
    if (!nameMatches(input.typedName, [ctx.actor.name, signer.name])) {
      throw new AppError('VALIDATION_FAILED', `Type your full name as Parley knows it: ${ctx.actor.name}.`, {
        fields: { typedName: `type your full name as it is on your account (${ctx.actor.name})` },
      });
    }
    if (!input.agreesBinding) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Check the box to say you understand the agreement is legally binding.',
        {
          fields: { agreesBinding: 'check the box to say you understand the agreement is legally binding' },
        },
      );
    }
    if (signer.attestsAuthority && !input.attestAuthority) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Check the box to confirm you have authority to bind the district.',
        { fields: { attestAuthority: 'confirm your authority to bind the district' } },
      );
    }
    const signed = await signDocument(tx, deps, {
      document: signer.doc,
      programId: ctx.c.program_id,
      signer: {
        actor: ctx.actor,
        participantId: signer.participantId,
        capacity: (language) =>
          signersOf(ctx, language).find((s) => s.participantId === signer.participantId)?.capacity ??
          signer.capacity,
      },
      answer: input,
      meta,
    });
    if (signer.attestsAuthority) {
      await recordCaseAudit(tx, ctx, {
        kind: 'agreement.authority_attested',
        at: deps.clock.now(),
        subjectType: 'signature',
        subjectId: signed.id,
        data: { participantId: signer.participantId },
      });
    }
    const sigs = await signaturesOf(tx, signer.doc.id);
    const done = state.signers.every((s) => sigs.some((x) => x.participant_id === s.participantId));
    if (done) await complete(tx, deps, ctx);
    return { ...signed, allSigned: done };
  });
}

export async function uploadSignedCopy(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: { filename: string; contentBase64: string },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    const { doc } = requireInkUploader(ctx, await agreementState(tx, ctx));
    const scan = await checkUpload('contentBase64', input, 'signedAgreement');
    const id = await storeFile(tx, deps, {
      purpose: 'signed_agreement',
      ...scan,
      // The copy is named for the case and version it signs, whatever the scanner called it.
      filename: safeFilename(`signed-agreement-${ctx.c.reference}-v${doc.version}`, scan.contentType, ''),
      ownerId: ctx.actor.userId,
      programId: ctx.c.program_id,
      caseId,
    });
    await repo.updateAgreement(tx, caseId, { ink_file_id: id });
    await recordCaseAudit(tx, ctx, {
      kind: 'agreement.ink_copy_uploaded',
      at: deps.clock.now(),
      subjectType: 'file',
      subjectId: id,
      data: { version: doc.version, sha256: scan.sha256, contentType: scan.contentType },
    });
    await complete(tx, deps, ctx);
    const after = await agreementState(tx, ctx);
    // The agreement's record exists (checked above), so it has a status.
    const status = after.status ?? 'awaiting_signatures';
    return { fileId: id, status, binding: status === 'binding' };
  });
}

/**
 * The agreement with its signature page and certificate, in the language asked for, else the
 * one the reader signed it in, else their account's.
 */
export async function agreementPdf(deps: Deps, actor: Actor | null, caseId: string, asked?: Language) {
  const ctx = await loadMediation(deps.db, actor, caseId);
  const state = await agreementState(deps.db, ctx);
  if (!state.doc) throw notFound('The written agreement');
  requireCopyReader(ctx, state);
  const language = copyLanguage(
    asked,
    state.signatures,
    ctx.actor.userId,
    await languageOfRecipient(deps.db, { userId: ctx.actor.userId }),
  );
  const pdf = await buildPdf(deps.db, ctx, state, copyFor(ctx), language);
  await auditDocumentRead(deps, ctx, 'settlement_agreement');
  return { pdf, filename: `agreement-${ctx.c.reference}-v${state.doc.version}.pdf` };
}

export async function signedCopy(deps: Deps, actor: Actor | null, caseId: string) {
  const ctx = await loadMediation(deps.db, actor, caseId);
  const state = await agreementState(deps.db, ctx);
  if (!state.record?.ink_file_id) throw notFound('The signed paper copy');
  requireCopyReader(ctx, state);
  const file = await readFile(deps.db, state.record.ink_file_id);
  if (!file) throw notFound('The signed paper copy');
  await auditDocumentRead(deps, ctx, 'settlement_agreement_ink');
  return { data: file.data, contentType: file.contentType, filename: file.filename };
}
