import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Event, RosterEntry } from '../../../contracts/events.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, signedInAs, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { buildEvent, buildTier } from '../../db/seed/association.ts';
import { type BuiltUser, buildUser } from '../../db/seed/builders.ts';
import { DAY } from '../../infra/clock.ts';

let t: TestApp;
// A second app server on its own connection to the same database, as in production.
let t2: TestApp;
let staff: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  t2 = await createTestApp({ database: t.database, db: t.database.open() });
  staff = await signedInAs(t, { grants: [{ role: 'staff' }] });
});
afterAll(async () => {
  await t2.app.close();
  await t2.db.destroy();
  await t.close();
});

type Reg = { id: string; status: string; waitlistPosition: number | null; priceCents: number };
const register = async (client: TestClient, eventId: string) =>
  json<Reg>(await client.post(`/api/v1/association/events/${eventId}/registrations`));
const seatsOf = async (eventId: string) =>
  (
    await t.db
      .selectFrom('association_events')
      .select('seats_taken')
      .where('id', '=', eventId)
      .executeTakeFirstOrThrow()
  ).seats_taken;
const statuses = async (eventId: string) =>
  (
    await t.db
      .selectFrom('event_registrations')
      .select(['user_id', 'status'])
      .where('event_id', '=', eventId)
      .orderBy('queue_seq')
      .execute()
  ).map((r) => r.status);
const people = async (n: number) => {
  const out: { person: BuiltUser; a: TestClient; b: TestClient }[] = [];
  for (let i = 0; i < n; i += 1) {
    const person = await buildUser(t.deps);
    // The same person signed in on each server.
    out.push({ person, a: await signedIn(t.app, person), b: await signedIn(t2.app, person) });
  }
  return out;
};

