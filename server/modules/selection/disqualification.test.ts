import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { buildRosterMediator, CALM_ANSWERS, familyReferral } from '../../../test/cases.ts';
import { json, signedIn, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';
import { DAY } from '../../infra/clock.ts';

let t: TestApp;
let program: { id: string };
let coordinatorUser: Awaited<ReturnType<typeof buildUser>>;
let mediatorUser: Awaited<ReturnType<typeof buildUser>>;
beforeAll(async () => {
  t = await createTestApp();
  program = await buildProgram(t.deps, { kind: 'family' });
  coordinatorUser = await buildUser(t.deps, { grants: [{ role: 'coordinator', programId: program.id }] });
  mediatorUser = await buildRosterMediator(t, {
    programId: program.id,
    name: 'Morgan Family',
    rosters: ['rule88'],
  });
});
afterAll(async () => t.close());

let n = 0;
/** A Rule 88 case entered by the coordinator, both parents joined, screened, mediator appointed and accepted. */
async function familyCaseWithMediator() {
  n += 1;
  const coordinator = await signedIn(t.app, coordinatorUser);
  const emails = { pat: `pat${n}@example.test`, riley: `riley${n}@example.test` };
  const created = await coordinator.post(
    '/api/v1/cases',
    familyReferral(program.id, emails, { caseNumber: `2616-FC0${n}` }),
  );
  const caseId = json<{ id: string }>(created).id;
  const join = async (email: string) => {
    const client = new TestClient(t.app);
    const { token } = await lastEmailTo(t.db, email, 'invitation-case-party');
    await client.post('/api/v1/invitations/accept', { token, password: 'a long parent password' });
    return client;
  };
  const pat = await join(emails.pat);
  const riley = await join(emails.riley);
  for (const c of [pat, riley])
    await c.put(`/api/v1/cases/${caseId}/screening`, { answers: CALM_ANSWERS, note: '' });
  await coordinator.post(`/api/v1/cases/${caseId}/screening/decision`, { decision: 'proceed' });
  const appointed = await coordinator.post(`/api/v1/cases/${caseId}/mediator/appointment`, {
    mediatorId: mediatorUser.id,
  });
  expect(appointed.statusCode).toBe(200);
  const mediator = await signedIn(t.app, mediatorUser);
  await mediator.post(`/api/v1/cases/${caseId}/mediator/response`, { accept: true, conflict: 'none' });
  return { caseId, pat, riley, emails, coordinator };
}

describe('Rule 88.04: disqualifying the mediator', () => {
  it('the other party has 10 days to deny; the court decides only after the window', async () => {
    const { caseId, pat, emails, coordinator } = await familyCaseWithMediator();
    expect(json(await pat.get(`/api/v1/cases/${caseId}`))).toMatchObject({ state: 'agreement_to_mediate' });
    const asked = await pat.post(`/api/v1/cases/${caseId}/disqualification-requests`, {
      reason: 'The mediator coached my former partner’s soccer team.',
    });
    expect(asked.statusCode).toBe(201);
    const { id, denyBy } = json<{ id: string; denyBy: string }>(asked);
    // Asked on 2 March 2026 (Missouri time): the window runs through the end of 12 March, Missouri time.
    expect(denyBy).toBe('2026-03-13T04:59:59.000Z');
    expect((await lastEmailTo(t.db, emails.riley, 'case-disqualification-requested')).text_body).toMatch(
      /within 10 days/,
    );
    const view = json<{ deadlines: { id: string; dueDate: string; status: string }[] }>(
      await pat.get(`/api/v1/cases/${caseId}`),
    );
    expect(view.deadlines).toContainEqual(
      expect.objectContaining({ id: 'disqualification_denial', dueDate: '2026-03-12', status: 'upcoming' }),
    );

    const early = await coordinator.post(`/api/v1/cases/${caseId}/disqualification-requests/${id}/decision`, {
      grant: true,
    });
    expect(early.statusCode).toBe(422);
    expect(json<{ error: { code: string; message: string } }>(early).error.message).toMatch(/Rule 88.04/);
    // The asking party cannot deny their own request.
    expect(
      (await pat.post(`/api/v1/cases/${caseId}/disqualification-requests/${id}/denial`, { reason: 'x' }))
        .statusCode,
    ).toBe(403);

    t.clock.advance(11 * DAY);
    const riley = await new TestClient(t.app).signIn(emails.riley, 'a long parent password');
    const late = await riley.post(`/api/v1/cases/${caseId}/disqualification-requests/${id}/denial`, {
      reason: 'I disagree',
    });
    expect(late.statusCode).toBe(422);
    expect(json<{ error: { code: string; message: string } }>(late).error.message).toMatch(
      /10 days to deny this request ended on 2026-03-12/,
    );
    const coordinatorLater = await signedIn(t.app, coordinatorUser);
    const granted = await coordinatorLater.post(
      `/api/v1/cases/${caseId}/disqualification-requests/${id}/decision`,
      {
        grant: true,
      },
    );
    expect(json(granted)).toMatchObject({ outcome: 'granted', state: 'choosing_mediator' });
    const after = json<{ mediator: unknown; state: string }>(
      await coordinatorLater.get(`/api/v1/cases/${caseId}`),
    );
    expect(after).toMatchObject({ state: 'choosing_mediator', mediator: null });
    // The disqualified mediator is not offered again, and no longer sees the case.
    const again = await coordinatorLater.post(`/api/v1/cases/${caseId}/mediator/appointment`, {
      rotation: true,
    });
    expect(again.statusCode).toBe(422);
    expect((await (await signedIn(t.app, mediatorUser)).get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('a denial within the 10 days is recorded and sent to the court to decide', async () => {
    const { caseId, pat, riley, coordinator } = await familyCaseWithMediator();
    const { id } = json<{ id: string }>(
      await pat.post(`/api/v1/cases/${caseId}/disqualification-requests`, { reason: 'A conflict.' }),
    );
    const denied = await riley.post(`/api/v1/cases/${caseId}/disqualification-requests/${id}/denial`, {
      reason: 'The mediator is fair.',
    });
    expect(json(denied)).toEqual({ outcome: 'denied' });
    const refused = await coordinator.post(
      `/api/v1/cases/${caseId}/disqualification-requests/${id}/decision`,
      {
        grant: false,
      },
    );
    expect(json(refused)).toMatchObject({ outcome: 'refused', state: 'agreement_to_mediate' });
    const list = json<{ outcome: string; deniedAt: string }[]>(
      await pat.get(`/api/v1/cases/${caseId}/disqualification-requests`),
    );
    expect(list[0]).toMatchObject({ outcome: 'refused', deniedAt: expect.any(String) });
  });
});
