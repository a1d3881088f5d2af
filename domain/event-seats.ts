/**
 * Seats at a training or event, and its waitlist. A pure model of what the registration service
 * does in SQL (a conditional UPDATE of a seats-taken counter inside one transaction), so the laws
 * can be checked with property tests:
 *  - never more people hold a seat than the event has seats;
 *  - nobody waits while a seat is free;
 *  - the waitlist is first come, first served;
 *  - each cancellation frees one seat, which goes to exactly one waiting person.
 */
export type SeatStatus = 'registered' | 'waitlisted' | 'cancelled' | 'attended';

/** Trainings and events: the kinds the association runs, and where one stands. */
export const EVENT_KINDS = ['core_training', 'ce_webinar', 'ce_recorded', 'conference', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Statuses that hold a seat: people who came still count against the room. */
export const HOLDS_SEAT: readonly SeatStatus[] = ['registered', 'attended'];

/** Whether one more person gets a seat. capacity null means no limit (a recorded webinar). */
export const seatAvailable = (capacity: number | null, seatsTaken: number): boolean =>
  capacity === null || seatsTaken < capacity;

export type Roster = {
  capacity: number | null;
  seatsTaken: number;
  /** In order of registration. */
  people: { id: string; status: SeatStatus }[];
};

export function register(roster: Roster, id: string): Roster {
  if (roster.people.some((p) => p.id === id && p.status !== 'cancelled')) return roster;
  const seat = seatAvailable(roster.capacity, roster.seatsTaken);
  return {
    ...roster,
    seatsTaken: roster.seatsTaken + (seat ? 1 : 0),
    people: [...roster.people.filter((p) => p.id !== id), { id, status: seat ? 'registered' : 'waitlisted' }],
  };
}

/** The next person to promote when a seat frees up: the earliest still waiting. */
export const nextWaiting = (roster: Roster): string | null =>
  roster.people.find((p) => p.status === 'waitlisted')?.id ?? null;

export function cancel(roster: Roster, id: string): Roster {
  const person = roster.people.find((p) => p.id === id);
  if (!person || person.status === 'cancelled' || person.status === 'attended') return roster;
  const people = roster.people.map((p) => (p.id === id ? { ...p, status: 'cancelled' as const } : p));
  if (person.status === 'waitlisted') return { ...roster, people };
  const promote = nextWaiting({ ...roster, people });
  if (promote && seatAvailable(roster.capacity, roster.seatsTaken - 1)) {
    return {
      ...roster,
      people: people.map((p) => (p.id === promote ? { ...p, status: 'registered' as const } : p)),
    };
  }
  return { ...roster, seatsTaken: roster.seatsTaken - 1, people };
}