describe('the waitlist', () => {
  it('promotes the next person when a registrant cancels, once', async () => {
    const event = await buildEvent(t.deps, { capacity: 1 });
    const [a, b, c] = await people(3);
    expect(await register(a!.a, event.id)).toMatchObject({ status: 'registered' });
    expect(await register(b!.a, event.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await register(c!.a, event.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect((await a!.a.post(`/api/v1/association/events/${event.id}/registrations`)).statusCode).toBe(409);

    const mine = json<{ id: string }[]>(await a!.a.get('/api/v1/association/registrations'));
    const cancelled = await a!.a.post(`/api/v1/association/registrations/${mine[0]!.id}/cancel`);
    expect(json(cancelled)).toMatchObject({ status: 'cancelled', promotedNext: true });
    expect(await statuses(event.id)).toEqual(['cancelled', 'registered', 'waitlisted']);
    expect(await seatsOf(event.id)).toBe(1);
    const promoted = await lastEmailTo(t.db, b!.person.email);
    expect(promoted.template).toBe('event-promoted');
    expect(JSON.parse(promoted.attachments)[0]).toMatchObject({ filename: 'training.ics' });

    // Cancelling again changes nothing and promotes nobody else.
    expect(json(await a!.a.post(`/api/v1/association/registrations/${mine[0]!.id}/cancel`))).toMatchObject({
      promotedNext: false,
    });
    expect(await statuses(event.id)).toEqual(['cancelled', 'registered', 'waitlisted']);
    // Another person cannot cancel someone else's place.
    expect((await c!.a.post(`/api/v1/association/registrations/${mine[0]!.id}/cancel`)).statusCode).toBe(404);
  });

  it('gives the last seat exactly once when two people race for it on two servers', async () => {
    for (let round = 0; round < 5; round += 1) {
      const event = await buildEvent(t.deps, { capacity: 1 });
      const [a, b] = await people(2);
      const results = await Promise.all([register(a!.a, event.id), register(b!.b, event.id)]);
      expect(results.map((r) => r.status).sort()).toEqual(['registered', 'waitlisted']);
      expect(await seatsOf(event.id)).toBe(1);
    }
  });

  it('promotes exactly once when cancellations and a new registration race', async () => {
    for (let round = 0; round < 3; round += 1) {
      const event = await buildEvent(t.deps, { capacity: 1 });
      const [a, b, c, d] = await people(4);
      const first = await register(a!.a, event.id);
      await register(b!.a, event.id);
      await register(c!.a, event.id);
      // The holder cancels twice at once on two servers while a fourth person registers.
      const [x, y, z] = await Promise.all([
        a!.a.post(`/api/v1/association/registrations/${first.id}/cancel`),
        a!.b.post(`/api/v1/association/registrations/${first.id}/cancel`),
        register(d!.b, event.id),
      ]);
      expect([x.statusCode, y.statusCode]).toEqual([200, 200]);
      expect([json(x).promotedNext, json(y).promotedNext].filter(Boolean)).toHaveLength(1);
      expect(z.status).toBe('waitlisted');
      expect(await statuses(event.id)).toEqual(['cancelled', 'registered', 'waitlisted', 'waitlisted']);
      expect(await seatsOf(event.id)).toBe(1);
    }
  });
});

describe('registration and prices', () => {
  it('charges members the member price and sends a calendar file', async () => {
    const tier = await buildTier(t.deps, { annualDuesCents: 5000 });
    const member = await buildUser(t.deps);
    const client = await signedIn(t.app, member);
    await client.post('/api/v1/association/membership', { tierId: tier.id });
    await staff.post('/api/v1/association/payments', {
      userId: member.id,
      purpose: 'dues',
      method: 'cash',
      amountCents: 5000,
      receivedOn: '2026-03-02',
    });
    const event = await buildEvent(t.deps, { memberPriceCents: 15000, priceCents: 25000 });
    expect(await register(client, event.id)).toMatchObject({ status: 'registered', priceCents: 15000 });
    const other = await signedInAs(t);
    const nonMember = await register(other, event.id);
    expect(nonMember.priceCents).toBe(25000);
    const email = await lastEmailTo(t.db, member.email, 'event-registered');
    expect(JSON.parse(email.attachments)[0].content).toContain('BEGIN:VEVENT');

    const ics = await other.get(`/api/v1/association/events/${event.id}/calendar.ics`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('SUMMARY:Civil mediation core training');

    // Staff record the fee paid at the door.
    const roster = json<{ id: string; userId: string; paid: boolean }[]>(
      await staff.get(`/api/v1/association/events/${event.id}/registrations`),
    );
    const row = roster.find((r) => r.userId !== member.id)!;
    const paid = await staff.post('/api/v1/association/payments', {
      userId: row.userId,
      purpose: 'event',
      registrationId: row.id,
      method: 'at_event',
      amountCents: 25000,
      receivedOn: '2026-03-02',
    });
    expect(paid.statusCode).toBe(201);
    const missing = await staff.post('/api/v1/association/payments', {
      userId: row.userId,
      purpose: 'event',
      method: 'at_event',
      amountCents: 25000,
      receivedOn: '2026-03-02',
    });
    expect(json(missing).error).toMatchObject({ fields: { registrationId: expect.any(String) } });
  });

  it('refuses bad event input naming the field', async () => {
    const base = {
      kind: 'core_training',
      title: 'Family mediation (40 hours)',
      provider: 'Missouri State University',
      startsAt: '2026-05-01T14:00:00Z',
      endsAt: '2026-05-01T13:00:00Z',
      place: 'Springfield',
    };
    const backwards = await staff.post('/api/v1/association/events', base);
    expect(backwards.statusCode).toBe(400);
    expect(json(backwards).error).toMatchObject({ fields: { endsAt: 'Must be after the start' } });
    const noSeats = await staff.post('/api/v1/association/events', {
      ...base,
      endsAt: '2026-05-05T22:00:00Z',
      capacity: 0,
    });
    expect(json(noSeats).error).toMatchObject({ fields: { capacity: expect.any(String) } });
    const badKind = await staff.post('/api/v1/association/events', {
      ...base,
      endsAt: '2026-05-05T22:00:00Z',
      credits: [{ kind: 'magic', hours: 40 }],
    });
    expect(Object.keys(json<{ error: { fields: object } }>(badKind).error.fields)).toEqual([
      'credits.0.kind',
    ]);
    const ok = await staff.post('/api/v1/association/events', {
      ...base,
      endsAt: '2026-05-05T22:00:00Z',
      capacity: 24,
      credits: [{ kind: 'family_custody', hours: 40 }],
    });
    expect(ok.statusCode).toBe(201);
    expect(json(ok)).toMatchObject({ capacity: 24, seatsLeft: 24, creditHours: 40 });
  });
});

describe('attendance', () => {
  it('writes the hours to the training record, meets Rule 17, and issues a certificate once', async () => {
    const event = await buildEvent(t.deps, {
      title: 'Civil mediation core training',
      provider: 'University of Missouri',
      hours: 16,
      credits: [{ kind: 'civil_core', hours: 16 }],
    });
    const person = await buildUser(t.deps, { name: 'Morgan Lee' });
    const client = await signedIn(t.app, person);
    const reg = await register(client, event.id);

    const early = await staff.post(`/api/v1/association/events/${event.id}/attendance`, {
      registrationId: reg.id,
    });
    expect(early.statusCode).toBe(409);
    t.clock.advance(15 * DAY);
    await staff.signIn(...(await staffLogin()));
    const marked = await staff.post(`/api/v1/association/events/${event.id}/attendance`, {
      registrationId: reg.id,
    });
    expect(json(marked)).toMatchObject({ status: 'attended', certificateIssued: true });
    expect(
      json(await staff.post(`/api/v1/association/events/${event.id}/attendance`, { registrationId: reg.id })),
    ).toMatchObject({
      status: 'attended',
    });

    const profile = await t.db
      .selectFrom('directory_profiles')
      .select(['id', 'elig_rule17'])
      .where('user_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(profile.elig_rule17).toBe(1);
    const courses = await t.db
      .selectFrom('directory_courses')
      .selectAll()
      .where('profile_id', '=', profile.id)
      .execute();
    expect(courses).toHaveLength(1);
    expect(courses[0]).toMatchObject({
      kind: 'civil_core',
      source: 'association',
      provider: 'University of Missouri',
    });
    expect(Number(courses[0]!.hours)).toBe(16);
    expect(courses[0]!.verified_at).not.toBeNull();

    await client.signIn(person.email, person.password);
    const certificate = await client.get(`/api/v1/association/registrations/${reg.id}/certificate`);
    expect(certificate.headers['content-type']).toBe('application/pdf');
    const text = pdfText(certificate.rawPayload);
    expect(text).toContain('Morgan Lee');
    expect(text).toContain('Civil mediation (core training): 16 hours');
    expect((await lastEmailTo(t.db, person.email)).template).toBe('event-certificate');

    const stranger = await signedInAs(t);
    expect((await stranger.get(`/api/v1/association/registrations/${reg.id}/certificate`)).statusCode).toBe(
      404,
    );
  });
});

let staffPerson: BuiltUser | undefined;
async function staffLogin(): Promise<[string, string]> {
  staffPerson ??= await buildUser(t.deps, { grants: [{ role: 'staff' }] });
  return [staffPerson.email, staffPerson.password];
}

describe('what each viewer may do', () => {
  it('offers registering, cancelling, running the event and taking attendance as the routes allow', async () => {
    const event = await buildEvent(t.deps, {
      capacity: 3,
      startsAt: new Date(t.clock.now().getTime() + 3600_000),
    });
    const personUser = await buildUser(t.deps);
    const staffUser = await buildUser(t.deps, { grants: [{ role: 'staff' }] });
    let staff = await signedIn(t.app, staffUser);
    const url = `/api/v1/association/events/${event.id}`;
    const flags = async (c: TestClient) => Event.parse(json(await c.get(url))).can;
    expect(await flags(new TestClient(t.app))).toEqual({ register: false, cancel: false, manage: false });
    let person = await signedIn(t.app, personUser);
    expect(await flags(person)).toEqual({ register: true, cancel: false, manage: false });
    const seat = await register(person, event.id);
    expect(await flags(person)).toEqual({ register: false, cancel: true, manage: false });
    expect(await flags(staff)).toMatchObject({ manage: true });

    // Attendance waits for the start, as its route does.
    const roster = async () => {
      const r = await staff.get(`${url}/registrations`);
      expect(r.statusCode, r.body).toBe(200);
      return RosterEntry.array().parse(json(r));
    };
    expect((await roster()).find((r) => r.id === seat.id)!.can).toEqual({ markAttended: false });
    expect((await staff.post(`${url}/attendance`, { registrationId: seat.id })).statusCode).toBe(409);
    t.clock.advance(2 * 3600_000);
    try {
      staff = await signedIn(t.app, staffUser);
      person = await signedIn(t.app, personUser);
      expect((await roster()).find((r) => r.id === seat.id)!.can).toEqual({ markAttended: true });
      expect(await flags(person)).toEqual({ register: false, cancel: true, manage: false });
      expect((await staff.post(`${url}/attendance`, { registrationId: seat.id })).statusCode).toBe(200);
      expect((await roster()).find((r) => r.id === seat.id)!.can).toEqual({ markAttended: false });
      expect(await flags(person)).toEqual({ register: false, cancel: false, manage: false });
    } finally {
      t.clock.advance(-2 * 3600_000);
    }
  });
});
