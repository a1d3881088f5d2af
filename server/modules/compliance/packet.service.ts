import { isUnkept } from '../../../domain/compliance.ts';
import type { Language } from '../../../domain/languages.ts';
import { formatMissouriDate, formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import { documentWords } from '../../../i18n/document-words.ts';
import type { Executor } from '../../db/database.ts';
import { AppError, notFound, refusalOf } from '../../http/errors.ts';
import type { Deps } from '../../infra/deps.ts';
import { type PdfBlock, renderPdf } from '../../infra/pdf.ts';
import type { Actor } from '../access/access.service.ts';
import { languageOfRecipient } from '../accounts/accounts.service.ts';
import { agreementState, signersOf } from '../agreements/agreement-context.ts';
import { requireCopyReader } from '../agreements/agreements.policy.ts';
import { agreementCertificate } from '../agreements/signing.service.ts';
import { copyFor, signedBlocks } from '../agreements-to-mediate/signatures.ts';
import { caseTrail } from '../audit/audit.service.ts';
import { type CaseAccess, loadMediation } from '../cases/case-access.ts';
import { auditDocumentRead } from '../cases/cases.service.ts';
import * as repo from './compliance.repository.ts';
import { dueInWords, evidenceIndex, sideLabel, today } from './milestone-log.ts';

/**
 * The enforcement packet: what a parent or their attorney takes to court when a promise is not
 * kept. One PDF with the signed agreement and its audit certificate, each promise's log with dates,
 * an index of the evidence, the reminders sent and the audit trail's entries for them.
 *
 * Rule 88.08: a mediator may testify only about events after the mediation; mediation
 * communications are confidential (Rules 17.06 and 88.08; 20 U.S.C. 1415(e)(2)(G) and 34 CFR 300.506(b)(6)(i); RSMo 435.014). So the packet is built
 * only from the signed agreement and what happened after it was signed — the compliance tables,
 * the signatures and the audit trail — and never reads preparation answers, screening answers,
 * caucus notes, issues or options.
 */

type AgreementState = Awaited<ReturnType<typeof agreementState>>;
type PacketCheck =
  | {
      ok: true;
      state: AgreementState;
      doc: NonNullable<AgreementState['doc']>;
      unkept: repo.MilestoneRow[];
    }
  | { ok: false; refusal: AppError };

/**
 * Whether this viewer may have the enforcement packet now: the agreement signed by everyone, a
 * viewer who reads its signed copy, and a promise not kept. The download refuses with the first
 * that fails; the promises page offers the packet only when none does.
 */
export async function checkPacket(
  db: Executor,
  ctx: CaseAccess,
  milestones: repo.MilestoneRow[],
  day: string,
): Promise<PacketCheck> {
  const state = await agreementState(db, ctx);
  if (!state.doc || !state.allSigned) return { ok: false, refusal: notFound('The signed agreement') };
  const reader = refusalOf(() => requireCopyReader(ctx, state));
  if (reader) return { ok: false, refusal: reader };
  const unkept = milestones.filter((m) => isUnkept({ state: m.state, dueDate: m.due_date }, day));
  if (!unkept.length)
    return {
      ok: false,
      refusal: new AppError(
        'RULE_VIOLATION',
        'Every promise is kept or still has time. An enforcement packet is for a promise that was missed.',
      ),
    };
  return { ok: true, state, doc: state.doc, unkept };
}

/**
 * The packet as a PDF, in the language asked for, else the reader's own (their account's), like the
 * report to the court: it is the reader's to take to court. The agreement in it is its text in that
 * language where it was written in it, and each signature still says which text its signer signed.
 * Citations and what people wrote (a promise, a note, a file's name) stay as they are.
 */
export async function enforcementPacket(deps: Deps, actor: Actor | null, caseId: string, asked?: Language) {
  const ctx = await loadMediation(deps.db, actor, caseId);
  const [milestones, events, evidence, reminders] = await Promise.all([
    repo.listMilestones(deps.db, caseId),
    repo.listEvents(deps.db, caseId),
    evidenceIndex(deps.db, caseId),
    repo.listReminders(deps.db, caseId),
  ]);
  const check = await checkPacket(deps.db, ctx, milestones, today(deps));
  if (!check.ok) throw check.refusal;
  const { state, doc, unkept } = check;
  const language = asked ?? (await languageOfRecipient(deps.db, { userId: ctx.actor.userId }));
  const words = documentWords(language);
  const { t } = words;
  const date = (d: string) => formatMissouriDate(d, {}, language);
  const at = (instant: Date | string) => formatMissouriDateTime(instant, language);
  const trail = await caseTrail(deps.db, caseId, {
    prefix: 'compliance.',
    kinds: ['agreement.signed_by_all'],
  });
  const copy = copyFor(ctx);
  const { sigs, certificate } = await agreementCertificate(deps.db, ctx, state, copy, language);
  const label = (side: string) => sideLabel(ctx, side, words);
  const number = new Map(milestones.map((m, n) => [m.id, n + 1]));
  // An event's, a reminder's or a recipient's kind in words; one the catalog does not know as it is.
  const kind = (group: string, k: string) => {
    const key = `packet.${group}.${k}`;
    const w = t(key);
    return w === key ? k : w;
  };
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: t('packet.holds.heading') },
    { kind: 'paragraph', text: t('packet.holds.made', { at: at(deps.clock.now()), name: ctx.actor.name }) },
    {
      kind: 'paragraph',
      text: t('packet.holds.only', { statute: ctx.pack.confidentiality.value.statute }),
    },
    { kind: 'heading', text: t('packet.unkept.heading') },
    {
      kind: 'list',
      items: unkept.map((m) =>
        t('packet.unkept.item', {
          number: number.get(m.id),
          what: m.what,
          responsible: label(m.responsible_side),
          due: date(m.due_date),
          now: t(m.state === 'pending' ? 'packet.unkept.pastDue' : `packet.state.${m.state}`),
        }),
      ),
    },
    { kind: 'heading', text: t('packet.part1') },
    ...signedBlocks(doc, sigs, signersOf(ctx, language), copy, certificate, language),
    { kind: 'heading', text: t('packet.part2') },
  ];
  for (const m of milestones) {
    blocks.push({
      kind: 'paragraph',
      text: t('packet.milestone', {
        number: number.get(m.id),
        what: m.what,
        responsible: label(m.responsible_side),
        text: m.responsible_text,
        due: date(m.due_date),
        counted: m.due.kind === 'date' ? 'none' : dueInWords(m.due, words),
        signedOn: date(m.signed_on),
        evidence: m.evidence_expected,
        now: t(`packet.state.${m.state}`),
        doneOn: m.done_on ? date(m.done_on) : 'none',
      }),
    });
    blocks.push({
      kind: 'list',
      items: events
        .filter((e) => e.milestone_id === m.id)
        .map((e) => {
          const files = evidence.filter((f) => f.event_id === e.id).map((f) => `E${evidence.indexOf(f) + 1}`);
          const changes = Object.entries(e.changes).map(([field, v]) =>
            t('packet.event.change', { field, from: String(v.from), to: String(v.to) }),
          );
          return [
            t('packet.event.item', {
              at: at(e.occurred_at),
              what: kind('event.kind', e.kind),
              name: e.actor_name,
            }),
            e.on_date ? t('packet.event.doneOn', { date: date(e.on_date) }) : '',
            changes.length ? t('packet.event.changed', { changes: changes.join('; ') }) : '',
            e.note ? t('packet.event.note', { note: e.note }) : '',
            files.length ? t('packet.event.evidence', { files: files.join(', ') }) : '',
            '.',
          ].join('');
        }),
    });
  }
  blocks.push({ kind: 'heading', text: t('packet.part3') });
  blocks.push(
    evidence.length
      ? {
          kind: 'list',
          items: evidence.map((f, n) =>
            t('packet.evidence.item', {
              n: n + 1,
              filename: f.filename,
              type: f.content_type,
              kb: Math.max(1, Math.round(Number(f.size) / 1024)),
              at: at(f.created_at),
              milestone: number.get(f.milestone_id),
              sha256: f.sha256,
            }),
          ),
        }
      : { kind: 'paragraph', text: t('packet.evidence.none') },
  );
  blocks.push({ kind: 'paragraph', text: t('packet.evidence.fingerprint') });
  blocks.push({ kind: 'heading', text: t('packet.part4') });
  blocks.push(
    reminders.length
      ? {
          kind: 'list',
          items: reminders.map((r) => {
            const to = r.recipients.map((p) =>
              t('packet.reminder.recipient', { name: p.name, role: kind('reminder.role', p.role) }),
            );
            return t('packet.reminder.item', {
              at: at(r.sent_at),
              what: kind('reminder.kind', r.kind),
              milestone: number.get(r.milestone_id),
              due: date(r.due_date),
              to: to.length ? to.join(', ') : t('packet.reminder.nobody'),
            });
          }),
        }
      : { kind: 'paragraph', text: t('packet.reminder.none') },
  );
  blocks.push({ kind: 'heading', text: t('packet.part5') });
  blocks.push({ kind: 'paragraph', text: t('packet.trail') });
  blocks.push({
    kind: 'list',
    items: trail.map((e) => `#${e.seq} ${at(e.occurred_at)} ${e.kind} ${e.hash.slice(0, 16)}`),
  });
  const pdf = await renderPdf({
    title: t('packet.title'),
    subtitle: t('packet.subtitle', { reference: ctx.c.reference, program: ctx.programName }),
    blocks,
    footer: t('packet.footer', { reference: ctx.c.reference }),
    createdAt: deps.clock.now(),
    language,
  });
  await auditDocumentRead(deps, ctx, 'enforcement_packet');
  return { data: pdf, filename: `enforcement-packet-${ctx.c.reference}.pdf` };
}
