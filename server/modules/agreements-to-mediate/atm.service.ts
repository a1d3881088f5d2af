import type { MediatorDisclosure as DisclosureBody } from '../../../contracts/agreements-to-mediate.ts';
import {
  agreementToMediate,
  checkDisclosure,
  DISCLOSURE_FIELDS,
  documentText,
  type MediatorDisclosure,
  missingBeforeSigning,
} from '../../../domain/agreement-to-mediate.ts';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../../domain/languages.ts';
import { nameMatches } from '../../../domain/settlement.ts';
import { documentWords } from '../../../i18n/document-words.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError, forbidden, notFound, refusalOf } from '../../http/errors.ts';
import type { RequestMeta } from '../../http/types.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import type { Actor } from '../access/access.service.ts';
import { languageOfRecipient } from '../accounts/accounts.service.ts';
import {
  type CaseAccess,
  type CaseRow,
  loadCase,
  moveCase,
  parties,
  recordCaseAudit,
  requireMediator,
  updateCase,
} from '../cases/case-access.ts';
import {
  isNeutral,
  mayReadSignedAgreementToMediate,
  maySignAgreementToMediate,
} from '../cases/cases.policy.ts';
import { auditDocumentRead } from '../cases/cases.service.ts';
import { deadlinesFor } from '../cases/cases.view.ts';
import { notifyCase, notifyMediator } from '../cases/notify.ts';
import { titled } from '../notifications/notifications.emails.ts';
import { ATM_EMAILS } from './atm.emails.ts';
import {
  copyFor,
  copyLanguage,
  currentDocument,
  documentIn,
  insertDocument,
  type SignatureAnswer,
  signaturesOf,
  signDocument,
  signedPdf,
  supersedeDocument,
} from './signatures.ts';

export const ATM_KIND = 'agreement_to_mediate';

/** A party's capacity on the Agreement to Mediate, in the words of one language. */
const capacityOf = (ctx: CaseAccess, participantId: string, language: Language = DEFAULT_LANGUAGE) => {
  const p = ctx.participants.find((x) => x.id === participantId)!;
  const { t } = documentWords(language);
  return p.organization
    ? t('atm.capacity.partyFor', { organization: p.organization })
    : t('atm.capacity.party');
};

/** Each party signs, once the mediator accepted, where the pack lets them sign electronically. */
export function requireSigner(ctx: Pick<CaseAccess, 'c' | 'viewer' | 'pack'>) {
  const { c, viewer, pack } = ctx;
  if (!maySignAgreementToMediate(viewer)) throw forbidden('Each party signs the Agreement to Mediate.');
  if (c.state !== 'agreement_to_mediate') {
    throw new AppError(
      'INVALID_TRANSITION',
      'The Agreement to Mediate is signed after the mediator accepts the case.',
    );
  }
  if (!pack.electronicSignatures.value.agreementToMediate) {
    throw new AppError(
      'RULE_VIOLATION',
      `This program needs an ink signature (${pack.electronicSignatures.cite}).`,
    );
  }
  const missing = missingBeforeSigning(pack, disclosureOf(c));
  if (missing.length) {
    throw new AppError(
      'RULE_VIOLATION',
      `The mediator must first write into this agreement ${missing.join(' and ')} (Rule 88.06(a)). You will be told when it is ready to sign.`,
      { key: 'atm.disclosureMissing' },
    );
  }
}

/** The mediator's Rule 88.06(a) disclosure written on this case, if any. */
const disclosureOf = (c: CaseRow): MediatorDisclosure | undefined => c.details.mediatorDisclosure;

/** The mediator writes the Rule 88.06 disclosure while the parties have yet to sign. */
function requireDisclosureWriter(ctx: Pick<CaseAccess, 'c' | 'pack' | 'viewer' | 'isMediator'> & CaseAccess) {
  requireMediator(ctx, 'The mediator writes their own disclosure.');
  if (!ctx.pack.requiredWritings.value.includes('rule_88_06_disclosures'))
    throw new AppError('RULE_VIOLATION', 'This program’s Agreement to Mediate has no Rule 88.06 disclosure.');
  if (ctx.c.state !== 'agreement_to_mediate')
    throw new AppError(
      'INVALID_TRANSITION',
      'The disclosure is written before the parties sign the Agreement to Mediate.',
    );
}

/** The signed copy is for the signers, the mediator and the program. */
export function requireSignedCopyReader(ctx: Pick<CaseAccess, 'viewer'>) {
  if (!mayReadSignedAgreementToMediate(ctx.viewer))
    throw forbidden('The signed copy is for the signers, the mediator and the program.');
}

