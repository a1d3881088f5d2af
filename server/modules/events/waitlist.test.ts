/**
 * The waitlist: a freed seat goes to the next person once, and the last seat to one person, even
 * when people race for it on two app servers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, type TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { buildEvent } from '../../db/seed/association.ts';
import { type BuiltUser, buildUser } from '../../db/seed/builders.ts';
import { register } from './event-tests.ts';

let t: TestApp;
// A second app server on its own connection to the same database, as in production.
let t2: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t2 = await createTestApp({ database: t.database, db: t.database.open() });
});
afterAll(async () => {
  await t2.app.close();
  await t2.db.destroy();
  await t.close();
});

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
