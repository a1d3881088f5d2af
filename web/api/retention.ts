import * as retention from '../../contracts/retention.ts';
import { useRead } from './query.ts';

/** Query keys of retention: a case's legal holds, a program's schedule and its case report. */
export const retentionKeys = {
  all: ['retention'] as const,
  holds: (caseId: string) => [...retentionKeys.all, 'holds', caseId] as const,
  policy: (programId: string) => [...retentionKeys.all, 'policy', programId] as const,
  report: (programId: string, period: retention.CaseReportQuery) =>
    [...retentionKeys.all, 'report', programId, period] as const,
};

/** A case's legal holds, standing and lifted, and whether the viewer may place one. */
export function useLegalHolds(caseId: string) {
  return useRead(retentionKeys.holds(caseId), retention.listLegalHolds, { params: { caseId } });
}

/** How long the program keeps closed cases, where the figure comes from, and when confidential words go. */
export function useRetention(programId: string) {
  return useRead(retentionKeys.policy(programId), retention.getRetention, { params: { programId } });
}

/** The program's closed cases in a period, counted (purged ones included). */
export function useCaseReport(programId: string, period: retention.CaseReportQuery) {
  return useRead(retentionKeys.report(programId, period), retention.getCaseReport, {
    params: { programId },
    query: period,
  });
}
