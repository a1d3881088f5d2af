import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { agreementStatus, requiredSigners, type Signer } from '../../../domain/settlement.ts';
import { documentWords } from '../../../i18n/document-words.ts';
import type { Executor } from '../../db/database.ts';
import { forbidden } from '../../http/errors.ts';
import { currentDocument, documentVersion, signaturesOf } from '../agreements-to-mediate/signatures.ts';
import { activeParticipants, type CaseAccess, participantIdentity } from '../cases/case-access.ts';
import { isNeutral } from '../cases/cases.policy.ts';
import * as repo from './agreements.repository.ts';

/** The written settlement agreement's document kind among a case's documents. */
export const SETTLEMENT_KIND = 'settlement_agreement';

/** Who must sign, each with their capacity in the words of `language`. */
export const signersOf = (ctx: CaseAccess, language: Language = DEFAULT_LANGUAGE): Signer[] =>
  requiredSigners(ctx.pack, activeParticipants(ctx).map(participantIdentity), documentWords(language));

/**
 * The written agreement as this viewer reads it. The mediators read the latest version, their
 * draft; everyone else reads the latest version the mediator sent them for signature, and
 * nothing before the first is sent. The signers' capacities are in the words of `language`.
 */
export async function agreementState(db: Executor, ctx: CaseAccess, language: Language = DEFAULT_LANGUAGE) {
  const record = await repo.findAgreement(db, ctx.c.id);
  const current = await currentDocument(db, ctx.c.id, SETTLEMENT_KIND);
  const versions = await repo.listVersions(db, ctx.c.id);
  const sent = versions.filter((v) => v.sent_at !== null).at(-1);
  const doc = ctx.isMediator
    ? current
    : !sent
      ? undefined
      : sent.document_id === current?.id
        ? current
        : await documentVersion(db, ctx.c.id, SETTLEMENT_KIND, sent.version);
  const signatures = doc ? await signaturesOf(db, doc.id) : [];
  const signers = signersOf(ctx, language);
  const allSigned = Boolean(record?.signed_at);
  return {
    record,
    doc,
    /** The latest version, which may be the mediator's unsent draft. */
    current,
    /** Every version, each with when it was sent (null: the mediator's draft). */
    versions,
    /** When the version this viewer reads was sent to the parties (null: not yet). */
    sentAt: versions.find((v) => v.document_id === doc?.id)?.sent_at ?? null,
    signatures,
    signers,
    allSigned,
    status: record
      ? agreementStatus(ctx.pack, { allSigned, courtApprovedAt: record.court_approved_at })
      : null,
  };
}

/**
 * Who reads the agreement: the people at the table and the mediator while it is a draft; once it
 * is signed, the program too (it keeps the copy, and for special education sends it to the state).
 */
export function requireAgreementReader(ctx: CaseAccess, signed: boolean) {
  if (ctx.isMediator || ctx.viewer.kind === 'party' || ctx.viewer.kind === 'companion') return;
  if (isNeutral(ctx.viewer) && signed) return;
  throw forbidden(
    'The draft agreement is for the people in the mediation. The program sees it once it is signed.',
  );
}

// For other areas: which cases have a signed agreement, and what a signed version says.

/**
 * Of these cases, the ones whose written agreement everyone has signed (their promises are
 * tracked), each with when the last signature completed it.
 */
export const signedAgreementCases = async (db: Executor, caseIds: readonly string[]) =>
  new Map((await repo.listSignedCases(db, caseIds)).map((r) => [r.case_id, r.signed_at]));

/** The terms, timeline and settled issues of one version of the agreement. */
export const agreementContent = (db: Executor, documentId: string) => repo.findVersionContent(db, documentId);

/** Comments a person wrote on draft agreements (their data export). */
export const commentsBy = (db: Executor, userId: string) => repo.listCommentsBy(db, userId);

/**
 * Where the written agreement stands for this viewer: sent for signature and not yet signed by
 * everyone, and whether their own signature is still due (the case page's and home's next step).
 */
export async function agreementForViewer(db: Executor, ctx: CaseAccess) {
  const state = await agreementState(db, ctx);
  const awaitingSignatures = Boolean(state.sentAt && !state.allSigned);
  const me = ctx.viewer.participantId;
  const mySignatureDue =
    awaitingSignatures &&
    me !== null &&
    state.signers.some((s) => s.participantId === me) &&
    !state.signatures.some((s) => s.participant_id === me);
  return { awaitingSignatures, mySignatureDue };
}

/** Of these cases, the agreements sent for signature that not everyone has signed yet (the mediator's desk). */
export const agreementsAwaitingSignatures = async (db: Executor, caseIds: readonly string[]) =>
  (await repo.listAwaitingSignatures(db, caseIds)).map((r) => ({
    caseId: r.case_id,
    sentAt: String(r.sent_at),
  }));
