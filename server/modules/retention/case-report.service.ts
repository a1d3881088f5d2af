import type { CaseReport, CaseReportQuery } from '../../../contracts/retention.ts';
import { isCaseState, STATE_LABELS } from '../../../domain/case-lifecycle.ts';
import { monthOf } from '../../../domain/retention.ts';
import { toCsv } from '../../infra/csv.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { closedCases } from '../cases/cases.service.ts';
import * as repo from './retention.repository.ts';

import { policyOf } from './retention.service.ts';

// The program's report of closed cases: live ones and purged ones count alike.

type ReportRow = { month: string; state: string; purged: boolean };

/** Closed cases of the program in the period (by closing month), live and purged alike. */
async function reportRows(deps: Deps, actor: Actor | null, programId: string, period: CaseReportQuery) {
  authorize(actor, 'programs:configure', { programId });
  await policyOf(deps.db, programId);
  const live: ReportRow[] = (await closedCases(deps.db))
    .filter((c) => c.program_id === programId)
    .map((c) => ({ month: monthOf(c.closed_at!), state: c.state as string, purged: false }));
  const purged: ReportRow[] = (await repo.listStatistics(deps.db, programId)).map((s) => ({
    month: s.closed_month,
    state: s.closed_state as string,
    purged: true,
  }));
  const within = (r: ReportRow) =>
    (!period.from || r.month >= period.from) && (!period.to || r.month <= period.to);
  return [...live, ...purged].filter(within);
}

function countBy<T>(rows: readonly T[], key: (row: T) => string) {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export async function caseReport(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  period: CaseReportQuery = {},
): Promise<CaseReport> {
  const all = await reportRows(deps, actor, programId, period);
  return {
    from: period.from ?? null,
    to: period.to ?? null,
    closed: all.length,
    purged: all.filter((r) => r.purged).length,
    byMonth: countBy(all, (r) => r.month).map(([month, cases]) => ({ month, cases })),
    byState: countBy(all, (r) => r.state).map(([state, cases]) => ({ state, cases })),
  };
}

/** The case report as CSV: one row per closing month, way of ending and whether the record was purged. */
export async function caseReportCsv(
  deps: Deps,
  actor: Actor | null,
  programId: string,
  period: CaseReportQuery,
) {
  const all = await reportRows(deps, actor, programId, period);
  const rows = countBy(all, (r) => `${r.month}|${r.state}|${r.purged ? 1 : 0}`).map(([key, cases]) => {
    const [month, state, purged] = key.split('|') as [string, string, string];
    const label = isCaseState(state) ? STATE_LABELS[state] : state;
    return [month, label, purged === '1' ? 'purged (statistics kept)' : 'kept', cases];
  });
  const span = `${period.from ?? 'start'}-to-${period.to ?? 'now'}`;
  return {
    data: toCsv(['Closed in (month)', 'How it ended', 'Record', 'Cases'], rows),
    filename: `case-report-${span}.csv`,
    contentType: 'text/csv',
  };
}
