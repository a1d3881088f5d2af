import type { MarkDoneBody, MilestoneMoved, MilestoneParams } from '../../../contracts/compliance.ts';
import type { Side } from '../../../domain/attendance.ts';
import {
  IllegalMilestoneTransition,
  type MilestoneAction,
  type MilestoneState,
  nextMilestoneState,
  protectedSides,
} from '../../../domain/compliance.ts';
import { inTransaction, type Tx } from '../../db/database.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { type CaseAccess, loadMediation } from '../cases/case-access.ts';
import { auditDocumentRead } from '../cases/cases.service.ts';
import { joined, type NoticeWords, notifyPeople } from '../cases/notify.ts';
import { checkUpload, readFile, storeFile } from '../files/files.service.ts';
import { COMPLIANCE_EMAILS } from './compliance.emails.ts';
import { requireComplianceReader, requireMilestoneAction } from './compliance.policy.ts';
import * as repo from './compliance.repository.ts';
import { logMilestone, today } from './milestone-log.ts';

/**
 * Keeping a promise: the responsible side marks it done with evidence (a date, a note, files);
 * the other side confirms or disputes, and a dispute stays in the log; the side it protects may
 * waive it. Each step is one transaction with its log entry, audit event and e-mails.
 */
async function begin(tx: Tx, actor: Actor | null, caseId: string, milestoneId: string) {
  const ctx = await loadMediation(tx, actor, caseId);
  requireComplianceReader(ctx);
  const m = await repo.findMilestone(tx, caseId, milestoneId);
  if (!m) throw notFound('That promise');
  return { ctx, m };
}

type MediationContext = CaseAccess;

function move(ctx: MediationContext, m: repo.MilestoneRow, action: MilestoneAction): MilestoneState {
  requireMilestoneAction(ctx, action, m);
  try {
    return nextMilestoneState(m.state, action);
  } catch (error) {
    if (error instanceof IllegalMilestoneTransition) throw new AppError('INVALID_TRANSITION', error.message);
    throw error;
  }
}

const who = (ctx: MediationContext) => ({
  id: ctx.actor.userId,
  name: ctx.actor.name,
  side: ctx.viewer.side,
});

/** One step of a promise that needs no more than a note: the move, its log entry and the new state. */
async function step(
  tx: Tx,
  deps: Deps,
  actor: Actor | null,
  target: MilestoneParams,
  action: MilestoneAction,
  kind: 'confirmed' | 'disputed' | 'waived',
  note: string,
) {
  const { ctx, m } = await begin(tx, actor, target.caseId, target.milestoneId);
  const to = move(ctx, m, action);
  await logMilestone(tx, deps, { milestone: m, kind, to, actor: who(ctx), note });
  await repo.updateMilestone(tx, m.id, { state: to, updated_at: iso(deps.clock.now()) });
  return { ctx, m, to };
}

/** What a step answers: the promise and its new state. */
const moved = ({ m, to }: { m: repo.MilestoneRow; to: MilestoneState }): MilestoneMoved => ({
  id: m.id,
  state: to,
});

const otherSides = (side: Side | null): Side[] =>
  side === 'requester' ? ['respondent'] : side === 'respondent' ? ['requester'] : [];

/** Tells the people on some sides about a step on a promise. */
async function tell(tx: Tx, deps: Deps, ctx: MediationContext, sides: readonly Side[], notice: NoticeWords) {
  await notifyPeople(
    tx,
    deps,
    ctx.c,
    sides.flatMap((s) => joined(ctx.participants, s)),
    notice,
  );
}

