import type { MyRegistration, RosterEntry } from '../../../contracts/events.ts';
import type { SeatStatus } from '../../../domain/event-seats.ts';
import { can } from '../../../domain/roles.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { buildCalendar, calendarAttachment } from '../../infra/calendar.ts';
import { iso } from '../../infra/clock.ts';
import { toCsv } from '../../infra/csv.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type Actor, authorize, requireActor } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { hasMemberBenefits } from '../membership/membership.service.ts';
import { EVENT_EMAILS } from './events.emails.ts';
import { attendanceRefusal, registrationRefusal } from './events.policy.ts';
import * as repo from './events.repository.ts';
import { calendarEventsOf } from './events.service.ts';

type EventRow = NonNullable<Awaited<ReturnType<typeof repo.findEvent>>>;

/** Every session of the event as one calendar invitation. */
const inviteFor = async (tx: Executor, deps: Deps, e: EventRow) =>
  calendarAttachment(
    buildCalendar(calendarEventsOf(e, await repo.listSessions(tx, e.id), deps.config.publicUrl), {
      method: 'REQUEST',
    }),
    'training.ics',
  );

/** What a registration costs, whether at the member price, and whether it is paid. */
const pricePaid = (r: { price_cents: number; member_price: number; paid: number }) => ({
  priceCents: r.price_cents,
  memberPrice: r.member_price === 1,
  paid: r.paid === 1,
});

async function presentRegistration(deps: Pick<Deps, 'db'>, id: string) {
  const r = (await repo.findRegistration(deps.db, id))!;
  let position: number | null = null;
  if (r.status === 'waitlisted') {
    const roster = await repo.listRoster(deps.db, r.event_id);
    position = roster.filter((x) => x.status === 'waitlisted').findIndex((x) => x.id === id) + 1;
  }
  return {
    id: r.id,
    eventId: r.event_id,
    status: r.status,
    ...pricePaid(r),
    waitlistPosition: position,
  };
}

/**
 * Registers the signed-in person. In one transaction: lock the event's row, then a conditional
 * UPDATE of its seats-taken counter gives a seat only if one is free; otherwise the person joins
 * the waitlist. Two people racing for the last seat: one gets it, the other waits.
 */
export async function register(deps: Deps, actor: Actor | null, eventId: string) {
  requireActor(actor);
  const event = await repo.findEvent(deps.db, eventId);
  if (!event || event.status === 'draft') throw notFound('That event');
  const now = deps.clock.now();
  const closed = registrationRefusal(event, now, undefined);
  if (closed) throw closed;
  const member = await hasMemberBenefits(deps, actor.userId);
  const price = member ? event.member_price_cents : event.price_cents;

  const id = await inTransaction(deps.db, async (tx) => {
    await repo.lockEvent(tx, eventId);
    const existing = await repo.findRegistrationFor(tx, eventId, actor.userId);
    const refusal = registrationRefusal(event, now, existing);
    if (refusal) throw refusal;
    const seat = await repo.takeSeat(tx, eventId);
    const status: SeatStatus = seat ? 'registered' : 'waitlisted';
    const row = {
      status,
      queue_seq: await repo.nextQueueSeq(tx, eventId),
      member_price: member ? 1 : 0,
      price_cents: price,
      paid: price === 0 ? 1 : 0,
      registered_at: iso(now),
      promoted_at: null,
      cancelled_at: null,
      attended_at: null,
      updated_at: iso(now),
    };
    const regId = existing?.id ?? newId();
    if (existing) await repo.moveRegistration(tx, regId, ['cancelled'], row);
    else
      await repo.insertRegistration(tx, {
        id: regId,
        event_id: eventId,
        user_id: actor.userId,
        certificate_file_id: null,
        ...row,
      });
    await queueEmail(tx, deps, {
      to: actor.email,
      toUserId: actor.userId,
      ...(seat
        ? EVENT_EMAILS.registered(actor.name, event, price > 0 ? { cents: price, member } : null)
        : EVENT_EMAILS.waitlisted(actor.name, event)),
      ...(seat ? { attachments: [await inviteFor(tx, deps, event)] } : {}),
    });
    await recordAudit(tx, {
      kind: seat ? 'event_registration.registered' : 'event_registration.waitlisted',
      at: now,
      actorId: actor.userId,
      subjectType: 'event_registration',
      subjectId: regId,
      data: { eventId, memberPrice: member, priceCents: price },
    });
    return regId;
  });
  return presentRegistration(deps, id);
}

/**
 * Promotes the earliest person waiting into a freed seat, in the caller's transaction (which
 * holds the event's lock). The conditional UPDATE from "waitlisted" makes the promotion happen
 * once. Returns false when nobody was waiting.
 */
async function promoteNext(tx: Tx, deps: Deps, event: EventRow): Promise<boolean> {
  const next = await repo.firstWaiting(tx, event.id);
  if (!next) return false;
  const now = iso(deps.clock.now());
  const moved = await repo.moveRegistration(tx, next.id, ['waitlisted'], {
    status: 'registered',
    promoted_at: now,
    updated_at: now,
  });
  if (!moved) return false;
  await queueEmail(tx, deps, {
    to: next.email,
    toUserId: next.user_id,
    ...EVENT_EMAILS.promoted(next.name, event),
    attachments: [await inviteFor(tx, deps, event)],
  });
  await recordAudit(tx, {
    kind: 'event_registration.promoted',
    at: deps.clock.now(),
    subjectType: 'event_registration',
    subjectId: next.id,
    data: { eventId: event.id },
  });
  return true;
}

