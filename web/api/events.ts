import { useQuery } from '@tanstack/react-query';
import * as events from '../../contracts/events.ts';
import { call } from './client.ts';

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
  return useQuery({
    queryKey: eventKeys.list(past),
    queryFn: () => call(events.listEvents, { query: past ? { past: 'true' } : {} }),
  });
}

/** One training, with the viewer's place and what they may do. */
export function useEvent(eventId: string) {
  return useQuery({
    queryKey: eventKeys.detail(eventId),
    queryFn: () => call(events.getEvent, { params: { eventId } }),
  });
}

/** Who registered and who waits, for staff. */
export function useRoster(eventId: string) {
  return useQuery({
    queryKey: eventKeys.roster(eventId),
    queryFn: () => call(events.getRoster, { params: { eventId } }),
  });
}

/** The signed-in person's registrations and certificates. */
export function useMyRegistrations(enabled = true) {
  return useQuery({ queryKey: eventKeys.mine(), queryFn: () => call(events.listMyRegistrations), enabled });
}
