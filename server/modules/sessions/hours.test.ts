import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, TestClient } from '../../../test/client.ts';
import { familyCaseInMediation, jointSession } from '../../../test/mediation.ts';

/**
 * Local rules on hours (issue 5, sessions): the 16th Circuit-style minimum hours and a free-hours
 * allowance, where a program sets them, are tracked from the sessions held.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Hours = {
  minimumHours: number | null;
  heldHours: number;
  met: boolean | null;
  freeHours: number | null;
  freeHoursLeft: number | null;
  paidHours: number;
  freeHoursCite: string;
};

describe('hours of mediation against the program’s local rules', () => {
  it('a program sets a free-hours allowance; held sessions count against it and the minimum', async () => {
    const w = await familyCaseInMediation(t);
    const rulesUrl = `/api/v1/programs/${w.program.id}/rules/local`;
    const bad = await w.coordinator.put(rulesUrl, { freeHours: { value: 1.5, cite: 'Circuit fund order' } });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ error: { fields: { 'freeHours.value': expect.any(String) } } });
    const set = await w.coordinator.put(rulesUrl, {
      minimumHours: { value: 2, cite: '16th Circuit Local Rule 68.10' },
      freeHours: { value: 3, cite: '16th Circuit family mediation fund order' },
    });
    expect(set.statusCode).toBe(200);
    // The public program page states the allowance, with where it comes from.
    const rules = json<{ rules: { key: string; text: string; cite: string; local: boolean }[] }>(
      await new TestClient(t.app).get(`/api/v1/programs/${w.program.id}/rules`),
    );
    expect(rules.rules.find((r) => r.key === 'freeHours')).toEqual(
      expect.objectContaining({
        text: 'The first 3 hours of mediation are free',
        cite: '16th Circuit family mediation fund order',
        local: true,
      }),
    );

    const url = `/api/v1/cases/${w.caseId}/sessions`;
    const before = json<{ hours: Hours }>(await w.mom.get(url)).hours;
    expect(before).toMatchObject({
      minimumHours: 2,
      heldHours: 0,
      met: false,
      freeHours: 3,
      freeHoursLeft: 3,
    });

    // A two-and-a-half-hour session at 10:00 in Missouri (16:00 UTC); the mediator records who came.
    const s = json<{ id: string; attendees: { id: string }[] }>(
      await w.mediator.post(url, jointSession('2026-03-02', '10:00', 150)),
    );
    t.clock.set('2026-03-02T16:30:00.000Z');
    const held = await w.mediator.post(`${url}/${s.id}/held`, { attendedIds: s.attendees.map((a) => a.id) });
    expect(held.statusCode).toBe(200);
    const after = json<{ hours: Hours }>(await w.mediator.get(url)).hours;
    expect(after).toMatchObject({
      minimumHours: 2,
      heldHours: 2.5,
      met: true,
      freeHours: 3,
      freeHoursLeft: 0.5,
      paidHours: 0,
      freeHoursCite: '16th Circuit family mediation fund order',
    });
  });
});
