import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json } from '../../../test/client.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';

/**
 * DESE (the Missouri State Plan, as MPACT restates it): the session is SCHEDULED within 15 days of
 * picking the mediator. The deadline is met once a joint session is on the calendar, whenever it
 * is to take place, as the case page, the sessions page and the warnings for new sessions all see it.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Deadline = { id: string; status: string };
const firstSession = (ds: Deadline[]) => ds.find((d) => d.id === 'session_scheduled')!;

describe('the "first session scheduled" deadline', () => {
  it('is met once a joint session is set, even for a later date, and not by a cancelled one', async () => {
    const w = await readySpecialEducationCase(t);
    const caseUrl = `/api/v1/cases/${w.caseId}`;
    const deadlines = async () => {
      const r = await w.parent.get(caseUrl);
      if (r.statusCode !== 200) throw new Error(r.body);
      const m = await w.mediator.get(`${caseUrl}/sessions`);
      if (m.statusCode !== 200) throw new Error(m.body);
      return {
        casePage: firstSession(json<{ deadlines: Deadline[] }>(r).deadlines),
        sessionsPage: firstSession(json<{ deadlines: Deadline[] }>(m).deadlines),
      };
    };
    expect((await deadlines()).casePage.status).not.toBe('met');

    // A session set, then cancelled, never counts.
    const cancelled = json<{ id: string }>(
      await w.mediator.post(`${caseUrl}/sessions`, jointSession('2026-03-02', '10:00', 30)),
    );
    expect((await w.mediator.post(`${caseUrl}/sessions/${cancelled.id}/cancel`, {})).statusCode).toBe(200);
    let now = await deadlines();
    expect(now.casePage.status).not.toBe('met');
    expect(now.sessionsPage.status).not.toBe('met');

    // A session set for a later day meets it the moment it is set, before it takes place.
    const later = await w.mediator.post(`${caseUrl}/sessions`, jointSession('2026-03-20', '11:00', 120));
    expect(later.statusCode).toBe(201);
    now = await deadlines();
    expect(now.casePage.status).toBe('met');
    expect(now.sessionsPage.status).toBe('met');

    // And a further session is no longer warned about the first-session deadline.
    const next = json<{ warnings: string[] }>(
      await w.mediator.post(`${caseUrl}/sessions`, jointSession('2026-04-20', '10:00', 60)),
    );
    expect(next.warnings.join(' ')).not.toContain('First session scheduled');
  });
});