/**
 * Written from the pack when the mediator accepts, in every language Parley speaks: each party
 * reads and signs it in their own.
 */
export async function createAgreementToMediate(tx: Tx, deps: Deps, ctx: CaseAccess, mediatorName: string) {
  const disclosure = disclosureOf(ctx.c);
  const [english, ...others] = LANGUAGES.map((language) => {
    const doc = agreementToMediate(
      ctx.pack,
      {
        caseRef: ctx.c.reference,
        programName: ctx.programName,
        partyNames: partyNames(ctx),
        mediatorName,
        ...(disclosure ? { disclosure } : {}),
      },
      documentWords(language),
    );
    return { language, title: doc.title, body: documentText(doc) };
  });
  return insertDocument(tx, deps, {
    caseId: ctx.c.id,
    programId: ctx.c.program_id,
    kind: ATM_KIND,
    title: english!.title,
    body: english!.body,
    translations: Object.fromEntries(others.map(({ language, ...text }) => [language, text])),
    actorId: ctx.actor.userId,
  });
}

const partyNames = (ctx: CaseAccess) =>
  parties(ctx).map((p) => (p.organization ? `${p.name} (${p.organization})` : p.name));

/**
 * Rule 88.06(a): the mediator writes the fees in figures and their relationships and conflicts
 * into the Agreement to Mediate the parties sign. Checked field by field (a 400 naming what to
 * fix); the agreement is written again with it, so any signature on the earlier text no longer
 * counts and everyone signs the text with the disclosure.
 */
