import { buildEvent } from '../../server/db/seed/association.ts';
import type { TestApp } from '../app.ts';
import { signedIn } from '../client.ts';
import { type AccessEntry, type AccessWorld, SIGNED_IN } from './matrix.ts';

// The association's trainings and events: the calendar, registrations, attendance, certificates,
// continuing education and the mediator's path.

const staff = ['staff', 'admin'] as const;
const members = ['member', 'staff', 'admin'] as const;

/** A recorded training that has begun: open to register, and ready for attendance. */
const startedTraining = (t: TestApp) =>
  buildEvent(t.deps, { recorded: true, startsAt: new Date(t.clock.now().getTime() - 3600_000) });

/**
 * An event the member registered for, its fee paid by cheque, and a training the member
 * attended, with its certificate.
 */
export async function setup(t: TestApp, world: AccessWorld) {
  const event = await buildEvent(t.deps, { capacity: 5, priceCents: 2500 });
  const attended = await startedTraining(t);
  const staffClient = await signedIn(t.app, world.people.staff);
  const memberClient = await signedIn(t.app, world.people.member);
  const registration = await memberClient.post(`/api/v1/association/events/${event.id}/registrations`);
  const payment = await staffClient.post('/api/v1/association/payments', {
    userId: world.people.member.id,
    purpose: 'event',
    registrationId: (registration.json() as { id: string }).id,
    method: 'cheque',
    amountCents: 2500,
    receivedOn: '2026-03-02',
  });
  const seat = await memberClient.post(`/api/v1/association/events/${attended.id}/registrations`);
  const seatId = (seat.json() as { id: string }).id;
  await staffClient.post(`/api/v1/association/events/${attended.id}/attendance`, {
    registrationId: seatId,
    sessionId: attended.sessions[0]!.id,
  });
  const code = await t.db
    .selectFrom('event_registrations')
    .select('certificate_code')
    .where('id', '=', seatId)
    .executeTakeFirstOrThrow();
  world.extra.attendedRegistrationId = seatId;
  world.extra.certificateCode = code.certificate_code!;
  world.extra.eventId = event.id;
  world.extra.paymentId = (payment.json() as { id: string }).id;
  world.extra.registrationId = (registration.json() as { id: string }).id;
}

const eventBody = {
  kind: 'ce_webinar',
  title: 'Matrix webinar',
  provider: 'AMM',
  sessions: [{ startsAt: '2026-06-01T17:00:00Z', endsAt: '2026-06-01T18:30:00Z' }],
  onlineUrl: 'https://example.test/webinar',
  credits: [{ kind: 'continuing_education', hours: 1.5 }],
};

export const entries: AccessEntry[] = [
  {
    method: 'GET',
    route: '/api/v1/association/payments/:paymentId/receipt',
    allowed: members,
    request: (w) => ({ url: `/api/v1/association/payments/${w.extra.paymentId}/receipt` }),
    note: 'the payer (the member here) and staff',
  },
  { method: 'GET', route: '/api/v1/association/events', allowed: 'everyone', note: 'the public calendar' },
  {
    method: 'POST',
    route: '/api/v1/association/events',
    allowed: staff,
    request: () => ({ body: eventBody }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/events/:eventId',
    allowed: 'everyone',
    request: (w) => ({ url: `/api/v1/association/events/${w.extra.eventId}` }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/association/events/:eventId',
    allowed: staff,
    request: (w) => ({
      url: `/api/v1/association/events/${w.extra.eventId}`,
      body: { description: 'More detail' },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/events/:eventId/calendar.ics',
    allowed: 'everyone',
    request: (w) => ({ url: `/api/v1/association/events/${w.extra.eventId}/calendar.ics` }),
  },
  {
    method: 'POST',
    route: '/api/v1/association/events/:eventId/registrations',
    allowed: SIGNED_IN,
    request: async (_, { t }) => ({
      url: `/api/v1/association/events/${(await buildEvent(t.deps, { capacity: 5 })).id}/registrations`,
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/events/:eventId/registrations',
    allowed: staff,
    request: (w) => ({ url: `/api/v1/association/events/${w.extra.eventId}/registrations` }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/events/:eventId/registrations.csv',
    allowed: staff,
    request: (w) => ({ url: `/api/v1/association/events/${w.extra.eventId}/registrations.csv` }),
  },
  {
    method: 'POST',
    route: '/api/v1/association/events/:eventId/attendance',
    allowed: staff,
    // Staff mark their own seat at a training that has begun; others are refused before that.
    request: async (w, { t, client, caller }) => {
      if (!staff.some((c) => c === caller))
        return {
          url: `/api/v1/association/events/${w.extra.eventId}/attendance`,
          body: { registrationId: w.extra.registrationId, sessionId: w.extra.registrationId },
        };
      const training = await startedTraining(t);
      const seat = await client.post(`/api/v1/association/events/${training.id}/registrations`);
      return {
        url: `/api/v1/association/events/${training.id}/attendance`,
        body: { registrationId: (seat.json() as { id: string }).id, sessionId: training.sessions[0]!.id },
      };
    },
  },
  { method: 'GET', route: '/api/v1/association/registrations', allowed: SIGNED_IN },
  {
    method: 'POST',
    route: '/api/v1/association/registrations/:registrationId/cancel',
    allowed: members,
    request: (w) => ({ url: `/api/v1/association/registrations/${w.extra.registrationId}/cancel` }),
    note: 'the registrant (the member here) and staff',
  },
  {
    method: 'GET',
    route: '/api/v1/association/registrations/:registrationId/certificate',
    allowed: members,
    request: (w) => ({
      url: `/api/v1/association/registrations/${w.extra.attendedRegistrationId}/certificate`,
    }),
    note: 'the attendee (the member here) and staff',
  },
  {
    method: 'GET',
    route: '/api/v1/association/certificates/:code',
    allowed: 'everyone',
    request: (w) => ({ url: `/api/v1/association/certificates/${w.extra.certificateCode}` }),
    note: 'anyone holding a certificate can have it checked by its code',
  },
  { method: 'GET', route: '/api/v1/association/continuing-education', allowed: members },
  { method: 'GET', route: '/api/v1/association/path', allowed: SIGNED_IN },
  {
    method: 'PUT',
    route: '/api/v1/association/path/:step',
    allowed: SIGNED_IN,
    request: () => ({ url: '/api/v1/association/path/observe-co-mediate', body: { done: true } }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/event-list',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/event-list?q=training&kind=core_training&limit=5' }),
  },
  {
    method: 'GET',
    route: '/api/v1/association/event-list.csv',
    allowed: staff,
    request: () => ({ url: '/api/v1/association/event-list.csv?status=published' }),
  },
];
