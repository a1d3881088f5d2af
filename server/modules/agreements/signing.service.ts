import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import { AUTHORITY_ATTESTATION } from '../../../domain/settlement.ts';
import { inTransaction, type Tx } from '../../db/database.ts';
import { AppError, forbidden, invalid, notFound } from '../../http/errors.ts';
import type { RequestMeta } from '../../http/types.ts';
import { iso } from '../../infra/clock.ts';
import { sha256Hex } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { signaturesOf, signDocument, signedPdf } from '../agreements-to-mediate/signatures.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as casesRepo from '../cases/cases.repository.ts';
import { auditDocumentRead } from '../cases/cases.service.ts';
import { joined, notifyPeople } from '../cases/notify.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { loadMediation, type MediationContext, requireMediator } from '../sessions/mediation-context.ts';
import { agreementState, requireAgreementReader } from './agreement-context.ts';
import { agreementSigned } from './agreement-signed.ts';
import type { SignInput } from './agreements.schemas.ts';

/**
 * Signing the written agreement. Electronic where the pack allows it (ESIGN; not family law, 15
 * U.S.C. 7003), each signature recording intent, consent, time, IP, user agent and the SHA-256 of
 * the exact version — a superseded version cannot be signed. Where ink is required, the mediator
 * uploads the scanned signed copy. Once complete, a special-education agreement is copied to the
 * state program (DESE practice).
 */
type State = Awaited<ReturnType<typeof agreementState>>;

/** The signatures and the audit certificate's lines (the enforcement packet reuses them). */
export async function agreementCertificate(db: Tx | Deps['db'], ctx: MediationContext, state: State) {
  const versions = await db
    .selectFrom('agreement_versions')
    .select(['version', 'created_at', 'change_note'])
    .where('case_id', '=', ctx.c.id)
    .orderBy('version')
    .execute();
  const sigs = await signaturesOf(db, state.doc!.id);
  const certificate = [
    `Versions: ${versions.map((v) => `version ${v.version} written ${formatMissouriDateTime(v.created_at)}${v.change_note ? ` (${v.change_note})` : ''}`).join('; ')}.`,
    ...sigs.map(
      (s) =>
        `Signer: ${s.signer_name}, ${s.signer_capacity}. Signed ${formatMissouriDateTime(s.signed_at)} from IP address ${s.ip ?? 'unknown'} with ${s.user_agent ?? 'an unknown browser'}. Consent to sign electronically: yes. Document SHA-256: ${s.document_sha256}.`,
    ),
    ...state.signers
      .filter((s) => s.attestsAuthority && sigs.some((x) => x.participant_id === s.participantId))
      .map((s) => `${s.name} attested: "${AUTHORITY_ATTESTATION}"`),
    ...(state.record?.ink_file_id
      ? ['Signed on paper in ink; the mediator uploaded the scanned signed copy.']
      : []),
  ];
  return { sigs, certificate };
}

async function buildPdf(db: Tx | Deps['db'], ctx: MediationContext, state: State) {
  const { sigs, certificate } = await agreementCertificate(db, ctx, state);
  return signedPdf(state.doc!, sigs, `Mediation agreement ${ctx.c.reference}`, state.signers, certificate);
}

