import { createEvents, type EventAttributes } from 'ics';

/**
 * Calendar files (RFC 5545) for sessions, trainings and private feeds. Times are written in UTC
 * ("…Z"), which every calendar shows in the reader's own zone — so a Missouri session across
 * the daylight-saving change still lands at the right local hour.
 */
export type CalendarEvent = {
  /** Stable across updates, so a rescheduled session replaces the old one in the calendar. */
  uid: string;
  start: Date;
  durationMinutes: number;
  title: string;
  description?: string;
  location?: string;
  url?: string;
  /** Bumped on every change; with method CANCEL, removes the event. */
  sequence?: number;
  status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  organizer?: { name: string; email: string };
};

function toIcs(event: CalendarEvent): EventAttributes {
  return {
    uid: `${event.uid}@parley`,
    start: event.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: event.durationMinutes },
    title: event.title,
    ...(event.description ? { description: event.description } : {}),
    ...(event.location ? { location: event.location } : {}),
    ...(event.url ? { url: event.url } : {}),
    sequence: event.sequence ?? 0,
    status: event.status ?? 'CONFIRMED',
    ...(event.organizer ? { organizer: event.organizer } : {}),
    productId: 'parley/mediation',
  };
}

/** One invitation or cancellation (method REQUEST or CANCEL), or a feed of many (PUBLISH). */
export function buildCalendar(
  events: CalendarEvent[],
  options: { method?: 'REQUEST' | 'CANCEL' | 'PUBLISH'; name?: string } = {},
): string {
  const { error, value } = createEvents(events.map(toIcs), {
    productId: 'parley/mediation',
    method: options.method ?? 'PUBLISH',
    ...(options.name ? { calName: options.name } : {}),
  });
  if (error || value === null) throw error ?? new Error('calendar could not be built');
  return value;
}

/** As an e-mail attachment for queueEmail. */
export const calendarAttachment = (ics: string, filename = 'invite.ics') => ({
  filename,
  contentType: 'text/calendar; charset=utf-8; method=REQUEST',
  content: ics,
});
