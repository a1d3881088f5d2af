import type { Agreement, AgreementDrafting, DraftInput } from '../../../contracts/agreements.ts';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../../domain/languages.ts';
import {
  type AgreementContent,
  agreementDocument,
  agreementText,
  bindingStatement,
  documentSections,
  needsCourtApproval,
  scopeOf,
  signingAdvice,
} from '../../../domain/settlement.ts';
import { diffLines } from '../../../domain/text-diff.ts';
import { documentWords } from '../../../i18n/document-words.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError, invalid, notFound, refusalOf } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { documentIn, documentVersions, insertDocument } from '../agreements-to-mediate/signatures.ts';
import { loadMediation, parties, recordCaseAudit } from '../cases/case-access.ts';
import { notifyCase } from '../cases/notify.ts';
import { listIssueRows } from '../issues/issues.service.ts';
import { titled } from '../notifications/notifications.emails.ts';
import { agreementState, requireAgreementReader, SETTLEMENT_KIND, signersOf } from './agreement-context.ts';
import { AGREEMENT_EMAILS } from './agreements.emails.ts';
import {
  requireCommenter,
  requireCopyReader,
  requireCourtApprover,
  requireInkUploader,
  requireSender,
  requireSigner,
  requireWriter,
} from './agreements.policy.ts';
import * as repo from './agreements.repository.ts';

/**
 * The written settlement agreement: the mediator drafts it from the agreed issues; each revision
 * is a new version (a new document with its own SHA-256) and the differences can be shown;
 * everyone at the table can comment. Signing is in signing.service.ts, court approval in
 * court-approval.service.ts. Each version is written in every language Parley speaks (the terms
 * as the mediator typed them): each party reads and signs it in their own.
 */
export async function draftAgreement(deps: Deps, actor: Actor | null, caseId: string, input: DraftInput) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    const state = await agreementState(tx, ctx);
    requireWriter(ctx, state);
    const issues = await listIssueRows(tx, caseId);
    input.settledIssueIds.forEach((id, n) => {
      const issue = issues.find((i) => i.id === id);
      if (!issue) throw invalid(`settledIssueIds.${n}`, 'not an issue on this case');
      if (!settles(issue.status))
        throw invalid(`settledIssueIds.${n}`, `"${issue.title}" is not marked agreed on the board`);
    });
    input.terms.forEach((t, n) => {
      if (t.issueId && !issues.some((i) => i.id === t.issueId))
        throw invalid(`terms.${n}.issueId`, 'not an issue on this case');
    });
    const content: AgreementContent = {
      terms: input.terms,
      milestones: input.milestones,
      settledIssueIds: input.settledIssueIds,
    };
    const refs = issues.map((i) => ({ id: i.id, title: i.title, status: i.status }));
    const [english, ...others] = LANGUAGES.map((language) => {
      const doc = agreementDocument(
        ctx.pack,
        {
          caseRef: ctx.c.reference,
          programName: ctx.programName,
          partyNames: parties(ctx).map((p) => (p.organization ? `${p.name} (${p.organization})` : p.name)),
          issues: refs,
          content,
          signers: signersOf(ctx, language),
        },
        documentWords(language),
      );
      return { language, title: doc.title, body: agreementText(doc) };
    });
    const row = await insertDocument(tx, deps, {
      caseId,
      programId: ctx.c.program_id,
      kind: SETTLEMENT_KIND,
      title: english!.title,
      body: english!.body,
      translations: Object.fromEntries(others.map(({ language, ...text }) => [language, text])),
      actorId: ctx.actor.userId,
    });
    const now = iso(deps.clock.now());
    await repo.insertVersion(tx, {
      document_id: row.id,
      case_id: caseId,
      version: row.version,
      content,
      change_note: input.changeNote,
      created_by: ctx.actor.userId,
      created_at: now,
      // The mediator's draft until they send it (sendAgreement): nobody else reads it or is told.
      sent_at: null,
    });
    const scope = scopeOf(refs, input.settledIssueIds);
    const signing = ctx.pack.electronicSignatures.value.settlement ? 'electronic' : 'ink';
    if (state.record) {
      await repo.updateAgreement(tx, caseId, { scope, signing, updated_at: now });
    } else {
      await repo.insertAgreement(tx, {
        case_id: caseId,
        scope,
        signing,
        signed_at: null,
        ink_file_id: null,
        court_approved_at: null,
        court_approval_recorded_by: null,
        program_copy_sent_at: null,
        created_at: now,
        updated_at: now,
      });
    }
    return { version: row.version, sha256: row.sha256, scope };
  });
}

