import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediatorDesk } from '../../../contracts/cases.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { buildRosterMediator } from '../../../test/cases.ts';
import { json, signedIn, signedInAs, type TestClient } from '../../../test/client.ts';
import { signedSpecialEducationAgreement } from '../../../test/compliance.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';
import { buildProgram } from '../../db/seed/builders.ts';

/**
 * The mediator's desk: across every case they mediate or co-mediate, what needs them now, each
 * item naming its case; nothing from cases they do not mediate.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const desk = async (client: TestClient) => {
  const response = await client.get('/api/v1/desk');
  expect(response.statusCode, response.body).toBe(200);
  return json<MediatorDesk>(response);
};

describe('the mediator’s desk', () => {
  it('gathers sessions, deadlines and promises across the mediator’s cases, co-mediated ones included', async () => {
    const programId = (await buildProgram(t.deps, { kind: 'special_education' })).id;
    const mediatorUser = await buildRosterMediator(t, {
      programId,
      name: 'Helen Park',
      rosters: ['special_education'],
    });
    // A case signed today (Monday 2 March 2026): its promises are due within the next weeks.
    const signed = await signedSpecialEducationAgreement(t, { mediator: mediatorUser, programId });
    // A case ready to schedule: its "first session scheduled" deadline is coming; a session set for Wednesday.
    const ready = await readySpecialEducationCase(t, { mediator: mediatorUser, programId });
    const mediator = await signedIn(t.app, mediatorUser);
    const set = await mediator.post(
      `/api/v1/cases/${ready.caseId}/sessions`,
      jointSession('2026-03-04', '09:30'),
    );
    expect(set.statusCode, set.body).toBe(201);
    // Another mediator's case, co-mediated by someone else: not on this desk.
    const other = await readySpecialEducationCase(t, { programId });

    const d = await desk(mediator);
    expect(d.today).toBe('2026-03-02');
    const refs = (items: { caseId: string }[]) => items.map((i) => i.caseId);
    expect(refs(d.sessions)).toContain(ready.caseId);
    const wednesday = d.sessions.find((s) => s.caseId === ready.caseId)!;
    expect(wednesday).toMatchObject({ kind: 'joint', today: false, minutes: 120 });
    // The signed case's session was today.
    expect(d.sessions.find((s) => s.caseId === signed.caseId)?.today).toBe(true);
    expect(d.promises.filter((p) => p.caseId === signed.caseId).map((p) => p.what)).toEqual([
      'The parent signs consent for the evaluation',
      'Speech therapy services begin',
    ]);
    expect(d.promises.every((p) => !p.overdue)).toBe(true);
    expect(d.signatures).toEqual([]);
    // A session set meets DESE's "scheduled" deadline; the 30 days to complete remain.
    expect(d.deadlines.map((x) => [x.caseId, x.label])).toContainEqual([ready.caseId, 'Mediation completed']);
    expect(d.deadlines.find((x) => x.caseId === ready.caseId)?.reference).toMatch(/^SE-/);
    for (const list of [d.sessions, d.promises, d.deadlines]) expect(refs(list)).not.toContain(other.caseId);

    // A co-mediator brought in sees the case on their desk too.
    const co = await buildRosterMediator(t, {
      programId,
      name: 'Elena Ortiz',
      rosters: ['special_education'],
    });
    const added = await mediator.post(`/api/v1/cases/${ready.caseId}/co-mediators`, { userId: co.id });
    expect(added.statusCode, added.body).toBe(201);
    const coDesk = await desk(await signedIn(t.app, co));
    expect(coDesk.sessions.map((s) => s.caseId)).toEqual([ready.caseId]);
  });

  it('someone who mediates nothing has an empty desk', async () => {
    const nobody = await desk(await signedInAs(t, {}));
    expect(nobody).toMatchObject({ offers: [], sessions: [], signatures: [], deadlines: [], promises: [] });
  });
});
