import * as conversations from '../../contracts/conversations.ts';
import { useRead } from './query.ts';

/** Query keys of a case's messages. */
export const conversationKeys = {
  all: ['conversations'] as const,
  case: (caseId: string) => [...conversationKeys.all, 'case', caseId] as const,
};

/** The case's conversations this person reads, with their messages. */
export function useConversations(caseId: string) {
  return useRead(conversationKeys.case(caseId), conversations.listConversations, { params: { caseId } });
}
