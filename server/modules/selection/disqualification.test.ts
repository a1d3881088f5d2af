import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEvents } from '../../../test/audit.ts';
import { buildRosterMediator, familyCaseAtAgreementToMediate } from '../../../test/cases.ts';
import { json, signedIn, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';
import { DAY } from '../../infra/clock.ts';
import { settleLapsedApplications } from './disqualification-settle.ts';

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
async function familyCaseWithMediator() {
  n += 1;
  return familyCaseAtAgreementToMediate(t, { programId: program.id, coordinatorUser, mediatorUser, n });
}

type Application = {
  id: string;
  outcome: string;
  lastDayToDeny: string | null;
  decidedBy: string | null;
  courtOrder: string | null;
  can: { deny: boolean; decide: boolean; recordCourtOrder: boolean };
};

describe('Rule 88.04: disqualifying the mediator', () => {
  it('undenied for 10 days, the mediator is disqualified and a new one is chosen; the program cannot refuse it', async () => {
    await coordinatorSetsCourtAddress();
    const { caseId, pat, emails, coordinator } = await familyCaseWithMediator();
    expect(json(await pat.get(`/api/v1/cases/${caseId}`))).toMatchObject({ state: 'agreement_to_mediate' });
    const asked = await pat.post(`/api/v1/cases/${caseId}/disqualification-requests`, {
      reason: 'The mediator coached my former partner’s soccer team.',
    });
    expect(asked.statusCode).toBe(201);
    const { id, denyBy, lastDayToDeny } = json<{ id: string; denyBy: string; lastDayToDeny: string }>(asked);
    // Asked on 2 March 2026 (Missouri time): the window runs through the end of 12 March, Missouri time.
    expect({ denyBy, lastDayToDeny }).toEqual({
      denyBy: '2026-03-13T04:59:59.000Z',
      lastDayToDeny: '2026-03-12',
    });
    expect((await lastEmailTo(t.db, emails.riley, 'case-disqualification-requested')).text_body).toMatch(
      /by the end of March 12, 2026 \(within 10 days, Rule 88\.04\(e\)\)/,
    );
    // The mediator, who reads English, is told in English, with the last day written out.
    expect((await lastEmailTo(t.db, mediatorUser.email, 'case-mediator-offer')).subject).toMatch(
      /^You are asked to mediate \S+$/,
    );
    const toMediator = await lastEmailTo(t.db, mediatorUser.email, 'case-disqualification-mediator');
    expect(toMediator.subject).toMatch(/: a request to disqualify you$/);
    expect(toMediator.text_body).toContain(
      'A party applied to disqualify you from this case (Rule 88.04(e)). If no other party denies it by the end of March 12, 2026, you are disqualified;',
    );
    // The court is told, at the address the program gave.
    expect((await lastEmailTo(t.db, COURT, 'case-court-disqualification-court')).text_body).toMatch(
      /application to disqualify the mediator/,
    );
    const view = json<{ deadlines: { id: string; dueDate: string; status: string }[] }>(
      await pat.get(`/api/v1/cases/${caseId}`),
    );
    expect(view.deadlines).toContainEqual(
      expect.objectContaining({ id: 'disqualification_denial', dueDate: '2026-03-12', status: 'upcoming' }),
    );
    const listed = json<Application[]>(
      await coordinator.get(`/api/v1/cases/${caseId}/disqualification-requests`),
    );
    expect(listed[0]).toMatchObject({ outcome: 'pending', can: { deny: false, decide: false } });

    // Neither the program nor "the court" decides an application no one has denied.
    for (const grant of [true, false]) {
      const early = await coordinator.post(
        `/api/v1/cases/${caseId}/disqualification-requests/${id}/decision`,
        {
          grant,
          courtOrder: 'Order of 5 March 2026',
        },
      );
      expect(early.statusCode).toBe(422);
      expect(json<{ error: { message: string } }>(early).error.message).toMatch(/Rule 88.04/);
    }
    // The asking party cannot deny their own request.
    expect(
      (await pat.post(`/api/v1/cases/${caseId}/disqualification-requests/${id}/denial`, { reason: 'x' }))
        .statusCode,
    ).toBe(403);

    t.clock.advance(11 * DAY);
    // Reading the applications records it too: shown as disqualified, the mediator leaves the
    // case and a new one is chosen; the job then finds nothing left to record.
    const coordinatorLater = await signedIn(t.app, coordinatorUser);
    const shown = json<Application[]>(
      await coordinatorLater.get(`/api/v1/cases/${caseId}/disqualification-requests`),
    );
    expect(shown[0]).toMatchObject({ outcome: 'granted', decidedBy: 'no_denial', can: { decide: false } });
    expect(await settleLapsedApplications(t.deps)).toBe(0);
    const after = json<{ mediator: unknown; state: string }>(
      await coordinatorLater.get(`/api/v1/cases/${caseId}`),
    );
    expect(after).toMatchObject({ state: 'choosing_mediator', mediator: null });
    expect((await lastEmailTo(t.db, emails.pat, 'case-disqualified-no-denial')).text_body).toMatch(
      /No party denied .* in time, so the mediator is disqualified \(Rule 88\.04\(e\)\)/,
    );
    expect((await lastEmailTo(t.db, mediatorUser.email, 'case-disqualified')).subject).toMatch(
      /no longer the mediator/,
    );

    const riley = await new TestClient(t.app).signIn(emails.riley, 'a long parent password');
    const late = await riley.post(`/api/v1/cases/${caseId}/disqualification-requests/${id}/denial`, {
      reason: 'I disagree',
    });
    expect(late.statusCode).toBe(422);
    expect(json<{ error: { message: string } }>(late).error.message).toMatch(
      /No one denied it within 10 days, so the mediator is disqualified/,
    );
    const refuse = await coordinatorLater.post(
      `/api/v1/cases/${caseId}/disqualification-requests/${id}/decision`,
      {
        grant: false,
        courtOrder: 'Order of 20 March 2026',
      },
    );
    expect(refuse.statusCode).toBe(409);
    expect(json<{ error: { message: string } }>(refuse).error.message).toMatch(
      /No one denied it within 10 days, so the mediator is disqualified/,
    );
    // The disqualified mediator is not offered again, and no longer sees the case.
    const again = await coordinatorLater.post(`/api/v1/cases/${caseId}/mediator/appointment`, {
      rotation: true,
    });
    expect(again.statusCode).toBe(422);
    expect((await (await signedIn(t.app, mediatorUser)).get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('a denial within the 10 days sends it to the court; the program records the court’s order, and cannot decide without one', async () => {
    const { caseId, pat, riley, coordinator } = await familyCaseWithMediator();
    const { id } = json<{ id: string }>(
      await pat.post(`/api/v1/cases/${caseId}/disqualification-requests`, { reason: 'A conflict.' }),
    );
    const rileyView = json<Application[]>(
      await riley.get(`/api/v1/cases/${caseId}/disqualification-requests`),
    );
    expect(rileyView[0]?.can).toEqual({ deny: true, decide: false, recordCourtOrder: false });
    const denied = await riley.post(`/api/v1/cases/${caseId}/disqualification-requests/${id}/denial`, {
      reason: 'The mediator is fair.',
    });
    expect(json(denied)).toEqual({ outcome: 'denied' });
    expect((await lastEmailTo(t.db, COURT, 'case-court-disqualification-denied-court')).text_body).toMatch(
      /the court decides it/,
    );
    const listed = json<Application[]>(
      await coordinator.get(`/api/v1/cases/${caseId}/disqualification-requests`),
    );
    expect(listed[0]?.can).toEqual({ deny: false, decide: true, recordCourtOrder: true });
    const noOrder = await coordinator.post(
      `/api/v1/cases/${caseId}/disqualification-requests/${id}/decision`,
      {
        grant: false,
      },
    );
    expect(noOrder.statusCode).toBe(400);
    expect(json(noOrder)).toMatchObject({ error: { fields: { courtOrder: expect.any(String) } } });
    const refused = await coordinator.post(
      `/api/v1/cases/${caseId}/disqualification-requests/${id}/decision`,
      {
        grant: false,
        courtOrder: 'Order of 10 March 2026, Division 3',
      },
    );
    expect(json(refused)).toMatchObject({ outcome: 'refused', state: 'agreement_to_mediate' });
    const list = json<(Application & { deniedAt: string })[]>(
      await pat.get(`/api/v1/cases/${caseId}/disqualification-requests`),
    );
    expect(list[0]).toMatchObject({
      outcome: 'refused',
      deniedAt: expect.any(String),
      decidedBy: 'court',
      courtOrder: 'Order of 10 March 2026, Division 3',
    });
    expect(
      (await lastEmailTo(t.db, `pat${n}@example.test`, 'case-disqualification-decided')).text_body,
    ).toMatch(/The court decided \(Order of 10 March 2026, Division 3\)\. The mediator stays on the case\./);
  });

  it('is refused once the mediation has begun, when the mediator could no longer leave the case', async () => {
    const { caseId, pat } = await familyCaseWithMediator();
    await t.db.updateTable('cases').set({ state: 'in_mediation' }).where('id', '=', caseId).execute();
    const asked = await pat.post(`/api/v1/cases/${caseId}/disqualification-requests`, {
      reason: 'A conflict.',
    });
    expect(asked.statusCode, asked.body).toBe(409);
    expect(json<{ error: { message: string } }>(asked).error.message).toMatch(/mediation has begun/);
  });

  it('the 10 days are counted by Rule 44.01(a): a last day on Thanksgiving moves to the Friday', async () => {
    // Filed Monday 16 November 2026 (Missouri time): day 10 is Thursday 26 November, Thanksgiving.
    t.clock.set('2026-11-16T15:00:00Z');
    const { caseId, pat, emails } = await familyCaseWithMediator();
    const asked = json<{ id: string; lastDayToDeny: string; denyBy: string }>(
      await pat.post(`/api/v1/cases/${caseId}/disqualification-requests`, { reason: 'A conflict.' }),
    );
    expect(asked).toMatchObject({ lastDayToDeny: '2026-11-27', denyBy: '2026-11-28T05:59:59.000Z' });
    // On the Friday the other parent may still deny it, and nothing has lapsed.
    t.clock.set('2026-11-27T22:00:00Z');
    expect(await settleLapsedApplications(t.deps)).toBe(0);
    const riley = await new TestClient(t.app).signIn(emails.riley, 'a long parent password');
    const denied = await riley.post(`/api/v1/cases/${caseId}/disqualification-requests/${asked.id}/denial`, {
      reason: 'The mediator is fair.',
    });
    expect(denied.statusCode).toBe(200);
  });
});

describe('an undenied application whose time runs out after the mediation began', () => {
  it('ends without effect (the mediator stays, everyone is told), and one case the job cannot record never stops the others', async () => {
    await coordinatorSetsCourtAddress();
    const apply = async () => {
      const made = await familyCaseWithMediator();
      const { id } = json<{ id: string }>(
        await made.pat.post(`/api/v1/cases/${made.caseId}/disqualification-requests`, {
          reason: 'A conflict.',
        }),
      );
      t.clock.advance(60_000); // filed one after another: the job meets them in this order
      return { ...made, requestId: id };
    };
    // First in the job's order: a case it cannot read (its stored details are broken).
    const broken = await apply();
    // Filed before the mediation began; the mediation then began with the same mediator.
    const begun = await apply();
    // An ordinary one: the mediator is disqualified.
    const plain = await apply();
    // One on a case withdrawn meanwhile: it ends, and only the program is told.
    const closed = await apply();
    await t.db.updateTable('cases').set({ state: 'withdrawn' }).where('id', '=', closed.caseId).execute();
    await sql`update cases set details = ${'not json'} where id = ${broken.caseId}`.execute(t.db);
    await t.db.updateTable('cases').set({ state: 'in_mediation' }).where('id', '=', begun.caseId).execute();

    t.clock.advance(11 * DAY);
    expect(await settleLapsedApplications(t.deps)).toBe(3);
    const coordinator = await signedIn(t.app, coordinatorUser);
    const riley = await new TestClient(t.app).signIn(begun.emails.riley, 'a long parent password');

    const shown = json<Application[]>(
      await coordinator.get(`/api/v1/cases/${begun.caseId}/disqualification-requests`),
    );
    expect(shown[0]).toMatchObject({
      outcome: 'refused',
      decidedBy: 'mediation_began',
      can: { deny: false, decide: false },
    });
    expect(json(await coordinator.get(`/api/v1/cases/${begun.caseId}`))).toMatchObject({
      state: 'in_mediation',
      mediator: expect.objectContaining({ name: 'Morgan Family' }),
    });
    const told = [begun.emails.pat, begun.emails.riley, mediatorUser.email, coordinatorUser.email];
    for (const [to, template] of [
      ...told.map((to) => [to, 'case-disqualification-ended']),
      [COURT, 'case-court-disqualification-ended'],
    ] as const)
      expect((await lastEmailTo(t.db, to, template)).text_body).toMatch(
        /the mediation had already begun with this mediator .* ended without effect and the mediator stays/s,
      );
    const audit = await auditEvents(t.db, 'case.disqualification_ended', { subjectId: begun.requestId });
    expect(audit).toHaveLength(1);
    // A late denial is refused: the application is over.
    const late = await riley.post(
      `/api/v1/cases/${begun.caseId}/disqualification-requests/${begun.requestId}/denial`,
      { reason: 'I disagree' },
    );
    expect(late.statusCode).toBe(409);

    expect(json(await coordinator.get(`/api/v1/cases/${plain.caseId}`))).toMatchObject({
      state: 'choosing_mediator',
      mediator: null,
    });
    expect(
      (await lastEmailTo(t.db, coordinatorUser.email, 'case-disqualification-ended-closed')).text_body,
    ).toMatch(/The case closed before the time to deny/);
    await expect(lastEmailTo(t.db, closed.emails.pat, 'case-disqualification-ended')).rejects.toThrow();
    // The broken case is still waiting; the next run tries it again, and still records nothing else.
    const waiting = await t.db
      .selectFrom('disqualification_requests')
      .select('outcome')
      .where('id', '=', broken.requestId)
      .executeTakeFirstOrThrow();
    expect(waiting.outcome).toBe('pending');
    expect(await settleLapsedApplications(t.deps)).toBe(0);
  });
});

describe('packs where the program decides (special education)', () => {
  it('the coordinator is offered the decision, must say which, and the mediator stays or leaves by it', async () => {
    const { caseId, parent, coordinator, mediator, mediatorUser: quinn } = await readySpecialEducationCase(t);
    const { id } = json<{ id: string }>(
      await parent.post(`/api/v1/cases/${caseId}/disqualification-requests`, { reason: 'A conflict.' }),
    );
    // While it is open the mediation does not begin: no first session.
    const early = await mediator.post(`/api/v1/cases/${caseId}/sessions`, jointSession('2027-06-01'));
    expect(early.statusCode).toBe(422);
    expect(json<{ error: { message: string } }>(early).error.message).toMatch(/application to disqualify/);
    const listed = json<Application[]>(
      await coordinator.get(`/api/v1/cases/${caseId}/disqualification-requests`),
    );
    expect(listed[0]).toMatchObject({
      lastDayToDeny: null,
      can: { deny: false, decide: true, recordCourtOrder: false },
    });
    const parentView = json<Application[]>(
      await parent.get(`/api/v1/cases/${caseId}/disqualification-requests`),
    );
    expect(parentView[0]?.can).toEqual({ deny: false, decide: false, recordCourtOrder: false });
    const unsaid = await coordinator.post(
      `/api/v1/cases/${caseId}/disqualification-requests/${id}/decision`,
      {},
    );
    expect(unsaid.statusCode).toBe(400);
    expect(json(unsaid)).toMatchObject({
      error: { fields: { grant: 'Say whether the mediator is disqualified' } },
    });
    const kept = await coordinator.post(`/api/v1/cases/${caseId}/disqualification-requests/${id}/decision`, {
      grant: false,
    });
    expect(json(kept)).toMatchObject({ outcome: 'refused', state: 'ready_to_schedule' });
    const after = json<Application[]>(await parent.get(`/api/v1/cases/${caseId}/disqualification-requests`));
    expect(after[0]).toMatchObject({ outcome: 'refused', decidedBy: 'program', courtOrder: null });
    expect((await lastEmailTo(t.db, quinn.email, 'case-disqualification-decided')).text_body).toMatch(
      /The mediator stays on the case\./,
    );
    const scheduled = await mediator.post(`/api/v1/cases/${caseId}/sessions`, jointSession('2027-06-01'));
    expect(scheduled.statusCode, scheduled.body).toBe(201);
  });
});

const COURT = 'clerk@circuit.example';
/** The program gives the court's address for notices (the circuit clerk's). */
async function coordinatorSetsCourtAddress() {
  const coordinator = await signedIn(t.app, coordinatorUser);
  const set = await coordinator.put(`/api/v1/programs/${program.id}/rules/choices`, {
    courtNoticeEmail: COURT,
  });
  expect(set.statusCode).toBe(200);
}
