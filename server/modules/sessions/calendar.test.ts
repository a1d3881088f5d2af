import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyCalendar } from '../../../contracts/session-calendar.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { buildRosterMediator } from '../../../test/cases.ts';
import { json, signedIn, signedInAs, type TestClient } from '../../../test/client.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';

/**
 * The calendar across cases: the sessions a person mediates, co-mediates or attends between two
 * Missouri days, each naming its case; canceled sessions and other people's cases left out.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const calendar = async (client: TestClient, from = '2026-03-01', to = '2026-03-31') => {
  const response = await client.get(`/api/v1/calendar?from=${from}&to=${to}`);
  expect(response.statusCode, response.body).toBe(200);
  return json<MyCalendar>(response);
};

describe('the calendar', () => {
  it('shows the mediator’s sessions across cases in Missouri time, with co-mediators and parties seeing theirs', async () => {
    const world = await readySpecialEducationCase(t);
    const { mediator, caseId } = world;
    const first = await mediator.post(
      `/api/v1/cases/${caseId}/sessions`,
      jointSession('2026-03-10', '09:30'),
    );
    expect(first.statusCode, first.body).toBe(201);
    const late = await mediator.post(
      `/api/v1/cases/${caseId}/sessions`,
      jointSession('2026-03-31', '22:30', 60),
    );
    expect(late.statusCode, late.body).toBe(201);
    const dropped = json<{ id: string }>(
      await mediator.post(`/api/v1/cases/${caseId}/sessions`, jointSession('2026-03-12')),
    );
    await mediator.post(`/api/v1/cases/${caseId}/sessions/${dropped.id}/cancel`);
    // Another mediator's case: not on this calendar.
    const other = await readySpecialEducationCase(t, { programId: world.programId });
    await other.mediator.post(`/api/v1/cases/${other.caseId}/sessions`, jointSession('2026-03-11'));

    const c = await calendar(mediator);
    expect(c).toMatchObject({ today: '2026-03-02', from: '2026-03-01', to: '2026-03-31' });
    expect(c.sessions.map((s) => [s.date, s.startTime, s.caseId])).toEqual([
      ['2026-03-10', '9:30 AM', caseId],
      // 10:30 PM in Missouri is already April 1 in UTC: still March 31 on the calendar.
      ['2026-03-31', '10:30 PM', caseId],
    ]);
    expect(c.sessions[0]).toMatchObject({
      kind: 'joint',
      kindLabel: 'Joint session',
      endTime: '11:30 AM',
      minutes: 120,
      coMediated: false,
    });
    expect(c.sessions[0]!.reference).toMatch(/^SE-/);
    // A week shows only its days.
    expect((await calendar(mediator, '2026-03-08', '2026-03-14')).sessions).toHaveLength(1);

    const co = await buildRosterMediator(t, {
      programId: world.programId,
      name: 'Elena Ortiz',
      rosters: ['special_education'],
    });
    const added = await mediator.post(`/api/v1/cases/${caseId}/co-mediators`, { userId: co.id });
    expect(added.statusCode, added.body).toBe(201);
    const coCalendar = await calendar(await signedIn(t.app, co));
    expect(coCalendar.sessions.map((s) => [s.caseId, s.coMediated])).toEqual([
      [caseId, true],
      [caseId, true],
    ]);
    expect((await calendar(world.parent)).sessions.map((s) => s.date)).toEqual(['2026-03-10', '2026-03-31']);
    expect((await calendar(await signedInAs(t, {}))).sessions).toEqual([]);
  });

  it('refuses a backwards or too long stretch, naming the field in words', async () => {
    const someone = await signedInAs(t, {});
    const backwards = await someone.get('/api/v1/calendar?from=2026-03-10&to=2026-03-01');
    expect(backwards.statusCode).toBe(400);
    expect(
      json<{ error: { message: string; fields: Record<string, string> } }>(backwards).error,
    ).toMatchObject({
      fields: { to: 'the last day comes before the first day' },
    });
    const long = await someone.get('/api/v1/calendar?from=2026-01-01&to=2026-03-31');
    expect(long.statusCode).toBe(400);
    expect(json<{ error: { message: string } }>(long).error.message).toMatch(/at most 42 days/);
    const bad = await someone.get('/api/v1/calendar?from=March&to=2026-03-31');
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { fields: Record<string, string> } }>(bad).error.fields).toHaveProperty('from');
  });
});