/**
 * The mediator sends the version they previewed to the parties for signature: from now on the
 * parties read it, and everyone on the case is told by e-mail.
 */
export async function sendAgreement(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  { version }: { version: number },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    const state = await agreementState(tx, ctx);
    const { doc } = requireSender(ctx, state);
    if (doc.version !== version)
      throw new AppError(
        'CONFLICT',
        `The draft changed since you looked at it: version ${doc.version} is the latest. Look at it again, then send it.`,
        { fields: { version: 'is not the latest version' } },
      );
    const sentAt = iso(deps.clock.now());
    await repo.markVersionSent(tx, doc.id, sentAt);
    await recordCaseAudit(tx, ctx, {
      kind: 'agreement.sent',
      at: deps.clock.now(),
      subjectType: 'case_document',
      subjectId: doc.id,
      data: { version: doc.version, sha256: doc.sha256 },
    });
    await notifyCase(
      tx,
      deps,
      ctx,
      AGREEMENT_EMAILS.draftReady(ctx.c.reference, doc.version, state.record?.signing === 'electronic'),
      undefined,
      {
        kind: 'signature',
        link: `/cases/${ctx.c.id}/agreement`,
        title: titled('signAgreement'),
      },
    );
    return { version: doc.version, sentAt };
  });
}

/**
 * The written agreement as the reader reads it, in `language` (the page's): the text of the
 * version in it, with that text's fingerprint, which the reader's signature sends back.
 */
export async function getAgreement(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  language: Language = DEFAULT_LANGUAGE,
): Promise<Agreement> {
  const ctx = await loadMediation(deps.db, actor, caseId);
  const state = await agreementState(deps.db, ctx, language);
  const words = documentWords(language);
  requireAgreementReader(ctx, state.allSigned);
  if (!state.doc || !state.record) throw notFound('The written agreement');
  // The parties see the versions sent to them; the mediators see their drafts too.
  const versions = state.versions.filter((v) => ctx.isMediator || v.sent_at !== null);
  const current = versions.find((v) => v.document_id === state.doc!.id);
  const comments = await repo.listComments(deps.db, caseId);
  const me = ctx.viewer.participantId;
  const mySigner = state.signers.find((s) => s.participantId === me);
  const signedAt = (participantId: string) =>
    state.signatures.find((x) => x.participant_id === participantId)?.signed_at ?? null;
  const text = documentIn(state.doc, language);
  return {
    title: text.title,
    document: documentSections(text.body),
    sentAt: state.sentAt,
    advice: signingAdvice(ctx.pack, words),
    bindingStatement: bindingStatement(ctx.pack, words),
    nextStep: mySigner && signedAt(mySigner.participantId) ? nextStepAfterSigning(state, language) : null,
    version: state.doc.version,
    text: text.body,
    sha256: text.sha256,
    language: text.language,
    content: current?.content ?? null,
    scope: state.record.scope,
    signing: state.record.signing,
    electronicCite: ctx.pack.electronicSignatures.cite,
    status: state.status ?? 'awaiting_signatures',
    binding: state.status === 'binding',
    courtApprovalNeeded: needsCourtApproval(ctx.pack),
    courtApprovedAt: state.record.court_approved_at,
    signedAt: state.record.signed_at,
    inkCopy: Boolean(state.record.ink_file_id),
    programCopySentAt:
      ctx.isMediator || ctx.viewer.kind === 'coordinator' ? state.record.program_copy_sent_at : null,
    versions: versions.map((v) => ({
      version: v.version,
      createdAt: v.created_at,
      changeNote: v.change_note,
    })),
    signers: state.signers.map((s) => ({
      ...s,
      signedAt: signedAt(s.participantId),
      isMe: s.participantId === me,
    })),
    mustAttestAuthority: mySigner?.attestsAuthority ?? false,
    can: {
      sign: !refusalOf(() => requireSigner(ctx, state)),
      edit: !refusalOf(() => requireWriter(ctx, state)),
      send: !refusalOf(() => requireSender(ctx, state)),
      comment: !refusalOf(() => requireCommenter(ctx, state)),
      uploadInkCopy: !refusalOf(() => requireInkUploader(ctx, state)),
      recordCourtApproval:
        !refusalOf(() => requireCourtApprover(ctx, state)) && state.status === 'awaiting_court_approval',
      downloadPdf: !refusalOf(() => requireCopyReader(ctx, state)),
    },
    comments: comments.map((c) => ({
      id: c.id,
      version: c.version,
      author: c.author_name,
      body: c.body,
      createdAt: c.created_at,
    })),
  };
}

