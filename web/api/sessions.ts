import { useQuery } from '@tanstack/react-query';
import * as sessions from '../../contracts/sessions.ts';
import { call } from './client.ts';

/** Query keys of sessions: a case's sessions, and the person's private calendar link. */
export const sessionKeys = {
  all: ['sessions'] as const,
  case: (caseId: string) => [...sessionKeys.all, 'case', caseId] as const,
  feed: () => [...sessionKeys.all, 'calendar-feed'] as const,
};

/** A case's sessions as this person may see them, the hours held and the deadlines. */
export function useSessions(caseId: string) {
  return useQuery({
    queryKey: sessionKeys.case(caseId),
    queryFn: () => call(sessions.listSessions, { params: { caseId } }),
  });
}

/** Whether this person has a private calendar link. */
export function useCalendarFeed() {
  return useQuery({ queryKey: sessionKeys.feed(), queryFn: () => call(sessions.getCalendarFeed) });
}
