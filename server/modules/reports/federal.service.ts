import { stringify } from 'csv-stringify/sync';
import type { FederalCases, FederalSection } from '../../../contracts/reports.ts';
import { formatMissouriDate, fromMissouriTime, missouriDate } from '../../../domain/missouri-time.ts';
import {
  FEDERAL_FIGURES,
  type FederalFigureKey,
  nextDay,
  reportingYear,
  reportingYearOf,
  WRITTEN_AGREEMENTS,
} from '../../../domain/reports.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { renderPdf } from '../../infra/pdf.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import * as repo from './federal.repository.ts';
import { fileStem, programOf } from './reports.service.ts';

/**
 * The federal IDEA Part B mediation section of a program's reporting year (July 1 to June 30), each
 * figure opened to its cases, as CSV and PDF.
 */

// The federal section

export async function federalSection(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  year: number | undefined,
): Promise<FederalSection> {
  authorize(actor, 'programs:configure', { programId });
  const program = await programOf(deps.db, programId);
  const y = reportingYear(year ?? thisReportingYear(deps));
  const counts = await repo.federalCounts(deps.db, programId, federalPeriod(y), WRITTEN_AGREEMENTS);
  return {
    program: { id: program.id, name: program.name },
    ...y,
    figures: FEDERAL_FIGURES.map((f) => ({ ...f, value: counts[f.key] })),
  };
}

/** The reporting year today falls in (Missouri's today). */
const thisReportingYear = (deps: Deps) => reportingYearOf(missouriDate(deps.clock.now()));

const federalPeriod = (y: { from: string; to: string }) => ({
  from: iso(fromMissouriTime(y.from, '00:00')),
  to: iso(fromMissouriTime(nextDay(y.to), '00:00')),
});

export async function federalCases(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  year: number | undefined,
  figure: FederalFigureKey,
): Promise<FederalCases> {
  authorize(actor, 'programs:configure', { programId });
  await programOf(deps.db, programId);
  const cases = await repo.federalCases(
    deps.db,
    programId,
    federalPeriod(reportingYear(year ?? thisReportingYear(deps))),
    WRITTEN_AGREEMENTS,
    figure,
  );
  return { figure, label: FEDERAL_FIGURES.find((f) => f.key === figure)!.label, cases };
}

const federalTitle = (s: FederalSection) =>
  `IDEA Part B dispute resolution: mediation, ${s.label} (${formatMissouriDate(s.from)} to ${formatMissouriDate(s.to)})`;

export async function federalCsv(deps: Deps, actor: Actor | null, programId: string, year?: number) {
  const s = await federalSection(deps, actor, programId, year);
  const data = stringify(
    s.figures.map((f) => [f.number, f.label, String(f.value)]),
    { header: true, columns: ['Number', 'Figure', 'Value'] },
  );
  return {
    data,
    filename: fileStem(s.program.name, `federal mediation ${s.label}`),
    contentType: 'text/csv',
  };
}

export async function federalPdf(deps: Deps, actor: Actor | null, programId: string, year?: number) {
  const s = await federalSection(deps, actor, programId, year);
  const pdf = await renderPdf({
    title: `${s.program.name}: federal mediation figures`,
    subtitle: federalTitle(s),
    blocks: [
      { kind: 'list', items: s.figures.map((f) => `${f.number} ${f.label}: ${f.value}`) },
      { kind: 'heading', text: 'What each figure counts' },
      { kind: 'list', items: s.figures.map((f) => `${f.number}: ${f.counts}`) },
    ],
    footer: `${s.program.name} · ${s.label}`,
    createdAt: deps.clock.now(),
  });
  return { data: pdf, filename: fileStem(s.program.name, `federal mediation ${s.label}`) };
}
