import type { CaseCompliance, CorrectMilestoneBody, Milestone } from '../../../contracts/compliance.ts';
import {
  dueDateOf,
  inferResponsible,
  isOutstanding,
  type MilestoneState,
} from '../../../domain/compliance.ts';
import type { DocumentWords } from '../../../domain/document-words.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { missouriDate } from '../../../domain/missouri-time.ts';
import { documentWords } from '../../../i18n/document-words.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { agreementContent } from '../agreements/agreement-context.ts';
import { onAgreementSigned } from '../agreements/agreement-signed.ts';
import { type CaseAccess, loadMediation, parties } from '../cases/case-access.ts';
import {
  milestoneCan,
  requireComplianceReader,
  requireCorrectable,
  requireCorrector,
} from './compliance.policy.ts';
import * as repo from './compliance.repository.ts';
import {
  dueInWords,
  type EvidenceEntry,
  evidenceIndex,
  logMilestone,
  sideLabel,
  today,
} from './milestone-log.ts';
import { checkPacket } from './packet.service.ts';

/**
 * Milestones come from the signed agreement's timeline, in the signing transaction: what was
 * promised, who is responsible (read from the agreement's words; the mediator or program corrects
 * a wrong reading), the Missouri date it falls due, and the evidence expected.
 */
onAgreementSigned(async (tx, deps, ctx, signed) => {
  const content = await agreementContent(tx, signed.documentId);
  if (!content) return;
  const signedOn = missouriDate(new Date(signed.signedAt));
  const now = iso(deps.clock.now());
  const people = parties(ctx).map((p) => ({
    side: p.side,
    name: p.name,
    organization: p.organization,
  }));
  const rows = content.milestones.map(
    (m, position): repo.MilestoneRow => ({
      id: newId(),
      case_id: ctx.c.id,
      program_id: ctx.c.program_id,
      agreement_document_id: signed.documentId,
      position,
      what: m.what,
      responsible_text: m.responsible,
      responsible_side: inferResponsible(m.responsible, people, ctx.pack.programKind),
      due: m.due,
      signed_on: signedOn,
      due_date: dueDateOf(m.due, signedOn),
      evidence_expected: m.evidence,
      state: 'pending',
      done_on: null,
      done_by_side: null,
      created_at: now,
      updated_at: now,
    }),
  );
  await repo.insertMilestones(tx, rows);
  for (const row of rows) {
    await logMilestone(tx, deps, {
      milestone: row,
      kind: 'created',
      to: 'pending',
      actor: { id: ctx.actor.userId, name: 'Parley', side: null },
    });
  }
});

function present(
  ctx: CaseAccess,
  m: repo.MilestoneRow,
  events: repo.EventRow[],
  evidence: EvidenceEntry[],
  day: string,
  words: DocumentWords,
): Milestone {
  const due = m.due;
  return {
    id: m.id,
    position: m.position,
    what: m.what,
    responsibleText: m.responsible_text,
    responsibleSide: m.responsible_side,
    responsibleLabel: sideLabel(ctx, m.responsible_side, words),
    due,
    dueWords: dueInWords(due, words),
    dueDate: m.due_date,
    signedOn: m.signed_on,
    evidenceExpected: m.evidence_expected,
    state: m.state,
    stateWords: words.t(`packet.state.${m.state}`),
    overdue: isOutstanding(m.state) && day > m.due_date,
    doneOn: m.done_on,
    can: milestoneCan(ctx, m),
    log: events
      .filter((e) => e.milestone_id === m.id)
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        from: e.from_state,
        to: e.to_state,
        by: e.actor_name,
        side: e.actor_side,
        onDate: e.on_date,
        note: e.note,
        changes: e.changes,
        at: e.occurred_at,
      })),
    evidence: evidence
      .filter((f) => f.milestone_id === m.id)
      .map((f) => ({
        fileId: f.file_id,
        eventId: f.event_id,
        filename: f.filename,
        contentType: f.content_type,
        size: Number(f.size),
        sha256: f.sha256,
        addedAt: f.created_at,
      })),
  };
}

