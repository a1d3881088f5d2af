import { isClosed } from '../../../domain/case-lifecycle.ts';
import { missouriDate } from '../../../domain/missouri-time.ts';
import { COURT_REPORT_FIELDS, type CourtReport, settlementOf } from '../../../domain/outcomes.ts';
import { inTransaction } from '../../db/database.ts';
import { forbidden } from '../../http/errors.ts';
import type { Deps } from '../../infra/deps.ts';
import { renderPdf } from '../../infra/pdf.ts';
import type { Actor } from '../access/access.service.ts';
import { type CaseAccess, loadMediation, recordCaseAudit } from '../cases/case-access.ts';
import { attendanceOf } from '../sessions/sessions.service.ts';

/**
 * The report to the court or agency: whether mediation took place or ended, whether a settlement
 * was reached, and who attended (Uniform Mediation Act §7; RSMo 435.014). It is built from those
 * fields alone — no notes, no options, no terms — and picked to exactly COURT_REPORT_FIELDS.
 */
/** The report is the mediators' and the program's to send. */
export function requireReportReader(ctx: CaseAccess) {
  if (!ctx.isMediator && ctx.viewer.kind !== 'coordinator')
    throw forbidden('The report goes from the mediator and the program to the court or agency.');
}

export async function courtReport(deps: Deps, actor: Actor | null, caseId: string): Promise<CourtReport> {
  const ctx = await loadMediation(deps.db, actor, caseId);
  requireReportReader(ctx);
  const { anyHeld, came } = await attendanceOf(deps.db, caseId);
  const details = ctx.c.details;
  const state = ctx.c.state;
  const report: CourtReport = {
    caseReference: ctx.c.reference,
    program: ctx.programName,
    courtCaseNumber: details.form === 'court_referral' ? details.caseNumber : null,
    mediationTookPlace: anyHeld,
    mediationEnded: isClosed(state),
    endedOn: ctx.c.closed_at ? missouriDate(new Date(ctx.c.closed_at)) : null,
    settlement: settlementOf(state),
    attendance: ctx.participants
      .filter((p) => p.status === 'active')
      .map((p) => ({ name: p.name, role: p.role, side: p.side, attended: came.has(p.id) })),
  };
  await inTransaction(deps.db, (tx) =>
    recordCaseAudit(tx, ctx, {
      kind: 'case.court_report_read',
      at: deps.clock.now(),
      subjectType: 'case',
      subjectId: caseId,
      data: {},
    }),
  );
  return Object.fromEntries(COURT_REPORT_FIELDS.map((k) => [k, report[k]])) as CourtReport;
}

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

export async function courtReportPdf(deps: Deps, actor: Actor | null, caseId: string) {
  const r = await courtReport(deps, actor, caseId);
  const pdf = await renderPdf({
    title: 'Report of mediation',
    subtitle: `${r.program} · Case ${r.caseReference}${r.courtCaseNumber ? ` · Court case ${r.courtCaseNumber}` : ''}`,
    footer: `Report of mediation ${r.caseReference}`,
    createdAt: deps.clock.now(),
    blocks: [
      {
        kind: 'paragraph',
        text: 'This report says only what the law allows a mediator to report: whether mediation took place or ended, whether a settlement was reached, and who attended. Everything said in mediation stays confidential (RSMo 435.014).',
      },
      {
        kind: 'list',
        items: [
          `Mediation took place: ${yesNo(r.mediationTookPlace)}`,
          `Mediation ended: ${yesNo(r.mediationEnded)}${r.endedOn ? ` (${r.endedOn})` : ''}`,
          `Settlement reached: ${r.settlement === 'full' ? 'Yes, on all issues' : r.settlement === 'partial' ? 'Yes, on some issues' : 'No'}`,
        ],
      },
      { kind: 'heading', text: 'Attendance' },
      {
        kind: 'list',
        items: r.attendance.map(
          (a) => `${a.name} (${a.role}, ${a.side}): ${a.attended ? 'attended' : 'did not attend'}`,
        ),
      },
    ],
  });
  return { pdf, filename: `mediation-report-${r.caseReference}.pdf` };
}
