import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json } from '../../../test/client.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';
import { HOUR } from '../../infra/clock.ts';

/**
 * DESE practice (34 CFR 300.506(b)(5), timely scheduling): the first session is held within 15
 * days of choosing the mediator. The deadline is met once a joint session of the case has started,
 * as the case page, the sessions page and the warnings for new sessions all see it.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Deadline = { id: string; status: string };
const firstSession = (ds: Deadline[]) => ds.find((d) => d.id === 'session_scheduled')!;

describe('the "first session held" deadline', () => {
  it('is met once a joint session has started, and not by a cancelled one', async () => {
    const w = await readySpecialEducationCase(t);
    const caseUrl = `/api/v1/cases/${w.caseId}`;
    const deadlines = async () => {
      const r = await w.parent.get(caseUrl);
      if (r.statusCode !== 200) throw new Error(r.body);
      const m = await w.mediator.get(`${caseUrl}/sessions`);
      if (m.statusCode !== 200) throw new Error(m.body);
      return {
        casePage: firstSession(json<{ deadlines: Deadline[] }>(r).deadlines),
        sessionsPage: firstSession(
          json<{ deadlines: Deadline[] }>(await w.mediator.get(`${caseUrl}/sessions`)).deadlines,
        ),
      };
    };
    expect((await deadlines()).casePage.status).not.toBe('met');

    // A session set, then cancelled, never counts, even after its time passes.
    const cancelled = json<{ id: string }>(
      await w.mediator.post(`${caseUrl}/sessions`, jointSession('2026-03-02', '10:00', 30)),
    );
    expect((await w.mediator.post(`${caseUrl}/sessions/${cancelled.id}/cancel`, {})).statusCode).toBe(200);
    const held = await w.mediator.post(`${caseUrl}/sessions`, jointSession('2026-03-02', '11:00', 120));
    expect(held.statusCode).toBe(201);
    const heldId = json<{ id: string }>(held).id;
    // Before it starts, the deadline is still open.
    t.clock.set('2026-03-02T16:59:00.000Z');
    let now = await deadlines();
    expect(now.casePage.status).not.toBe('met');
    expect(now.sessionsPage.status).not.toBe('met');

    // 11:00 in Missouri (CST) is 17:00 UTC: once it has started it counts, attendance recorded or not.
    t.clock.set('2026-03-02T17:00:00.000Z');
    now = await deadlines();
    expect(now.casePage.status).toBe('met');
    expect(now.sessionsPage.status).toBe('met');

    // And a later session is no longer warned about the first-session deadline.
    t.clock.advance(HOUR);
    const attended = await w.mediator.post(`${caseUrl}/sessions/${heldId}/held`, {
      attendedIds: [w.parentId, w.districtId],
    });
    expect(attended.statusCode).toBe(200);
    expect(firstSession(json<{ deadlines: Deadline[] }>(await w.parent.get(caseUrl)).deadlines).status).toBe(
      'met',
    );
    const next = json<{ warnings: string[] }>(
      await w.mediator.post(`${caseUrl}/sessions`, jointSession('2026-04-20', '10:00', 60)),
    );
    expect(next.warnings.join(' ')).not.toContain('First session held');
  });
});