/**
 * Everything tracked for one signed agreement: its promises, their logs and evidence, and the
 * reminders sent. Who is responsible, when a promise falls due and where it stands read in the
 * page's language, in the enforcement packet's words; what people wrote stays as they wrote it.
 */
export async function getCompliance(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  language: Language = DEFAULT_LANGUAGE,
): Promise<CaseCompliance> {
  const ctx = await loadMediation(deps.db, actor, caseId);
  requireComplianceReader(ctx);
  const [milestones, events, evidence, reminders] = await Promise.all([
    repo.listMilestones(deps.db, caseId),
    repo.listEvents(deps.db, caseId),
    evidenceIndex(deps.db, caseId),
    repo.listReminders(deps.db, caseId),
  ]);
  const day = today(deps);
  const packet = await checkPacket(deps.db, ctx, milestones, day);
  const words = documentWords(language);
  return {
    caseId,
    reference: ctx.c.reference,
    today: day,
    signedOn: milestones[0]?.signed_on ?? null,
    milestones: milestones.map((m) => present(ctx, m, events, evidence, day, words)),
    reminders: reminders.map((r) => ({
      id: r.id,
      milestoneId: r.milestone_id,
      what: milestones.find((m) => m.id === r.milestone_id)?.what ?? '',
      kind: r.kind,
      dueDate: r.due_date,
      sentAt: r.sent_at,
      to: r.recipients,
    })),
    can: { downloadEnforcementPacket: packet.ok },
  };
}

/**
 * A coordinator or the mediator corrects a milestone (a wrong reading of who is responsible, a
 * date): never silently — the log and the audit trail keep the fields changed and the reason.
 */
export async function correctMilestone(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  milestoneId: string,
  input: CorrectMilestoneBody,
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    requireComplianceReader(ctx);
    requireCorrector(ctx);
    const m = await repo.findMilestone(tx, caseId, milestoneId);
    if (!m) throw notFound('That promise');
    requireCorrectable(m);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const patch: Partial<repo.MilestoneRow> = {};
    if (input.what !== undefined && input.what !== m.what) {
      changes.what = { from: m.what, to: input.what };
      patch.what = input.what;
    }
    if (input.evidenceExpected !== undefined && input.evidenceExpected !== m.evidence_expected) {
      changes.evidenceExpected = { from: m.evidence_expected, to: input.evidenceExpected };
      patch.evidence_expected = input.evidenceExpected;
    }
    if (input.responsibleSide !== undefined && input.responsibleSide !== m.responsible_side) {
      changes.responsibleSide = { from: m.responsible_side, to: input.responsibleSide };
      patch.responsible_side = input.responsibleSide;
    }
    if (input.due !== undefined) {
      const dueDate = dueDateOf(input.due, m.signed_on);
      if (dueDate !== m.due_date || JSON.stringify(input.due) !== JSON.stringify(m.due)) {
        changes.dueDate = { from: m.due_date, to: dueDate };
        patch.due = input.due;
        patch.due_date = dueDate;
      }
    }
    if (!Object.keys(changes).length)
      throw new AppError('VALIDATION_FAILED', 'Nothing changed.', {
        fields: { what: 'change at least one thing' },
      });
    // A missed promise given a later date is owed again; the log keeps that it was missed.
    const to: MilestoneState =
      m.state === 'missed' && patch.due_date && patch.due_date >= today(deps) ? 'pending' : m.state;
    await logMilestone(tx, deps, {
      milestone: m,
      kind: 'corrected',
      to,
      actor: { id: ctx.actor.userId, name: ctx.actor.name, side: null },
      note: input.reason,
      changes,
    });
    await repo.updateMilestone(tx, m.id, { ...patch, state: to, updated_at: iso(deps.clock.now()) });
    return { id: m.id, state: to, changed: Object.keys(changes) };
  });
}
