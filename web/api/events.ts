import * as events from '../../contracts/events.ts';
import { useRead } from './query.ts';

/** Query keys of trainings and events: the calendar, one event, its roster, my registrations. */
export const eventKeys = {
  all: ['events'] as const,
  list: (past: boolean) => [...eventKeys.all, 'list', past] as const,
  detail: (eventId: string) => [...eventKeys.all, 'detail', eventId] as const,
  roster: (eventId: string) => [...eventKeys.all, 'roster', eventId] as const,
  mine: () => [...eventKeys.all, 'mine'] as const,
};

/** The calendar; with `past`, earlier events too (staff take attendance after the start). */
export function useEvents(past = false) {
  return useRead(eventKeys.list(past), events.listEvents, { query: past ? { past: 'true' } : {} });
}

/** One training, with the viewer's place and what they may do. */
export function useEvent(eventId: string) {
  return useRead(eventKeys.detail(eventId), events.getEvent, { params: { eventId } });
}

/** Who registered and who waits, for staff. */
export function useRoster(eventId: string) {
  return useRead(eventKeys.roster(eventId), events.getRoster, { params: { eventId } });
}

/** The signed-in person's registrations and certificates. */
export function useMyRegistrations(enabled = true) {
  return useRead(eventKeys.mine(), events.listMyRegistrations, undefined, { enabled });
}

/** Every event, drafts too, searched and filtered, a page at a time (staff). */
export function useEventList(query: events.EventListQuery) {
  return useRead([...eventKeys.all, 'staff-list', query], events.listEventsForStaff, { query });
}
