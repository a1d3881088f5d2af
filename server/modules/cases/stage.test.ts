import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyCase } from '../../../contracts/case-lists.ts';
import type { QueuePage } from '../../../contracts/case-queue.ts';
import type { CaseView } from '../../../contracts/cases.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, type TestClient } from '../../../test/client.ts';
import { signedSpecialEducationAgreement } from '../../../test/compliance.ts';
import { readySpecialEducationCase } from '../../../test/mediation.ts';
import { DAY } from '../../infra/clock.ts';
import { refreshOpenDeadlines } from './queue.service.ts';

/**
 * A case's stage and deadlines agree with its agreement: a signed agreement is not "In
 * mediation", and a deadline the case met or moved past never shows as overdue, on the case
 * page, in the person's list of cases and in the program's work queue alike.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Moves the clock on, and signs the two people in again (their sessions ran out meanwhile). */
async function later(w: Awaited<ReturnType<typeof readySpecialEducationCase>>, days: number) {
  t.clock.advance(days * DAY);
  await refreshOpenDeadlines(t.deps);
  return {
    parent: await signedIn(t.app, w.parentUser),
    coordinator: await signedIn(t.app, w.coordinatorUser),
  };
}

const view = async (client: TestClient, caseId: string) =>
  json<CaseView>(await client.get(`/api/v1/cases/${caseId}`));
const mine = async (client: TestClient, caseId: string) =>
  json<MyCase[]>(await client.get('/api/v1/cases')).find((c) => c.id === caseId)!;
const queueRow = async (client: TestClient, programId: string, caseId: string) =>
  json<QueuePage>(await client.get(`/api/v1/programs/${programId}/queue?limit=100`)).rows.find(
    (r) => r.id === caseId,
  )!;

describe('a case with a signed agreement', () => {
  it('reads "Agreement signed" everywhere, and its 30-day deadline is met, not overdue, weeks later', async () => {
    const w = await signedSpecialEducationAgreement(t);
    // Forty days on: well past DESE's 30 days from agreeing to mediate.
    const { parent, coordinator } = await later(w, 40);
    const asParent = await view(parent, w.caseId);
    expect(asParent.state).toBe('in_mediation');
    expect(asParent.stateLabel).toBe('Agreement signed');
    expect(asParent.deadlines.find((d) => d.id === 'mediation_completed')?.status).toBe('met');
    expect(asParent.deadlines.map((d) => d.status)).not.toContain('overdue');
    expect((await mine(parent, w.caseId)).stateLabel).toBe('Agreement signed');
    const row = await queueRow(coordinator, w.programId, w.caseId);
    expect(row.stateLabel).toBe('Agreement signed');
    expect(row.nextDeadline).toBeNull();

    // Closed with its outcome: still nothing overdue.
    const mediator = await signedIn(t.app, w.mediatorUser);
    const closed = await mediator.post(`/api/v1/cases/${w.caseId}/outcome`, { outcome: 'full_agreement' });
    expect(closed.statusCode, closed.body).toBe(200);
    const again = await later(w, 30);
    const after = await view(again.parent, w.caseId);
    expect(after.stateLabel).toBe('Closed: full agreement');
    expect(after.deadlines.map((d) => d.status)).not.toContain('overdue');
    expect((await mine(again.parent, w.caseId)).stateLabel).toBe('Closed: full agreement');
  });
});

describe('deadlines a case moved past', () => {
  it('a case withdrawn before its first session was set: the session deadline no longer applies', async () => {
    const w = await readySpecialEducationCase(t);
    expect((await w.parent.post(`/api/v1/cases/${w.caseId}/withdraw`)).statusCode).toBe(200);
    const { parent, coordinator } = await later(w, 20);
    const c = await view(parent, w.caseId);
    expect(c.deadlines.find((d) => d.id === 'session_scheduled')?.status).toBe('no_longer_applies');
    expect(c.deadlines.map((d) => d.status)).not.toContain('overdue');
    expect((await queueRow(coordinator, w.programId, w.caseId)).nextDeadline).toBeNull();
  });

  it('an open case past its date is still overdue', async () => {
    const w = await readySpecialEducationCase(t);
    const { parent, coordinator } = await later(w, 20);
    const c = await view(parent, w.caseId);
    expect(c.deadlines.find((d) => d.id === 'session_scheduled')?.status).toBe('overdue');
    expect((await queueRow(coordinator, w.programId, w.caseId)).nextDeadline?.status).toBe('overdue');
  });
});