/** Everyone has signed: record it, tell the signers, and send the state program its copy. */
async function complete(tx: Tx, deps: Deps, ctx: MediationContext) {
  const now = iso(deps.clock.now());
  await tx
    .updateTable('settlement_agreements')
    .set({ signed_at: now, updated_at: now })
    .where('case_id', '=', ctx.c.id)
    .execute();
  const state = await agreementState(tx, ctx);
  await recordAudit(tx, {
    kind: 'agreement.signed_by_all',
    at: deps.clock.now(),
    actorId: ctx.actor.userId,
    programId: ctx.c.program_id,
    caseId: ctx.c.id,
    subjectType: 'case_document',
    subjectId: state.doc!.id,
    data: { version: state.doc!.version, sha256: state.doc!.sha256, status: state.status },
  });
  await agreementSigned(tx, deps, ctx, {
    documentId: state.doc!.id,
    version: state.doc!.version,
    signedAt: now,
  });
  await notifyPeople(tx, deps, ctx.c, joined(ctx.participants), {
    template: 'agreement-signed',
    subject: `${ctx.c.reference}: your agreement is signed`,
    body:
      state.status === 'awaiting_court_approval'
        ? 'Everyone has signed your agreement. It goes to the judge next. It is not final until the judge approves it. You can download the signed copy on Parley.'
        : 'Everyone has signed your agreement. You can download the signed copy on Parley.',
  });
  if (ctx.pack.programKind === 'special_education') {
    const pdf = await buildPdf(tx, ctx, state);
    const coordinators = await casesRepo.listCoordinators(tx, ctx.c.program_id);
    for (const person of coordinators) {
      await queueEmail(tx, deps, {
        to: person.email,
        toUserId: person.id,
        template: 'agreement-program-copy',
        subject: `${ctx.c.reference}: signed mediation agreement for the state's records`,
        text: `Hello ${person.name},\n\nThe signed mediation agreement for case ${ctx.c.reference} is attached for the state program's records (${ctx.pack.agreementGoesTo.cite}).\n\nParley`,
        attachments: [
          {
            filename: `agreement-${ctx.c.reference}.pdf`,
            contentType: 'application/pdf',
            content: pdf.toString('base64'),
            encoding: 'base64',
          },
        ],
        programId: ctx.c.program_id,
        caseId: ctx.c.id,
      });
    }
    await tx
      .updateTable('settlement_agreements')
      .set({ program_copy_sent_at: now })
      .where('case_id', '=', ctx.c.id)
      .execute();
    await recordAudit(tx, {
      kind: 'agreement.program_copy_sent',
      at: deps.clock.now(),
      actorId: ctx.actor.userId,
      programId: ctx.c.program_id,
      caseId: ctx.c.id,
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
    if (!state.doc || !state.record) throw notFound('The written agreement');
    const signer = state.signers.find((s) => s.participantId === ctx.viewer.participantId);
    if (!signer) throw forbidden('Only the people who must sign this agreement can sign it.');
    if (state.record.signing !== 'electronic') {
      throw new AppError(
        'RULE_VIOLATION',
        `This agreement must be signed in ink on paper (${ctx.pack.electronicSignatures.cite}). The mediator uploads the signed copy.`,
      );
    }
    if (ctx.c.state !== 'in_mediation') throw new AppError('INVALID_TRANSITION', 'This case is closed.');
    if (signer.attestsAuthority && !input.attestAuthority) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Tick the box to confirm you have authority to bind the district.',
        { fields: { attestAuthority: 'confirm your authority to bind the district' } },
      );
    }
    const signed = await signDocument(tx, deps, {
      document: state.doc,
      programId: ctx.c.program_id,
      signer: {
        userId: ctx.actor.userId,
        name: ctx.actor.name,
        participantId: signer.participantId,
        capacity: signer.capacity,
      },
      documentSha256: input.documentSha256,
      intent: input.intent,
      consentToElectronic: input.consentToElectronic,
      typedName: input.typedName,
      authentication: ctx.actor.hasMfa ? 'password and second factor' : 'password',
      meta,
    });
    if (signer.attestsAuthority) {
      await recordAudit(tx, {
        kind: 'agreement.authority_attested',
        at: deps.clock.now(),
        actorId: ctx.actor.userId,
        programId: ctx.c.program_id,
        caseId,
        subjectType: 'signature',
        subjectId: signed.id,
        data: { participantId: signer.participantId },
      });
    }
    const sigs = await signaturesOf(tx, state.doc.id);
    const done = state.signers.every((s) => sigs.some((x) => x.participant_id === s.participantId));
    if (done) await complete(tx, deps, ctx);
    return { ...signed, allSigned: done };
  });
}

