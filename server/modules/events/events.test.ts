/**
 * Association events: registration at the member or public price, the staff's list of events, bad
 * input, and what each viewer may do; the waitlist and attendance have their own files beside.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Event, RosterEntry } from '../../../contracts/events.ts';
import type { TestApp } from '../../../test/app.ts';
import { json, signedIn, signedInAs, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { buildEvent, buildTier } from '../../db/seed/association.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { DAY } from '../../infra/clock.ts';
import { appWithStaff, register } from './event-tests.ts';

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  ({ t, staff } = await appWithStaff());
});
afterAll(async () => t.close());

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

    // The roster as a spreadsheet, for staff only.
    const csv = await staff.get(`/api/v1/association/events/${event.id}/registrations.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('Name,E-mail,Status,Price,Member price,Paid,Registered,Days attended');
    expect(lines.slice(1)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^[^,]+,${member.email},Registered,150\\.00,Yes,No,\\d{4}-\\d{2}-\\d{2},0 of 1$`),
        ),
        expect.stringMatching(/,Registered,250\.00,No,Yes,\d{4}-\d{2}-\d{2},0 of 1$/),
      ]),
    );
    expect((await client.get(`/api/v1/association/events/${event.id}/registrations.csv`)).statusCode).toBe(
      403,
    );
  });

  it('gives staff every event, searched, by kind, state and start day, a page at a time and as CSV', async () => {
    const start = (days: number) => new Date(Date.parse('2027-03-01T15:00:00Z') + days * DAY);
    await buildEvent(t.deps, {
      title: 'Listed ethics webinar',
      kind: 'ce_webinar',
      startsAt: start(0),
      place: null,
    });
    await buildEvent(t.deps, {
      title: 'Listed core training',
      startsAt: start(10),
      place: 'Kirksville, Missouri',
    });
    await buildEvent(t.deps, { title: 'Listed conference', kind: 'conference', startsAt: start(20) });
    const page = async (query: string) => {
      const r = await staff.get(`/api/v1/association/event-list?${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return json<{ rows: { title: string }[]; next: string | null }>(r);
    };
    const first = await page('q=listed&limit=2');
    expect(first.rows.map((e) => e.title)).toEqual(['Listed conference', 'Listed core training']);
    const rest = await page(`q=listed&limit=2&after=${first.next}`);
    expect(rest).toEqual({ rows: [expect.objectContaining({ title: 'Listed ethics webinar' })], next: null });
    expect((await page('q=KIRKSVILLE')).rows.map((e) => e.title)).toEqual(['Listed core training']);
    expect((await page('q=listed&kind=ce_webinar')).rows.map((e) => e.title)).toEqual([
      'Listed ethics webinar',
    ]);
    expect((await page('q=listed&from=2027-03-05&to=2027-03-15')).rows.map((e) => e.title)).toEqual([
      'Listed core training',
    ]);
    expect((await page('q=listed&status=draft')).rows).toEqual([]);
    for (const [query, field] of [
      ['kind=picnic', 'kind'],
      ['from=2027-03-15&to=2027-03-05', 'to'],
      ['limit=0', 'limit'],
    ] as const) {
      const bad = await staff.get(`/api/v1/association/event-list?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(Object.keys(json<{ error: { fields: object } }>(bad).error.fields)).toEqual([field]);
    }
    const csv = await staff.get('/api/v1/association/event-list.csv?q=listed&kind=ce_webinar');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('Title,Kind,State,Starts,Ends,Place,Hours,Seats taken,Seats');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^Listed ethics webinar,Webinar \(live\),Published,.*,Online,0,0,20$/),
    ]);
    const member = await signedInAs(t, { grants: [{ role: 'member' }] });
    expect((await member.get('/api/v1/association/event-list')).statusCode).toBe(403);
    expect((await member.get('/api/v1/association/event-list.csv')).statusCode).toBe(403);
  });

  it('refuses bad event input naming the field', async () => {
    // Five days of family mediation training, 8 hours each, 9:00 AM to 5:00 PM in Missouri (CDT).
    const days = ['2026-05-04', '2026-05-05', '2026-05-06', '2026-05-07', '2026-05-08'].map((d) => ({
      startsAt: `${d}T14:00:00Z`,
      endsAt: `${d}T22:00:00Z`,
    }));
    const base = {
      kind: 'core_training',
      title: 'Family mediation (40 hours)',
      provider: 'Missouri State University',
      sessions: days,
      place: 'Springfield',
    };
    const fields = async (body: object) => {
      const r = await staff.post('/api/v1/association/events', body);
      expect(r.statusCode, r.body).toBe(400);
      return json<{ error: { fields: Record<string, string> } }>(r).error.fields;
    };
    expect(
      await fields({
        ...base,
        sessions: [{ startsAt: '2026-05-01T14:00:00Z', endsAt: '2026-05-01T13:00:00Z' }],
      }),
    ).toEqual({ 'sessions.0.endsAt': 'Day 1 must end after it starts' });
    expect(await fields({ ...base, sessions: [days[1], days[0]] })).toEqual({
      'sessions.1.startsAt': 'Day 2 must start after day 1 ends',
    });
    expect(await fields({ ...base, sessions: [] })).toEqual({ sessions: 'Give at least one day' });
    expect(await fields({ ...base, capacity: 0 })).toMatchObject({ capacity: expect.any(String) });
    expect(Object.keys(await fields({ ...base, credits: [{ kind: 'magic', hours: 40 }] }))).toEqual([
      'credits.0.kind',
    ]);
    // More hours credited than the days hold.
    expect(await fields({ ...base, credits: [{ kind: 'family_custody', hours: 41 }] })).toEqual({
      'credits.0.hours': 'must be at most the 40 hours the days hold',
    });
    const ok = await staff.post('/api/v1/association/events', {
      ...base,
      capacity: 24,
      credits: [{ kind: 'family_custody', hours: 40 }],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const event = Event.parse(json(ok));
    expect(event).toMatchObject({
      capacity: 24,
      seatsLeft: 24,
      creditHours: 40,
      scheduledHours: 40,
      startsAt: '2026-05-04T14:00:00.000Z',
      endsAt: '2026-05-08T22:00:00.000Z',
    });
    expect(event.sessions.map((s) => s.hours)).toEqual([8, 8, 8, 8, 8]);

    // The calendar file holds one entry a day.
    const ics = (await staff.get(`/api/v1/association/events/${event.id}/calendar.ics`)).body;
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(5);
    expect(ics).toContain('SUMMARY:Family mediation (40 hours) (day 5 of 5)');
    expect(ics).toContain('DTSTART:20260508T140000Z');

    // Changing the days keeps the credits within them.
    const shorter = await staff.patch(`/api/v1/association/events/${event.id}`, {
      sessions: days.slice(0, 4),
    });
    expect(shorter.statusCode).toBe(400);
    expect(json(shorter).error).toMatchObject({ fields: { 'credits.0.hours': expect.any(String) } });
  });
});

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
    const sessionId = event.sessions[0]!.id;
    const mayMark = async () => (await roster()).find((r) => r.id === seat.id)!.sessions[0]!.can;
    expect(await mayMark()).toEqual({ markAttended: false });
    expect((await staff.post(`${url}/attendance`, { registrationId: seat.id, sessionId })).statusCode).toBe(
      409,
    );
    t.clock.advance(2 * 3600_000);
    try {
      staff = await signedIn(t.app, staffUser);
      person = await signedIn(t.app, personUser);
      expect(await mayMark()).toEqual({ markAttended: true });
      expect(await flags(person)).toEqual({ register: false, cancel: true, manage: false });
      expect((await staff.post(`${url}/attendance`, { registrationId: seat.id, sessionId })).statusCode).toBe(
        200,
      );
      expect(await mayMark()).toEqual({ markAttended: false });
      expect(await flags(person)).toEqual({ register: false, cancel: false, manage: false });
    } finally {
      t.clock.advance(-2 * 3600_000);
    }
  });
});
