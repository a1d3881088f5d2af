import type { Event, EventBody, EventPatch } from '../../../contracts/events.ts';
import { type Session, scheduledHours, sessionHours } from '../../../domain/event-schedule.ts';
import type { EventKind } from '../../../domain/event-seats.ts';
import { can } from '../../../domain/roles.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { buildCalendar, type CalendarEvent } from '../../infra/calendar.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, authorize } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { refuseCertificationClaimsIn } from '../directory/directory.service.ts';
import { mayCancel, registrationRefusal } from './events.policy.ts';
import * as repo from './events.repository.ts';

type EventRow = repo.EventRow;

/** The event as this viewer sees it: their own place, and what they may do. */
export async function presentEvent(
  deps: Pick<Deps, 'db' | 'clock'>,
  e: EventRow,
  sessionRows: readonly repo.SessionRow[],
  actor: Actor | null,
  myRegistration: NonNullable<Awaited<ReturnType<typeof repo.findRegistration>>> | undefined = undefined,
): Promise<Event> {
  const mine = myRegistration && myRegistration.status !== 'cancelled' ? myRegistration : undefined;
  const sessions = sessionRows.map((s) => ({ id: s.id, startsAt: s.starts_at, endsAt: s.ends_at }));
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    description: e.description,
    provider: e.provider,
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    sessions: sessions.map((s) => ({ ...s, hours: sessionHours(s) })),
    scheduledHours: scheduledHours(sessions),
    place: e.place,
    onlineUrl: e.online_url,
    recorded: e.recorded === 1,
    credits: e.credits,
    creditHours: Number(e.credit_hours),
    capacity: e.capacity,
    seatsTaken: e.seats_taken,
    seatsLeft: e.capacity === null ? null : Math.max(0, e.capacity - e.seats_taken),
    waiting: await repo.countWaiting(deps.db, e.id),
    memberPriceCents: e.member_price_cents,
    priceCents: e.price_cents,
    status: e.status,
    myRegistration: mine
      ? { id: mine.id, status: mine.status, priceCents: mine.price_cents, paid: mine.paid === 1 }
      : null,
    can: {
      register: actor !== null && registrationRefusal(e, deps.clock.now(), mine) === null,
      cancel: mine !== undefined && mayCancel(mine.status),
      manage: isStaff(actor),
    },
  };
}

const isStaff = (actor: Actor | null) => Boolean(actor && can(actor.grants, 'association:manage'));

const columns = (input: EventPatch) => ({
  ...(input.kind !== undefined ? { kind: input.kind } : {}),
  ...(input.title !== undefined ? { title: input.title } : {}),
  ...(input.description !== undefined ? { description: input.description } : {}),
  ...(input.provider !== undefined ? { provider: input.provider } : {}),
  ...(input.sessions !== undefined
    ? {
        starts_at: new Date(input.sessions[0]!.startsAt).toISOString(),
        ends_at: new Date(input.sessions[input.sessions.length - 1]!.endsAt).toISOString(),
      }
    : {}),
  ...(input.place !== undefined ? { place: input.place } : {}),
  ...(input.onlineUrl !== undefined ? { online_url: input.onlineUrl } : {}),
  ...(input.recorded !== undefined ? { recorded: input.recorded ? 1 : 0 } : {}),
  ...(input.credits !== undefined
    ? {
        credits: input.credits,
        credit_hours: input.credits.reduce((s, c) => s + c.hours, 0),
      }
    : {}),
  ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
  ...(input.memberPriceCents !== undefined ? { member_price_cents: input.memberPriceCents } : {}),
  ...(input.priceCents !== undefined ? { price_cents: input.priceCents } : {}),
  ...(input.status !== undefined ? { status: input.status } : {}),
});

export async function listEvents(
  deps: Deps,
  actor: Actor | null,
  filter: { kind?: EventKind | undefined; past?: boolean },
) {
  const rows = await repo.listEvents(deps.db, {
    ...(filter.past ? {} : { from: iso(deps.clock.now()) }),
    ...(filter.kind ? { kind: filter.kind } : {}),
    includeDrafts: isStaff(actor),
  });
  const sessions = await repo.sessionsOf(
    deps.db,
    rows.map((e) => e.id),
  );
  return Promise.all(
    rows.map(async (e) =>
      presentEvent(
        deps,
        e,
        sessions.get(e.id) ?? [],
        actor,
        actor ? await repo.findRegistrationFor(deps.db, e.id, actor.userId) : undefined,
      ),
    ),
  );
}

export async function getEvent(deps: Deps, actor: Actor | null, eventId: string): Promise<Event> {
  const e = await repo.findEvent(deps.db, eventId);
  if (!e || (e.status === 'draft' && !isStaff(actor))) throw notFound('That event');
  const mine = actor ? await repo.findRegistrationFor(deps.db, eventId, actor.userId) : undefined;
  return presentEvent(deps, e, await repo.listSessions(deps.db, eventId), actor, mine);
}

/** The sessions as stored: UTC instants, each with its own id. */
const sessionRowsOf = (sessions: readonly Session[]) =>
  sessions.map((s) => ({
    id: newId(),
    starts_at: new Date(s.startsAt).toISOString(),
    ends_at: new Date(s.endsAt).toISOString(),
  }));

