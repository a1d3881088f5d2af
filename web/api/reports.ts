import * as reports from '../../contracts/reports.ts';
import type { FederalFigureKey } from '../../domain/reports.ts';
import { useRead } from './query.ts';

/** Query keys of reports: a program's dashboard for a query, its settings, its federal section by year. */
export const reportKeys = {
  all: ['reports'] as const,
  dashboard: (programId: string, query: reports.DashboardQuery) =>
    [...reportKeys.all, 'dashboard', programId, query] as const,
  settings: (programId: string) => [...reportKeys.all, 'settings', programId] as const,
  federal: (programId: string, year: number | undefined) =>
    [...reportKeys.all, 'federal', programId, year ?? 'this year'] as const,
  federalCases: (programId: string, year: number, figure: string) =>
    [...reportKeys.all, 'federal', programId, year, figure] as const,
};

/** The program's figures for a period and filters. */
export function useDashboard(programId: string, query: reports.DashboardQuery) {
  return useRead(reportKeys.dashboard(programId, query), reports.getDashboard, {
    params: { programId },
    query,
  });
}

/** The program's report settings: the due-process cost and its source, the public summary. */
export function useReportSettings(programId: string) {
  return useRead(reportKeys.settings(programId), reports.getReportSettings, { params: { programId } });
}

/** The federal mediation figures for a reporting year (without one, the year today falls in). */
export function useFederalSection(programId: string, year: number | undefined) {
  return useRead(reportKeys.federal(programId, year), reports.getFederalSection, {
    params: { programId },
    query: year === undefined ? {} : { year },
  });
}

/** The cases behind one federal figure, read when a figure is opened. */
export function useFederalCases(programId: string, year: number, figure: FederalFigureKey | null) {
  return useRead(
    reportKeys.federalCases(programId, year, figure ?? ''),
    reports.getFederalCases,
    { params: { programId }, query: { year, figure: figure ?? 'received' } },
    { enabled: figure !== null },
  );
}

/** A program's public summary (404 until its coordinator shows one). */
export function usePublicSummary(programId: string) {
  return useRead(
    [...reportKeys.all, 'public', programId],
    reports.getPublicSummary,
    { params: { programId } },
    { retry: false },
  );
}