export async function writeDisclosure(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  body: DisclosureBody,
  language: Language = DEFAULT_LANGUAGE,
) {
  await inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    requireDisclosureWriter(ctx);
    const disclosure: MediatorDisclosure =
      body.fees.kind === 'free'
        ? { fees: { kind: 'free', paidBy: body.fees.paidBy }, relationships: body.relationships }
        : { fees: body.fees, relationships: body.relationships };
    const problems = checkDisclosure(disclosure, partyNames(ctx));
    const fields = Object.keys(problems) as (keyof typeof problems)[];
    if (fields.length) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Please check ${fields.map((f) => DISCLOSURE_FIELDS[f]).join('; ')}.`,
        { fields: problems },
      );
    }
    await updateCase(tx, deps, ctx.c, { details: { ...ctx.c.details, mediatorDisclosure: disclosure } });
    ctx.c.details = { ...ctx.c.details, mediatorDisclosure: disclosure };
    await supersedeAgreementToMediate(tx, deps, ctx.c);
    await createAgreementToMediate(tx, deps, ctx, ctx.actor.name);
    await recordCaseAudit(tx, ctx, {
      kind: 'case.mediator_disclosure_written',
      at: deps.clock.now(),
      subjectType: 'case',
      subjectId: ctx.c.id,
      data: { fees: disclosure.fees.kind, relationshipsStated: disclosure.relationships !== null },
    });
    await notifyCase(tx, deps, ctx, ATM_EMAILS.disclosureWritten(ctx.c.reference), undefined, {
      kind: 'signature',
      link: `/cases/${ctx.c.id}`,
      title: titled('signAgreementToMediate'),
    });
  });
  return getAgreementToMediate(deps, actor, caseId, language);
}

/** When the mediator leaves, the agreement naming them no longer applies. */
export async function supersedeAgreementToMediate(tx: Tx, deps: Deps, c: CaseRow) {
  await supersedeDocument(tx, c.id, ATM_KIND, iso(deps.clock.now()));
}

/**
 * The Agreement to Mediate as the reader reads it: its text in `language` (the page's) where it
 * was written in it, with that text's fingerprint, which the reader's signature sends back.
 */
export async function getAgreementToMediate(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  language: Language = DEFAULT_LANGUAGE,
) {
  const ctx = await loadCase(deps.db, actor, caseId);
  const doc = await currentDocument(deps.db, caseId, ATM_KIND);
  if (!doc) throw notFound('The Agreement to Mediate');
  const sigs = await signaturesOf(deps.db, doc.id);
  const neutral = isNeutral(ctx.viewer);
  const text = documentIn(doc, language);
  return {
    id: doc.id,
    version: doc.version,
    title: text.title,
    text: text.body,
    sha256: text.sha256,
    language: text.language,
    electronicAllowed: ctx.pack.electronicSignatures.value.agreementToMediate,
    missingDisclosures: missingBeforeSigning(ctx.pack, disclosureOf(ctx.c)),
    disclosure: ctx.pack.requiredWritings.value.includes('rule_88_06_disclosures')
      ? (disclosureOf(ctx.c) ?? null)
      : null,
    can: {
      sign:
        refusalOf(() => requireSigner(ctx)) === null &&
        !sigs.some((s) => s.participant_id === ctx.viewer.participantId),
      writeDisclosure: refusalOf(() => requireDisclosureWriter(ctx)) === null,
    },
    signers: parties(ctx).map((p) => {
      const s = sigs.find((x) => x.participant_id === p.id);
      const own = p.id === ctx.viewer.participantId;
      return {
        participantId: p.id,
        name: p.name,
        capacity: capacityOf(ctx, p.id, language),
        signedAt: s?.signed_at ?? null,
        language: s ? s.document_language : null,
        // Where and on what device someone signed is theirs and the program's to see.
        ip: s && (own || neutral) ? s.ip : undefined,
        userAgent: s && (own || neutral) ? s.user_agent : undefined,
      };
    }),
  };
}

export async function signAgreementToMediate(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: SignatureAnswer,
  meta: RequestMeta,
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer } = ctx;
    requireSigner(ctx);
    const doc = await currentDocument(tx, c.id, ATM_KIND);
    if (!doc) throw notFound('The Agreement to Mediate');
    // A signature is the signer's own full name: the one on their account, or the one recorded
    // for them on the case (accents and case aside), as for the written agreement.
    const me = ctx.participants.find((p) => p.id === viewer.participantId);
    if (
      input.typedName.trim().length >= 2 &&
      !nameMatches(input.typedName, [ctx.actor.name, me?.name ?? ''])
    ) {
      throw new AppError('VALIDATION_FAILED', `Type your full name as Parley knows it: ${ctx.actor.name}.`, {
        fields: { typedName: `type your full name as it is on your account (${ctx.actor.name})` },
      });
    }
    const signed = await signDocument(tx, deps, {
      document: doc,
      programId: c.program_id,
      signer: {
        actor: ctx.actor,
        participantId: viewer.participantId,
        capacity: (language) => capacityOf(ctx, viewer.participantId!, language),
      },
      answer: input,
      meta,
    });
    const sigs = await signaturesOf(tx, doc.id);
    const everyone = parties(ctx).every((p) => sigs.some((s) => s.participant_id === p.id));
    if (everyone) {
      const now = deps.clock.now();
      await moveCase(tx, deps, c, 'all_signed', viewer.userId, { ready_at: iso(now) });
      const deadlines = deadlinesFor(ctx, {}, now).filter((d) => d.dueAt);
      const notice = ATM_EMAILS.readyToSchedule(c.reference, deadlines);
      await notifyCase(tx, deps, ctx, notice);
      if (c.mediator_id) await notifyMediator(tx, deps, c, c.mediator_id, notice);
    }
    return { ...signed, state: c.state };
  });
}

/**
 * The signed copy, in the language asked for, else the one the reader signed it in, else their
 * account's.
 */
export async function agreementToMediatePdf(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  asked?: Language,
) {
  const ctx = await loadCase(deps.db, actor, caseId);
  requireSignedCopyReader(ctx);
  const doc = await currentDocument(deps.db, caseId, ATM_KIND);
  if (!doc) throw notFound('The Agreement to Mediate');
  const sigs = await signaturesOf(deps.db, doc.id);
  const language = copyLanguage(
    asked,
    sigs,
    ctx.actor.userId,
    await languageOfRecipient(deps.db, { userId: ctx.actor.userId }),
  );
  const pdf = await signedPdf(
    doc,
    sigs,
    documentWords(language).t('atm.footer', { reference: ctx.c.reference }),
    parties(ctx).map((p) => ({
      participantId: p.id,
      name: p.name,
      capacity: capacityOf(ctx, p.id, language),
    })),
    copyFor(ctx),
    [],
    language,
  );
  await auditDocumentRead(deps, ctx, ATM_KIND);
  return { pdf, filename: `agreement-to-mediate-${ctx.c.reference}.pdf` };
}

/** For the case page: the parties who have signed the current Agreement to Mediate. */
export async function agreementToMediateSigners(db: Executor, caseId: string): Promise<string[]> {
  const doc = await currentDocument(db, caseId, ATM_KIND);
  const signatures = doc ? await signaturesOf(db, doc.id) : [];
  return signatures.flatMap((s) => (s.participant_id ? [s.participant_id] : []));
}
