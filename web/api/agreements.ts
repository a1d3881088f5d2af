import * as agreements from '../../contracts/agreements.ts';
import { useRead } from './query.ts';

/** Query keys of the written agreement: a case's agreement, what it is drafted from, a difference. */
export const agreementKeys = {
  all: ['agreement'] as const,
  case: (caseId: string) => [...agreementKeys.all, 'case', caseId] as const,
  drafting: (caseId: string) => [...agreementKeys.all, 'drafting', caseId] as const,
  diff: (caseId: string, from: number, to: number) =>
    [...agreementKeys.all, 'diff', caseId, from, to] as const,
};

/**
 * The written agreement as this person may read it, and what they may do with it. Not retried:
 * before the mediator writes it, the answer is "not found" at once.
 */
export function useAgreement(caseId: string) {
  return useRead(
    agreementKeys.case(caseId),
    agreements.getAgreement,
    { params: { caseId } },
    { retry: false },
  );
}

/** Whether the agreement is written yet, whether this person may write it, and the issues it may settle. */
export function useAgreementDrafting(caseId: string) {
  return useRead(agreementKeys.drafting(caseId), agreements.getAgreementDrafting, { params: { caseId } });
}

/** What changed between two versions. */
export function useAgreementDiff(caseId: string, from: number, to: number) {
  return useRead(agreementKeys.diff(caseId, from, to), agreements.getAgreementDiff, {
    params: { caseId },
    query: { from, to },
  });
}
