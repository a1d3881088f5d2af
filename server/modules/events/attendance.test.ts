/**
 * Attendance at an event, taken day by day as each day begins; the last day credits the hours and
 * issues a certificate anyone can check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterEntry } from '../../../contracts/events.ts';
import type { TestApp } from '../../../test/app.ts';
import { json, signedIn, signedInAs, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { pdfWords } from '../../../test/pdf-text.ts';
import { buildEvent } from '../../db/seed/association.ts';
import { type BuiltUser, buildUser } from '../../db/seed/builders.ts';
import { DAY } from '../../infra/clock.ts';
import { appWithStaff, register } from './event-tests.ts';

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  ({ t, staff } = await appWithStaff());
});
afterAll(async () => t.close());

let staffPerson: BuiltUser | undefined;
async function staffLogin(): Promise<[string, string]> {
  staffPerson ??= await buildUser(t.deps, { grants: [{ role: 'staff' }] });
  return [staffPerson.email, staffPerson.password];
}

describe('attendance', () => {
  it('is taken day by day as each begins; the last day credits the hours and issues a certificate anyone can check', async () => {
    // Two days, 8:30 AM to 4:30 PM in Missouri, two weeks from now.
    const start = new Date(t.clock.now().getTime() + 14 * DAY);
    start.setUTCHours(14, 30, 0, 0);
    const event = await buildEvent(t.deps, {
      title: 'Civil mediation core training',
      provider: 'University of Missouri',
      startsAt: start,
      hours: 16,
      days: 2,
      credits: [{ kind: 'civil_core', hours: 16 }],
    });
    const [day1, day2] = event.sessions;
    const person = await buildUser(t.deps, { name: 'Morgan Lee' });
    const client = await signedIn(t.app, person);
    const reg = await register(client, event.id);
    const attend = (sessionId: string) =>
      staff.post(`/api/v1/association/events/${event.id}/attendance`, { registrationId: reg.id, sessionId });

    const early = await attend(day1!.id);
    expect(early.statusCode).toBe(409);
    expect(json<{ error: { message: string } }>(early).error.message).toBe(
      'Attendance for a day can be taken once that day has started.',
    );

    // The first evening: day one is taken, day two not yet.
    t.clock.advance(start.getTime() - t.clock.now().getTime() + 10 * 3600_000);
    await staff.signIn(...(await staffLogin()));
    expect(json(await attend(day1!.id))).toMatchObject({
      status: 'registered',
      sessionsAttended: 1,
      sessions: 2,
      certificateIssued: false,
    });
    expect((await attend(day2!.id)).statusCode).toBe(409);
    const roster = RosterEntry.array().parse(
      json(await staff.get(`/api/v1/association/events/${event.id}/registrations`)),
    );
    expect(roster[0]!.sessions).toEqual([
      { sessionId: day1!.id, attended: true, can: { markAttended: false } },
      { sessionId: day2!.id, attended: false, can: { markAttended: false } },
    ]);
    const noHoursYet = await t.db
      .selectFrom('directory_profiles')
      .select('id')
      .where('user_id', '=', person.id)
      .executeTakeFirst();
    expect(noHoursYet).toBeUndefined();

    // The second day.
    t.clock.advance(DAY);
    await staff.signIn(...(await staffLogin()));
    expect(json(await attend(day2!.id))).toMatchObject({
      status: 'attended',
      sessionsAttended: 2,
      certificateIssued: true,
    });
    // Recording again changes nothing.
    expect(json(await attend(day2!.id))).toMatchObject({ status: 'attended', sessionsAttended: 2 });

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
    const text = pdfWords(certificate.rawPayload);
    expect(text).toContain('Morgan Lee');
    expect(text).toContain('attended every session of Civil mediation core training');
    expect(text).toContain('16 hours in all');
    expect(text).toContain('Civil mediation (core training): 16 hours');
    expect(text).toContain('For the Association of Missouri Mediators');
    expect((await lastEmailTo(t.db, person.email)).template).toBe('event-certificate');
    const code = /Verification code ([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})/.exec(text)?.[1];
    expect(code).toBeDefined();

    // Anyone can check the code, typed with or without dashes, in either case.
    const visitor = new TestClient(t.app);
    const checked = await visitor.get(
      `/api/v1/association/certificates/${code!.replace(/-/g, '').toLowerCase()}`,
    );
    expect(checked.statusCode, checked.body).toBe(200);
    expect(json(checked)).toMatchObject({
      code,
      name: 'Morgan Lee',
      title: 'Civil mediation core training',
      hours: 16,
      credits: [{ kind: 'civil_core', hours: 16 }],
    });
    expect(text).toContain(json<{ dates: string }>(checked).dates);
    const unknown = await visitor.get('/api/v1/association/certificates/2222-3333-4444');
    expect(unknown.statusCode).toBe(404);
    const malformed = await visitor.get('/api/v1/association/certificates/not-a-code');
    expect(malformed.statusCode).toBe(400);
    expect(json(malformed).error).toMatchObject({ fields: { code: expect.any(String) } });

    const stranger = await signedInAs(t);
    expect((await stranger.get(`/api/v1/association/registrations/${reg.id}/certificate`)).statusCode).toBe(
      404,
    );
  });
});