/** What happens next, for someone who has signed. */
function nextStepAfterSigning(state: Awaited<ReturnType<typeof agreementState>>, language: Language): string {
  const w = documentWords(language);
  if (state.status === 'awaiting_court_approval') return w.t('agreement.next.courtApproval');
  if (state.status === 'binding') return w.t('agreement.next.binding');
  const waiting = state.signers
    .filter((s) => !state.signatures.some((x) => x.participant_id === s.participantId))
    .map((s) => s.name);
  return w.t('agreement.next.waiting', { names: w.list(waiting) });
}

/** What the mediator drafts from: the issues marked agreed on the board, the ones an agreement may settle. */
export async function getDrafting(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
): Promise<AgreementDrafting> {
  const ctx = await loadMediation(deps.db, actor, caseId);
  const state = await agreementState(deps.db, ctx);
  requireAgreementReader(ctx, state.allSigned);
  const write = !refusalOf(() => requireWriter(ctx, state));
  const issues = write ? await listIssueRows(deps.db, caseId) : [];
  return {
    written: Boolean(state.doc),
    issues: issues.filter((i) => settles(i.status)).map((i) => ({ id: i.id, title: i.title })),
    can: { write },
  };
}

/** An issue the agreement may settle: agreed, or partly agreed, on the board. */
const settles = (status: string) => status === 'agreed' || status === 'partly_agreed';

export async function agreementDiff(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  from: number,
  to: number,
) {
  const ctx = await loadMediation(deps.db, actor, caseId);
  const state = await agreementState(deps.db, ctx);
  requireAgreementReader(ctx, state.allSigned);
  // Only versions this viewer may read: the parties never see the mediator's unsent drafts.
  const readable = (v: number) =>
    state.versions.some((x) => x.version === v && (ctx.isMediator || x.sent_at));
  if (!readable(from)) throw invalid('from', 'no such version');
  if (!readable(to)) throw invalid('to', 'no such version');
  const docs = await documentVersions(deps.db, caseId, SETTLEMENT_KIND, [from, to]);
  const a = docs.find((d) => d.version === from);
  const b = docs.find((d) => d.version === to);
  if (!a) throw invalid('from', 'no such version');
  if (!b) throw invalid('to', 'no such version');
  return { from, to, lines: diffLines(a.body, b.body) };
}

export async function commentOnAgreement(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  { body }: { body: string },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    const state = await agreementState(tx, ctx);
    requireCommenter(ctx, state);
    const doc = state.doc!;
    const id = newId();
    const now = iso(deps.clock.now());
    await repo.insertComment(tx, {
      id,
      case_id: caseId,
      version: doc.version,
      author_id: ctx.actor.userId,
      author_name: ctx.actor.name,
      body,
      created_at: now,
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'agreement.commented',
      at: deps.clock.now(),
      subjectType: 'agreement_comment',
      subjectId: id,
      data: { version: doc.version },
    });
    return { id, version: doc.version, author: ctx.actor.name, body, createdAt: now };
  });
}