const MAX_BYTES = 10 * 1024 * 1024;
/** What a scanned copy may be, by its first bytes (never by its name or stated type). */
export function sniffScan(bytes: Buffer): { contentType: string; ext: string } | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-')
    return { contentType: 'application/pdf', ext: 'pdf' };
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { contentType: 'image/png', ext: 'png' };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return { contentType: 'image/jpeg', ext: 'jpg' };
  return null;
}

export async function uploadSignedCopy(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: { filename: string; contentBase64: string },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    requireMediator(ctx, 'The mediator uploads the signed paper copy.');
    const state = await agreementState(tx, ctx);
    if (!state.doc || !state.record) throw notFound('The written agreement');
    if (state.record.signing !== 'ink')
      throw new AppError('RULE_VIOLATION', 'This agreement is signed electronically on Parley.');
    if (state.allSigned) throw new AppError('CONFLICT', 'The signed copy is already uploaded.');
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length === 0 || bytes.length > MAX_BYTES)
      throw invalid('contentBase64', 'the file must be under 10 MB');
    const kind = sniffScan(bytes);
    if (!kind) throw invalid('contentBase64', 'upload a PDF, PNG or JPEG scan');
    const id = newId();
    await tx
      .insertInto('files')
      .values({
        id,
        purpose: 'signed_agreement',
        filename: `signed-agreement-${ctx.c.reference}-v${state.doc.version}.${kind.ext}`,
        content_type: kind.contentType,
        size: bytes.length,
        sha256: sha256Hex(bytes),
        data: bytes,
        owner_id: ctx.actor.userId,
        program_id: ctx.c.program_id,
        case_id: caseId,
        created_at: iso(deps.clock.now()),
      })
      .execute();
    await tx
      .updateTable('settlement_agreements')
      .set({ ink_file_id: id })
      .where('case_id', '=', caseId)
      .execute();
    await recordAudit(tx, {
      kind: 'agreement.ink_copy_uploaded',
      at: deps.clock.now(),
      actorId: ctx.actor.userId,
      programId: ctx.c.program_id,
      caseId,
      subjectType: 'file',
      subjectId: id,
      data: { version: state.doc.version, sha256: sha256Hex(bytes), contentType: kind.contentType },
    });
    await complete(tx, deps, ctx);
    const after = await agreementState(tx, ctx);
    return { fileId: id, status: after.status, binding: after.status === 'binding' };
  });
}

export function requireCopyReader(ctx: MediationContext, state: State) {
  requireAgreementReader(ctx, state.allSigned);
  const isSigner = state.signers.some((s) => s.participantId === ctx.viewer.participantId);
  if (ctx.viewer.kind === 'companion' && !isSigner)
    throw forbidden('The signed copy is for the signers, the mediator and the program.');
}

export async function agreementPdf(deps: Deps, actor: Actor | null, caseId: string) {
  const ctx = await loadMediation(deps.db, actor, caseId);
  const state = await agreementState(deps.db, ctx);
  if (!state.doc) throw notFound('The written agreement');
  requireCopyReader(ctx, state);
  const pdf = await buildPdf(deps.db, ctx, state);
  await auditDocumentRead(deps, ctx.actor, ctx.c, 'settlement_agreement');
  return { pdf, filename: `agreement-${ctx.c.reference}-v${state.doc.version}.pdf` };
}

export async function signedCopy(deps: Deps, actor: Actor | null, caseId: string) {
  const ctx = await loadMediation(deps.db, actor, caseId);
  const state = await agreementState(deps.db, ctx);
  if (!state.record?.ink_file_id) throw notFound('The signed paper copy');
  requireCopyReader(ctx, state);
  const file = await deps.db
    .selectFrom('files')
    .selectAll()
    .where('id', '=', state.record.ink_file_id)
    .executeTakeFirstOrThrow();
  await auditDocumentRead(deps, ctx.actor, ctx.c, 'settlement_agreement_ink');
  return { data: Buffer.from(file.data), contentType: file.content_type, filename: file.filename };
}