/** The hours credited cannot be more than the sessions hold. */
function refuseCreditsBeyond(credits: readonly { hours: number }[], sessions: readonly Session[]) {
  const held = scheduledHours(sessions);
  const credited = credits.reduce((sum, c) => sum + c.hours, 0);
  if (credited > held) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The hours credited are more than the ${held} hours the days hold.`,
      {
        fields: { 'credits.0.hours': `must be at most the ${held} hours the days hold` },
      },
    );
  }
}

/** The public calendar's words: no claim that a training makes anyone a certified mediator. */
const refuseClaims = (input: EventPatch) =>
  refuseCertificationClaimsIn('an event', {
    title: input.title,
    description: input.description,
    provider: input.provider,
  });

export async function createEvent(deps: Deps, actor: Actor | null, input: EventBody): Promise<Event> {
  authorize(actor, 'association:manage');
  refuseClaims(input);
  refuseCreditsBeyond(input.credits, input.sessions);
  const now = deps.clock.now();
  const id = newId();
  await inTransaction(deps.db, async (tx) => {
    await repo.insertEvent(tx, {
      id,
      ...(columns(input) as Required<ReturnType<typeof columns>>),
      created_by: actor.userId,
      created_at: iso(now),
      updated_at: iso(now),
    });
    await repo.replaceSessions(tx, id, sessionRowsOf(input.sessions));
    await recordAudit(tx, {
      kind: 'association_event.created',
      at: now,
      actorId: actor.userId,
      subjectType: 'association_event',
      subjectId: id,
      data: { kind: input.kind, capacity: input.capacity },
    });
  });
  return getEvent(deps, actor, id);
}

export async function updateEvent(
  deps: Deps,
  actor: Actor | null,
  eventId: string,
  input: EventPatch,
): Promise<Event> {
  authorize(actor, 'association:manage');
  refuseClaims(input);
  const e = await repo.findEvent(deps.db, eventId);
  if (!e) throw notFound('That event');
  const sessions =
    input.sessions ??
    (await repo.listSessions(deps.db, eventId)).map((s) => ({ startsAt: s.starts_at, endsAt: s.ends_at }));
  refuseCreditsBeyond(input.credits ?? e.credits, sessions);
  if (input.sessions && (await repo.countAttendanceFor(deps.db, eventId)) > 0) {
    throw new AppError('CONFLICT', 'Attendance is already recorded, so the days can no longer change.', {
      fields: { sessions: 'cannot change once attendance is recorded' },
    });
  }
  const place = input.place !== undefined ? input.place : e.place;
  const onlineUrl = input.onlineUrl !== undefined ? input.onlineUrl : e.online_url;
  if (!place && !onlineUrl) {
    throw new AppError('VALIDATION_FAILED', 'Give a place or an online link.', {
      fields: { place: 'give a place or an online link' },
    });
  }
  if (input.capacity != null && input.capacity < e.seats_taken) {
    throw new AppError('VALIDATION_FAILED', `${e.seats_taken} people already hold seats.`, {
      fields: { capacity: `cannot be less than the ${e.seats_taken} seats already taken` },
    });
  }
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await repo.lockEvent(tx, eventId);
    await repo.updateEvent(tx, eventId, { ...columns(input), updated_at: iso(now) });
    if (input.sessions) await repo.replaceSessions(tx, eventId, sessionRowsOf(input.sessions));
    await recordAudit(tx, {
      kind: 'association_event.updated',
      at: now,
      actorId: actor.userId,
      subjectType: 'association_event',
      subjectId: eventId,
      data: { fields: Object.keys(input) },
    });
  });
  return getEvent(deps, actor, eventId);
}

/**
 * The event as calendar entries, one per session (a two-day training is two entries). The first
 * keeps the uid the event always had, so a calendar that holds it updates in place.
 */
export function calendarEventsOf(
  e: {
    id: string;
    title: string;
    description: string;
    place: string | null;
    online_url: string | null;
    provider: string;
  },
  sessions: readonly Pick<repo.SessionRow, 'seq' | 'starts_at' | 'ends_at'>[],
  publicUrl: string,
): CalendarEvent[] {
  return sessions.map((s) => ({
    uid: s.seq === 1 ? `association-event-${e.id}` : `association-event-${e.id}-day-${s.seq}`,
    start: new Date(s.starts_at),
    durationMinutes: Math.max(1, Math.round((Date.parse(s.ends_at) - Date.parse(s.starts_at)) / 60_000)),
    title: sessions.length > 1 ? `${e.title} (day ${s.seq} of ${sessions.length})` : e.title,
    description: `${e.provider}. ${e.description}`.trim(),
    ...(e.place ? { location: e.place } : e.online_url ? { location: e.online_url } : {}),
    url: `${publicUrl}/trainings/${e.id}`,
  }));
}

/** The event as a calendar file (public for published events). */
export async function eventCalendar(deps: Deps, actor: Actor | null, eventId: string) {
  await getEvent(deps, actor, eventId);
  const e = (await repo.findEvent(deps.db, eventId))!;
  return buildCalendar(
    calendarEventsOf(e, await repo.listSessions(deps.db, eventId), deps.config.publicUrl),
    {
      name: e.title,
    },
  );
}

/** A person's registrations for association events (their data export). */
export const registrationsOf = (db: Executor, userId: string) => repo.listRegistrationsOf(db, userId);

/** A person's trainings and events, newest first, with the hours an attended one credits (staff's member record). */
export const eventHistoryOf = async (db: Executor, userId: string) =>
  (await repo.listHistoryOf(db, userId)).map((r) => ({
    eventId: r.event_id,
    title: r.title,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: r.status,
    creditHours: r.status === 'attended' ? Number(r.credit_hours) : 0,
    certificateCode: r.certificate_code,
  }));
