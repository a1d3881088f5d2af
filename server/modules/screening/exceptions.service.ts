import { missouriDate } from '../../../domain/missouri-time.ts';
import {
  CONFIDENTIALITY_EXCEPTION_LABELS,
  type ConfidentialityException,
} from '../../../domain/screening.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError, forbidden, invalid, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { type CaseAccess, loadCase, recordCaseAudit } from '../cases/case-access.ts';
import { isAcceptedMediator } from '../cases/cases.policy.ts';
import { caseTitlesOf } from '../cases/cases.service.ts';
import { notifyCoordinators, notifyMediator } from '../cases/notify.ts';
import { caseKey, seal, unseal } from '../keys/keys.service.ts';
import { SCREENING_EMAILS } from './screening.emails.ts';
import * as repo from './screening.repository.ts';

/**
 * Confidentiality exceptions (suspected child abuse or neglect, RSMo 210.115; a threat of serious
 * harm, the parties' Agreement to Mediate): the case's mediator records a report made outside the
 * mediation as its own audited record, apart from the confidential record; the program's
 * coordinators are told (a link, never what was reported) and review it. Only the mediator and the
 * program read them: no rule read lets the parties see the record, so no party route reads it.
 * What was reported and the review note are sealed under the case's key, and each read of them is
 * audited.
 */

/** The accepted mediator records; the program reviews; both read. */
const mayRecord = (ctx: Pick<CaseAccess, 'viewer' | 'c'>) => isAcceptedMediator(ctx.viewer, ctx.c);
const mayReview = (ctx: Pick<CaseAccess, 'viewer'>) => ctx.viewer.kind === 'coordinator';
/** For the case page's `can`: who reads the case's exceptions. */
export const mayReadExceptions = (ctx: Pick<CaseAccess, 'viewer' | 'c'>) =>
  isAcceptedMediator(ctx.viewer, ctx.c) || ctx.viewer.kind === 'coordinator';

/** The kinds the case's rules name, in their words, with where each comes from. */
const kindsOf = (ctx: CaseAccess) =>
  ctx.pack.confidentiality.value.exceptions.map((e) => ({
    id: e.id,
    text: e.text,
    dutyText: e.dutyText,
    cite: e.cite,
  }));

export async function listConfidentialityExceptions(deps: Deps, actor: Actor | null, caseId: string) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    if (!mayReadExceptions(ctx))
      throw forbidden('Only the mediator and the program see confidentiality exceptions.');
    const rows = await repo.listExceptions(tx, ctx.c.id);
    const kinds = kindsOf(ctx);
    const sealed = rows.some((r) => r.summary_enc || r.review_note_enc);
    const key = sealed ? await caseKey(tx, deps, ctx.c.id) : null;
    const open = (text: string | null) => (text && key ? unseal(key, text) : null);
    if (sealed)
      await recordCaseAudit(tx, ctx, {
        kind: 'screening.exceptions_read',
        at: deps.clock.now(),
        subjectType: 'case',
        subjectId: ctx.c.id,
        data: { exceptions: rows.length },
      });
    return {
      exceptions: rows.map((r) => {
        const kind = kinds.find((k) => k.id === r.kind);
        return {
          id: r.id,
          kind: r.kind,
          kindLabel: CONFIDENTIALITY_EXCEPTION_LABELS[r.kind],
          cite: kind?.cite ?? '',
          reportedOn: r.reported_on,
          reportedTo: r.reported_to,
          reference: r.report_reference,
          summary: open(r.summary_enc),
          recordedAt: r.recorded_at,
          recordedBy: r.recorded_by_name,
          review:
            r.reviewed_at && r.reviewed_by_name
              ? {
                  reviewedAt: r.reviewed_at,
                  reviewedBy: r.reviewed_by_name,
                  note: open(r.review_note_enc) ?? '',
                }
              : null,
          can: { review: !r.reviewed_at && mayReview(ctx) },
        };
      }),
      kinds,
      can: { record: mayRecord(ctx) },
    };
  });
}

export async function recordConfidentialityException(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: {
    kind: ConfidentialityException;
    reportedOn: string;
    reportedTo: string;
    reference?: string | undefined;
    summary: string;
  },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer } = ctx;
    if (!mayRecord(ctx)) throw forbidden('Only the case’s mediator records a confidentiality exception.');
    if (!kindsOf(ctx).some((k) => k.id === input.kind))
      throw invalid('kind', 'Choose one of the exceptions this case’s rules name');
    const now = deps.clock.now();
    if (input.reportedOn > missouriDate(now))
      throw invalid('reportedOn', 'Enter the day you reported it: it cannot be after today');
    const id = newId();
    await repo.insertException(tx, {
      id,
      case_id: c.id,
      program_id: c.program_id,
      kind: input.kind,
      reported_on: input.reportedOn,
      reported_to: input.reportedTo,
      report_reference: input.reference?.trim() || null,
      summary_enc: seal(await caseKey(tx, deps, c.id), input.summary),
      recorded_by: viewer.userId,
      recorded_at: iso(now),
      reviewed_at: null,
      reviewed_by: null,
      review_note_enc: null,
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.confidentiality_exception',
      at: now,
      subjectType: 'confidentiality_exception',
      subjectId: id,
      data: { kind: input.kind, reportedOn: input.reportedOn },
    });
    await notifyCoordinators(tx, deps, c, SCREENING_EMAILS.exceptionRecorded(c.reference));
    return { id, recordedAt: iso(now) };
  });
}

/** A coordinator marks an exception reviewed, once, with a note; the mediator who recorded it is told. */
export async function reviewConfidentialityException(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  exceptionId: string,
  input: { note: string },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    if (!mayReview(ctx)) throw forbidden('The program’s coordinators review confidentiality exceptions.');
    const row = await repo.findException(tx, ctx.c.id, exceptionId);
    if (!row) throw notFound('That confidentiality exception');
    if (row.reviewed_at) throw new AppError('CONFLICT', 'This exception has already been reviewed.');
    const now = deps.clock.now();
    await repo.markExceptionReviewed(tx, row.id, {
      reviewed_at: iso(now),
      reviewed_by: ctx.viewer.userId,
      review_note_enc: seal(await caseKey(tx, deps, ctx.c.id), input.note),
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.confidentiality_exception_reviewed',
      at: now,
      subjectType: 'confidentiality_exception',
      subjectId: row.id,
    });
    await notifyMediator(
      tx,
      deps,
      ctx.c,
      row.recorded_by,
      SCREENING_EMAILS.exceptionReviewed(ctx.c.reference),
    );
    return { reviewedAt: iso(now), reviewedBy: ctx.actor.name, note: input.note };
  });
}

/** The program's exceptions across its cases, for its coordinators: which case, what kind, when, whether reviewed. */
export async function listProgramExceptions(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  query: { status: 'waiting' | 'reviewed' },
) {
  authorize(actor, 'cases:manage', { programId });
  const rows = await repo.listProgramExceptions(deps.db, programId, query.status, 100);
  const titleOf = await caseTitlesOf(deps.db, rows);
  return {
    waiting: await repo.countWaitingExceptions(deps.db, programId),
    exceptions: rows.map((r) => {
      const { reference, title } = titleOf(r.case_id);
      return {
        id: r.id,
        caseId: r.case_id,
        caseReference: reference,
        caseTitle: title,
        kind: r.kind,
        kindLabel: CONFIDENTIALITY_EXCEPTION_LABELS[r.kind],
        reportedOn: r.reported_on,
        recordedAt: r.recorded_at,
        reviewedAt: r.reviewed_at,
      };
    }),
  };
}
