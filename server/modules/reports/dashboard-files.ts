import { stringify } from 'csv-stringify/sync';
import type { Dashboard, DashboardQuery } from '../../../contracts/reports.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import type { Deps } from '../../infra/deps.ts';
import { type PdfBlock, renderPdf } from '../../infra/pdf.ts';
import type { Actor } from '../access/access.service.ts';
import { dashboard, fileStem } from './reports.service.ts';

// A program's dashboard as files: one list of lines of figures for the spreadsheet (CSV) and the
// printed report (PDF).

type Line = { section: string; figure: string; value: string };

function dashboardLines(d: Dashboard): Line[] {
  const lines: Line[] = [];
  const add = (section: string, figure: string, value: number | string | null) =>
    lines.push({ section, figure, value: value === null ? 'none yet' : String(value) });
  add('Requests', 'Requests received', d.requests.received);
  add('Requests', 'Declined', d.requests.declined);
  add('Requests', 'Withdrawn or opted out', d.requests.withdrawn);
  add('Mediations', 'Mediations held', d.mediationsHeld);
  add('Outcomes', 'Full agreement', d.outcomes.full);
  add('Outcomes', 'Partial agreement', d.outcomes.partial);
  if (d.outcomes.informal !== null) add('Outcomes', 'Informal agreement', d.outcomes.informal);
  add('Outcomes', 'No agreement', d.outcomes.none);
  add('Outcomes', 'Not suitable for mediation', d.outcomes.notSuitable);
  add('Outcomes', 'Resolution rate (percent)', d.resolution.rate);
  add('Days', 'Days to first session, median', d.days.toFirstSession.median);
  add('Days', 'Days to first session, 90th percentile', d.days.toFirstSession.p90);
  add('Days', 'Days to close, median', d.days.toClose.median);
  add('Days', 'Days to close, 90th percentile', d.days.toClose.p90);
  add('Sessions', 'Sessions per case', d.sessions.sessionsPerCase);
  add('Sessions', 'Hours per case', d.sessions.hoursPerCase);
  for (const [group, name] of [
    [d.satisfaction.withAgreement, 'with agreement'],
    [d.satisfaction.withoutAgreement, 'without agreement'],
  ] as const) {
    add('Satisfaction', `Survey responses ${name}`, group.responses);
    for (const q of group.questions)
      for (const [i, n] of q.counts.entries()) add('Satisfaction', `${q.label} ${name}: ${i + 1} of 5`, n);
    add('Satisfaction', `Would recommend ${name}: yes`, group.recommend.yes);
    add('Satisfaction', `Would recommend ${name}: no`, group.recommend.no);
  }
  add('Promises', 'Kept on time', d.promises.onTime);
  add('Promises', 'Kept late', d.promises.late);
  add('Promises', 'Missed', d.promises.missed);
  add('Promises', 'Waived', d.promises.waived);
  add('Promises', 'Still open', d.promises.open);
  add('Promises', 'Deadlines met (percent)', d.deadlines.rate);
  add('Cost avoided', 'Cases resolved', d.costAvoided.resolved);
  add('Cost avoided', 'Due-process cost per case (dollars)', d.costAvoided.costPerCase);
  add('Cost avoided', 'Estimated cost avoided (dollars)', d.costAvoided.total);
  for (const m of d.trends) {
    add('By month', `${m.month} requests received`, m.received);
    add('By month', `${m.month} mediations held`, m.held);
    add('By month', `${m.month} cases closed`, m.closed);
    add('By month', `${m.month} cases resolved`, m.resolved);
  }
  return lines;
}

const periodWords = (d: Pick<Dashboard, 'period'>) =>
  d.period.from || d.period.to
    ? `${d.period.from ? formatMissouriDate(d.period.from) : 'the first request'} to ${d.period.to ? formatMissouriDate(d.period.to) : 'today'}`
    : 'all time';

function filterWords(d: Dashboard): string {
  const f = d.filters;
  const mediator = f.mediatorId ? d.choices.mediators.find((m) => m.id === f.mediatorId)?.name : null;
  const parts = [
    f.county && `${f.county} County`,
    mediator && `mediator ${mediator}`,
    f.caseType && `kind of case ${f.caseType}`,
    f.category && `category ${f.category}`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'all cases';
}

export async function dashboardCsv(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  query: DashboardQuery,
) {
  const d = await dashboard(deps, actor, programId, query);
  const data = stringify(
    dashboardLines(d).map((l) => [l.section, l.figure, l.value]),
    { header: true, columns: ['Section', 'Figure', 'Value'] },
  );
  return { data, filename: fileStem(d.program.name, 'figures'), contentType: 'text/csv' };
}

export async function dashboardPdf(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  query: DashboardQuery,
) {
  const d = await dashboard(deps, actor, programId, query);
  const blocks: PdfBlock[] = [];
  let section = '';
  let items: string[] = [];
  const flush = () => {
    if (items.length) blocks.push({ kind: 'list', items });
    items = [];
  };
  for (const line of dashboardLines(d)) {
    if (line.section !== section) {
      flush();
      section = line.section;
      blocks.push({ kind: 'heading', text: section });
    }
    items.push(`${line.figure}: ${line.value}`);
  }
  flush();
  blocks.push({ kind: 'heading', text: 'What the figures mean' });
  for (const text of [
    d.resolution.definition,
    d.days.definition,
    d.deadlines.definition,
    d.costAvoided.definition,
  ])
    blocks.push({ kind: 'paragraph', text });
  blocks.push({ kind: 'paragraph', text: `Due-process cost: ${d.costAvoided.source}` });
  const pdf = await renderPdf({
    title: `${d.program.name}: figures`,
    subtitle: `${periodWords(d)} · ${filterWords(d)}`,
    blocks,
    footer: d.program.name,
    createdAt: deps.clock.now(),
  });
  return { data: pdf, filename: fileStem(d.program.name, 'figures') };
}
