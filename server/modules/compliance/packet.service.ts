import { describeComplianceDue, isUnkept, STATE_WORDS } from '../../../domain/compliance.ts';
import { formatMissouriDate, formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import type { Executor } from '../../db/database.ts';
import { AppError, notFound, refusalOf } from '../../http/errors.ts';
import type { Deps } from '../../infra/deps.ts';
import { type PdfBlock, renderPdf } from '../../infra/pdf.ts';
import type { Actor } from '../access/access.service.ts';
import { agreementState } from '../agreements/agreement-context.ts';
import { requireCopyReader } from '../agreements/agreements.policy.ts';
import { agreementCertificate } from '../agreements/signing.service.ts';
import { copyFor, signedBlocks } from '../agreements-to-mediate/signatures.ts';
import { caseTrail } from '../audit/audit.service.ts';
import { type CaseAccess, loadMediation } from '../cases/case-access.ts';
import { auditDocumentRead } from '../cases/cases.service.ts';
import * as repo from './compliance.repository.ts';
import { evidenceIndex, sideLabel, today } from './milestone-log.ts';

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

const EVENT_WORDS: Record<string, string> = {
  created: 'Added from the signed agreement',
  marked_done: 'Marked done',
  confirmed: 'Confirmed done by the other side',
  disputed: 'Disputed: the other side says it is not done',
  waived: 'Waived by the side it protects',
  missed: 'Missed: not done by the date',
  corrected: 'Corrected',
};
const REMINDER_WORDS: Record<string, string> = {
  before: 'Reminder before the date',
  due_today: 'Reminder on the day it was due',
  overdue: 'Overdue notice',
};
const ROLE_WORDS: Record<string, string> = {
  requester: 'requesting party',
  respondent: 'responding party',
  mediator: 'mediator',
  coordinator: 'program coordinator',
};

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

export async function enforcementPacket(deps: Deps, actor: Actor | null, caseId: string) {
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
  const trail = await caseTrail(deps.db, caseId, {
    prefix: 'compliance.',
    kinds: ['agreement.signed_by_all'],
  });
  const copy = copyFor(ctx);
  const { sigs, certificate } = await agreementCertificate(deps.db, ctx, state, copy);
  const label = (side: string) => sideLabel(ctx, side);
  const number = new Map(milestones.map((m, n) => [m.id, n + 1]));
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: 'What this packet holds' },
    {
      kind: 'paragraph',
      text: `Made by Parley on ${formatMissouriDateTime(deps.clock.now())} (Missouri time) for ${ctx.actor.name}. It holds the signed mediation agreement with its audit certificate, the log of each promise in the agreement with its dates, an index of the evidence, and the reminders Parley sent.`,
    },
    {
      kind: 'paragraph',
      text: `It is built only from the signed agreement and from what happened after everyone signed it. It holds nothing that was said in mediation: those discussions are confidential (${ctx.pack.confidentiality.value.statute}), and a mediator may speak only about events after the mediation (Missouri Supreme Court Rule 88.08).`,
    },
    { kind: 'heading', text: 'Promises not kept' },
    {
      kind: 'list',
      items: unkept.map(
        (m) =>
          `Milestone ${number.get(m.id)}: ${m.what}. Responsible: ${label(m.responsible_side)}. Due ${formatMissouriDate(m.due_date)}. Now: ${m.state === 'pending' ? 'Not done, and the date has passed' : STATE_WORDS[m.state]}.`,
      ),
    },
    { kind: 'heading', text: 'Part 1. The signed agreement' },
    ...signedBlocks(doc, sigs, state.signers, copy, certificate),
    { kind: 'heading', text: 'Part 2. Milestone log' },
  ];
  for (const m of milestones) {
    const due = m.due;
    blocks.push({
      kind: 'paragraph',
      text: `Milestone ${number.get(m.id)}: ${m.what}. Responsible: ${label(m.responsible_side)} (the agreement says: ${m.responsible_text}). Due ${formatMissouriDate(m.due_date)}${due.kind === 'date' ? '' : `, ${describeComplianceDue(due)} on ${formatMissouriDate(m.signed_on)}`}. Evidence expected: ${m.evidence_expected}. Now: ${STATE_WORDS[m.state]}${m.done_on ? ` (marked done for ${formatMissouriDate(m.done_on)})` : ''}.`,
    });
    blocks.push({
      kind: 'list',
      items: events
        .filter((e) => e.milestone_id === m.id)
        .map((e) => {
          const files = evidence.filter((f) => f.event_id === e.id).map((f) => `E${evidence.indexOf(f) + 1}`);
          const changes = Object.entries(e.changes)
            .map(([k, v]) => `${k} from ${String(v.from)} to ${String(v.to)}`)
            .join('; ');
          return [
            `${formatMissouriDateTime(e.occurred_at)}: ${EVENT_WORDS[e.kind] ?? e.kind}`,
            ` by ${e.actor_name}`,
            e.on_date ? `, done on ${formatMissouriDate(e.on_date)}` : '',
            changes ? `, changed ${changes}` : '',
            e.note ? `. Note: "${e.note}"` : '',
            files.length ? `. Evidence: ${files.join(', ')}` : '',
            '.',
          ].join('');
        }),
    });
  }
  blocks.push({ kind: 'heading', text: 'Part 3. Evidence index' });
  blocks.push(
    evidence.length
      ? {
          kind: 'list',
          items: evidence.map(
            (f, n) =>
              `E${n + 1}. ${f.filename} (${f.content_type}, ${Math.max(1, Math.round(Number(f.size) / 1024))} KB), added ${formatMissouriDateTime(f.created_at)} for milestone ${number.get(f.milestone_id)}. SHA-256: ${f.sha256}.`,
          ),
        }
      : { kind: 'paragraph', text: 'No files were added.' },
  );
  blocks.push({
    kind: 'paragraph',
    text: 'The files can be downloaded from Parley. Each file’s SHA-256 fingerprint above shows it is the same file that was added.',
  });
  blocks.push({ kind: 'heading', text: 'Part 4. Reminders sent' });
  blocks.push(
    reminders.length
      ? {
          kind: 'list',
          items: reminders.map((r) => {
            const to = r.recipients.map((p) => `${p.name} (${ROLE_WORDS[p.role] ?? p.role})`).join(', ');
            return `${formatMissouriDateTime(r.sent_at)}: ${REMINDER_WORDS[r.kind] ?? r.kind} for milestone ${number.get(r.milestone_id)} (due ${formatMissouriDate(r.due_date)}), e-mailed to ${to || 'no one with an e-mail address'}.`;
          }),
        }
      : { kind: 'paragraph', text: 'No reminders were sent.' },
  );
  blocks.push({ kind: 'heading', text: 'Part 5. Audit trail entries' });
  blocks.push({
    kind: 'paragraph',
    text: 'Parley’s audit trail is append-only and hash-chained: each entry’s fingerprint depends on every entry before it, so a changed or deleted entry is detected.',
  });
  blocks.push({
    kind: 'list',
    items: trail.map(
      (t) => `#${t.seq} ${formatMissouriDateTime(t.occurred_at)} ${t.kind} ${t.hash.slice(0, 16)}`,
    ),
  });
  const pdf = await renderPdf({
    title: 'Enforcement packet',
    subtitle: `Case ${ctx.c.reference} · ${ctx.programName}`,
    blocks,
    footer: `Enforcement packet ${ctx.c.reference}`,
    createdAt: deps.clock.now(),
  });
  await auditDocumentRead(deps, ctx.actor, ctx.c, 'enforcement_packet');
  return { data: pdf, filename: `enforcement-packet-${ctx.c.reference}.pdf` };
}