export async function markDone(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  milestoneId: string,
  input: MarkDoneBody,
) {
  return inTransaction(deps.db, async (tx) => {
    const { ctx, m } = await begin(tx, actor, caseId, milestoneId);
    const to = move(ctx, m, 'mark_done');
    if (input.doneOn > today(deps)) throw invalid('doneOn', 'cannot be in the future');
    if (input.doneOn < m.signed_on) throw invalid('doneOn', 'cannot be before the agreement was signed');
    if (!input.note && input.files.length === 0)
      throw invalid('note', 'say what was done, or attach a file that shows it');
    const files = [];
    for (const [n, f] of input.files.entries())
      files.push(await checkUpload(`files.${n}.contentBase64`, f, 'evidence'));
    const side = m.responsible_side === 'both' ? ctx.viewer.side : m.responsible_side;
    const eventId = await logMilestone(tx, deps, {
      milestone: m,
      kind: 'marked_done',
      to,
      actor: who(ctx),
      onDate: input.doneOn,
      note: input.note,
    });
    const now = iso(deps.clock.now());
    for (const f of files) {
      const fileId = await storeFile(tx, deps, {
        purpose: 'compliance_evidence',
        ...f,
        ownerId: ctx.actor.userId,
        programId: ctx.c.program_id,
        caseId,
      });
      await repo.insertEvidence(tx, {
        id: newId(),
        milestone_id: m.id,
        event_id: eventId,
        case_id: caseId,
        file_id: fileId,
        created_at: now,
      });
    }
    await repo.updateMilestone(tx, m.id, {
      state: to,
      done_on: input.doneOn,
      done_by_side: side,
      updated_at: now,
    });
    await tell(
      tx,
      deps,
      ctx,
      otherSides(side),
      COMPLIANCE_EMAILS.markedDone({
        reference: ctx.c.reference,
        who: ctx.actor.name,
        what: m.what,
        doneOn: input.doneOn,
        files: files.length,
      }),
    );
    return { id: m.id, state: to, doneOn: input.doneOn, evidence: files.length };
  });
}

export const confirmDone = (deps: Deps, actor: Actor | null, target: MilestoneParams, note: string) =>
  inTransaction(deps.db, async (tx) =>
    moved(await step(tx, deps, actor, target, 'confirm', 'confirmed', note)),
  );

export const disputeDone = (deps: Deps, actor: Actor | null, target: MilestoneParams, reason: string) =>
  inTransaction(deps.db, async (tx) => {
    const done = await step(tx, deps, actor, target, 'dispute', 'disputed', reason);
    const { ctx, m } = done;
    await tell(
      tx,
      deps,
      ctx,
      m.done_by_side ? [m.done_by_side] : otherSides(ctx.viewer.side),
      COMPLIANCE_EMAILS.disputed({ reference: ctx.c.reference, who: ctx.actor.name, what: m.what }),
    );
    return moved(done);
  });

export const waiveMilestone = (deps: Deps, actor: Actor | null, target: MilestoneParams, note: string) =>
  inTransaction(deps.db, async (tx) => {
    const done = await step(tx, deps, actor, target, 'waive', 'waived', note);
    const { ctx, m } = done;
    const responsible = m.responsible_side;
    await tell(
      tx,
      deps,
      ctx,
      responsible === 'both' ? [] : [responsible, ...protectedSides(responsible)],
      COMPLIANCE_EMAILS.waived({ reference: ctx.c.reference, who: ctx.actor.name, what: m.what }),
    );
    return moved(done);
  });

/** An evidence file, for anyone who sees the case's promises; the read is audited. */
export async function evidenceFile(deps: Deps, actor: Actor | null, caseId: string, fileId: string) {
  const ctx = await loadMediation(deps.db, actor, caseId);
  requireComplianceReader(ctx);
  const evidence = await repo.findEvidence(deps.db, caseId, fileId);
  const file = evidence && (await readFile(deps.db, evidence.file_id));
  if (!file) throw notFound('That file');
  await auditDocumentRead(deps, ctx, 'compliance_evidence');
  return {
    data: file.data,
    contentType: file.contentType,
    filename: `evidence-${ctx.c.reference}-${fileId.slice(-6)}`,
  };
}
