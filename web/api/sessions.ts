import * as sessionCalendar from '../../contracts/session-calendar.ts';
import * as sessionPolls from '../../contracts/session-polls.ts';
import * as sessions from '../../contracts/sessions.ts';
import { useRead } from './query.ts';

/** Query keys of sessions: a case's sessions, and the person's private calendar link. */
export const sessionKeys = {
  all: ['sessions'] as const,
  case: (caseId: string) => [...sessionKeys.all, 'case', caseId] as const,
  feed: () => [...sessionKeys.all, 'calendar-feed'] as const,
};

/** A case's sessions as this person may see them, the hours held and the deadlines. */
export function useSessions(caseId: string) {
  return useRead(sessionKeys.case(caseId), sessions.listSessions, { params: { caseId } });
}

/** Whether this person has a private calendar link. */
export function useCalendarFeed() {
  return useRead(sessionKeys.feed(), sessionCalendar.getCalendarFeed);
}

/** The person's sessions across cases between two Missouri days (the calendar page). */
export function useMyCalendar(range: { from: string; to: string }) {
  return useRead([...sessionKeys.all, 'calendar', range.from, range.to], sessionCalendar.getMyCalendar, {
    query: range,
  });
}

/** The times proposed on a case and the answers this person may see. */
export const pollKeys = {
  case: (caseId: string) => [...sessionKeys.all, 'polls', caseId] as const,
  link: (token: string) => [...sessionKeys.all, 'poll-link', token] as const,
};
export function usePolls(caseId: string) {
  return useRead(pollKeys.case(caseId), sessionPolls.listPolls, { params: { caseId } });
}

/** A poll from its e-mailed link (no account needed). */
export function usePollByLink(token: string) {
  return useRead(
    pollKeys.link(token),
    sessionPolls.getPollByLink,
    { params: { token } },
    { retry: false, enabled: token !== '' },
  );
}
