import * as documents from '../../contracts/documents.ts';
import { useRead } from './query.ts';

/** Query keys of a case's document folder. */
export const documentKeys = {
  all: ['documents'] as const,
  case: (caseId: string) => [...documentKeys.all, 'case', caseId] as const,
};

/** The case's documents this person may see. */
export function useDocuments(caseId: string) {
  return useRead(documentKeys.case(caseId), documents.listDocuments, { params: { caseId } });
}