/** Cancels a registration (the person's own, or any for staff); a freed seat goes to the next in line. */
export async function cancel(deps: Deps, actor: Actor | null, registrationId: string) {
  requireActor(actor);
  const r = await repo.findRegistration(deps.db, registrationId);
  const staff = can(actor.grants, 'association:manage');
  if (!r || (r.user_id !== actor.userId && !staff)) throw notFound('That registration');
  const event = (await repo.findEvent(deps.db, r.event_id))!;
  const now = deps.clock.now();
  const result = await inTransaction(deps.db, async (tx) => {
    await repo.lockEvent(tx, event.id);
    const current = (await repo.findRegistration(tx, registrationId))!;
    if (current.status === 'cancelled') return { promoted: false };
    if (current.status === 'attended')
      throw new AppError('CONFLICT', 'Attendance is already recorded for this registration.');
    const moved = await repo.moveRegistration(tx, registrationId, [current.status], {
      status: 'cancelled',
      cancelled_at: iso(now),
      updated_at: iso(now),
    });
    if (!moved) return { promoted: false };
    let promoted = false;
    if (current.status === 'registered') {
      // The seat passes straight to the next person; only if nobody waits does the count drop.
      promoted = await promoteNext(tx, deps, event);
      if (!promoted) await repo.releaseSeat(tx, event.id);
    }
    await recordAudit(tx, {
      kind: 'event_registration.cancelled',
      at: now,
      actorId: actor.userId,
      subjectType: 'event_registration',
      subjectId: registrationId,
      data: { eventId: event.id, from: current.status, promotedNext: promoted },
    });
    return { promoted };
  });
  return { ...(await presentRegistration(deps, registrationId)), promotedNext: result.promoted };
}

export async function myRegistrations(deps: Deps, actor: Actor | null): Promise<MyRegistration[]> {
  requireActor(actor);
  return (await repo.listForUser(deps.db, actor.userId)).map((r) => ({
    id: r.id,
    eventId: r.event_id,
    title: r.title,
    kind: r.kind,
    startsAt: r.starts_at,
    status: r.status,
    priceCents: r.price_cents,
    paid: r.paid === 1,
    hasCertificate: r.certificate_file_id !== null,
  }));
}

export async function roster(deps: Deps, actor: Actor | null, eventId: string): Promise<RosterEntry[]> {
  authorize(actor, 'association:manage');
  const event = await repo.findEvent(deps.db, eventId);
  if (!event) throw notFound('That event');
  const now = deps.clock.now();
  const sessions = await repo.listSessions(deps.db, eventId);
  const attendance = await repo.attendanceOf(deps.db, eventId);
  return (await repo.listRoster(deps.db, eventId)).map((r) => ({
    id: r.id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    status: r.status,
    ...pricePaid(r),
    registeredAt: r.registered_at,
    attendedAt: r.attended_at,
    sessions: sessions.map((session) => {
      const attended = attendance.get(r.id)?.has(session.id) ?? false;
      return {
        sessionId: session.id,
        attended,
        can: { markAttended: !attended && attendanceRefusal(session, r.status, now) === null },
      };
    }),
  }));
}

// For payments: the registration an event fee pays for, and marking it paid.

/** A registration with its event's title, or undefined. */
export const findRegistration = (db: Executor, registrationId: string) =>
  repo.findRegistrationWithEvent(db, registrationId);

export const markPaid = (db: Executor, registrationId: string, at: string) =>
  repo.markRegistrationPaid(db, registrationId, at);

/** A registration's status in the words staff read on a roster or a member's record. */
export const SEAT_WORDS = {
  registered: 'Registered',
  waitlisted: 'On the waitlist',
  cancelled: 'Canceled',
  attended: 'Attended',
} as const;

/** The roster as CSV: names, addresses, prices and days attended, nothing else. */
export async function rosterCsv(deps: Deps, actor: Actor | null, eventId: string) {
  const rows = await roster(deps, actor, eventId);
  const event = (await repo.findEvent(deps.db, eventId))!;
  return {
    data: toCsv(
      ['Name', 'E-mail', 'Status', 'Price', 'Member price', 'Paid', 'Registered', 'Days attended'],
      rows.map((r) => [
        r.name,
        r.email,
        SEAT_WORDS[r.status],
        (r.priceCents / 100).toFixed(2),
        r.memberPrice ? 'Yes' : 'No',
        r.priceCents === 0 ? 'Free' : r.paid ? 'Yes' : 'No',
        r.registeredAt.slice(0, 10),
        `${r.sessions.filter((x) => x.attended).length} of ${r.sessions.length}`,
      ]),
    ),
    filename: `registrations-${event.title
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)}.csv`,
    contentType: 'text/csv',
  };
}
