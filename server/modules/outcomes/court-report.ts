import type { CourtReport as ReportView } from '../../../contracts/outcomes.ts';
import { isClosed } from '../../../domain/case-lifecycle.ts';
import type { Language } from '../../../domain/languages.ts';
import { formatMissouriDate, missouriDate } from '../../../domain/missouri-time.ts';
import { type CourtReport, courtReportFields, settlementOf } from '../../../domain/outcomes.ts';
import { documentWords } from '../../../i18n/document-words.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { forbidden } from '../../http/errors.ts';
import type { Deps } from '../../infra/deps.ts';
import { renderPdf } from '../../infra/pdf.ts';
import type { Actor } from '../access/access.service.ts';
import { languageOfRecipient } from '../accounts/accounts.service.ts';
import { type CaseAccess, loadMediation, recordCaseAudit } from '../cases/case-access.ts';
import { attendanceOf } from '../sessions/sessions.service.ts';

/**
 * The report to the court or agency: at most whether mediation took place or ended, whether a
 * settlement was reached, and who attended (the Uniform Mediation Act §7 model), and only the
 * fields the program's circuit allows (its `courtReport` choice, else the pack's default: the 7th
 * Circuit allows only whether the case settled). Built from those fields alone — no notes, no
 * options, no terms — and picked to exactly the program's fields.
 */
/** The report is the mediators' and the program's to send. */
export function requireReportReader(ctx: CaseAccess) {
  if (!ctx.isMediator && ctx.viewer.kind !== 'coordinator')
    throw forbidden('The report goes from the mediator and the program to the court or agency.');
}

export async function courtReport(deps: Deps, actor: Actor | null, caseId: string): Promise<ReportView> {
  const ctx = await loadMediation(deps.db, actor, caseId);
  requireReportReader(ctx);
  const report = await reportFor(deps.db, ctx);
  await inTransaction(deps.db, (tx) =>
    recordCaseAudit(tx, ctx, {
      kind: 'case.court_report_read',
      at: deps.clock.now(),
      subjectType: 'case',
      subjectId: caseId,
      data: {},
    }),
  );
  return report;
}

/** The report as the court reads it on its own page, once the mediation has ended (for other areas: court). */
export const reportForCourt = async (db: Executor, ctx: CaseAccess): Promise<ReportView | null> =>
  isClosed(ctx.c.state) ? reportFor(db, ctx) : null;

/** The report's fields, picked to exactly what the program's circuit allows. */
async function reportFor(db: Executor, ctx: CaseAccess): Promise<ReportView> {
  const { anyHeld, came } = await attendanceOf(db, ctx.c.id);
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
  const scope = ctx.pack.chosen.courtReport;
  const fields = new Set<keyof CourtReport>(courtReportFields(ctx.pack));
  const allowed = <K extends keyof CourtReport>(k: K) => (fields.has(k) ? report[k] : undefined);
  return {
    scope: scope.value,
    scopeCite: scope.cite,
    caseReference: report.caseReference,
    program: report.program,
    courtCaseNumber: allowed('courtCaseNumber') ?? null,
    settlement: report.settlement,
    ...(fields.has('mediationTookPlace') ? { mediationTookPlace: report.mediationTookPlace } : {}),
    ...(fields.has('mediationEnded') ? { mediationEnded: report.mediationEnded } : {}),
    ...(fields.has('endedOn') ? { endedOn: report.endedOn } : {}),
    ...(fields.has('attendance') ? { attendance: allowed('attendance') } : {}),
  };
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** The report as a PDF, in the language asked for, else the reader's own (their account's). */
export async function courtReportPdf(deps: Deps, actor: Actor | null, caseId: string, asked?: Language) {
  const r = await courtReport(deps, actor, caseId);
  const language = asked ?? (await languageOfRecipient(deps.db, { userId: actor?.userId ?? null }));
  const { t } = documentWords(language);
  const pdf = await renderPdf({
    title: t('report.title'),
    subtitle: r.courtCaseNumber
      ? t('report.subtitleCourt', {
          program: r.program,
          reference: r.caseReference,
          number: r.courtCaseNumber,
        })
      : t('report.subtitle', { program: r.program, reference: r.caseReference }),
    footer: t('report.footer', { reference: r.caseReference }),
    createdAt: deps.clock.now(),
    language,
    blocks: [
      {
        kind: 'paragraph',
        text: t(r.scope === 'settlement_only' ? 'report.settlementOnly' : 'report.allowed', {
          cite: r.scopeCite,
        }),
      },
      {
        kind: 'list',
        items: [
          ...(r.mediationTookPlace !== undefined
            ? [t('report.tookPlace', { answer: yesNo(r.mediationTookPlace) })]
            : []),
          ...(r.mediationEnded !== undefined
            ? [
                r.endedOn
                  ? t('report.endedOn', {
                      answer: yesNo(r.mediationEnded),
                      date: formatMissouriDate(r.endedOn, {}, language),
                    })
                  : t('report.ended', { answer: yesNo(r.mediationEnded) }),
              ]
            : []),
          t('report.settlement', { settlement: r.settlement }),
        ],
      },
      ...(r.attendance
        ? [
            { kind: 'heading' as const, text: t('report.attendance.heading') },
            {
              kind: 'list' as const,
              items: r.attendance.map((a) =>
                t('report.attendance.item', {
                  name: a.name,
                  role: t(`report.role.${a.role}`),
                  side: t(`report.side.${a.side}`),
                  attended: yesNo(a.attended),
                }),
              ),
            },
          ]
        : []),
    ],
  });
  return { pdf, filename: `mediation-report-${r.caseReference}.pdf` };
}
