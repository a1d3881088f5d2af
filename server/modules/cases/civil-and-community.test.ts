import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_START, type TestApp } from '../../../test/app.ts';
import { CALM_GENERAL } from '../../../test/cases.ts';
import { json, signedIn, signedInAs, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';

/**
 * Part 1 for the two other kinds of program: a civil case under Rule 17, whose party files a
 * written opt-out request within its window, and a community-center case from the parties' own
 * words to "ready to schedule", all through the API.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** A Missouri date some days from the test clock's start. */
const dayFrom = (days: number) =>
  new Date(Date.parse(TEST_START) + days * 86_400_000).toISOString().slice(0, 10);

const civilReferral = (programId: string, respondentEmail: string, beginBy?: string) => ({
  form: 'court_referral',
  programId,
  respondent: { name: 'Acme Roofing LLC', email: respondentEmail, organization: 'Acme Roofing LLC' },
  description: 'A roof repair that leaked within a month; the contractor will not come back.',
  caseType: 'civil_claim',
  court: 'Circuit Court of Clay County',
  circuit: 7,
  caseNumber: '26CY-CV01234',
  rule: '17',
  orderDate: dayFrom(-5),
  ...(beginBy ? { beginBy } : {}),
  issues: ['repairs_or_performance'],
});

/** Counsel's written opt-out of the referral (Rule 17.03(b)), having conferred with the other side unless said. */
const optOut = (client: TestClient, caseId: string, reason: string, { conferred = true } = {}) =>
  client.post(`/api/v1/cases/${caseId}/opt-out`, { reason, conferred });

/** A civil case beginning on `beginBy`, the plaintiff's lawyer on it (joined by their link). */
async function civilCaseWithCounsel(respondent: string, beginBy: string, lawyer: string) {
  const program = await buildProgram(t.deps, { kind: 'civil' });
  const plaintiff = await signedInAs(t, { grants: [{ role: 'party' }] });
  const created = await plaintiff.post(
    '/api/v1/cases',
    civilReferral(program.id, `${respondent}@example.test`, beginBy),
  );
  const caseId = json<{ id: string }>(created).id;
  const email = `${lawyer.toLowerCase()}.counsel@example.test`;
  await plaintiff.post(`/api/v1/cases/${caseId}/participants`, {
    side: 'requester',
    role: 'attorney',
    name: `${lawyer} Counsel`,
    email,
    isAttorney: true,
  });
  const invite = await lastEmailTo(t.db, email, 'invitation-case-party');
  const counsel = new TestClient(t.app);
  await counsel.post('/api/v1/invitations/accept', {
    token: invite.token,
    password: 'counsel long password',
  });
  return { caseId, counsel };
}

describe('Rule 17: a written opt-out request and its deadline (civil case)', () => {
  it('a party files it within the window; it is recorded with its deadline, once', async () => {
    const program = await buildProgram(t.deps, { kind: 'civil' });
    await buildUser(t.deps, {
      email: 'civil.intake@example.test',
      grants: [{ role: 'coordinator', programId: program.id }],
    });
    const plaintiffEmail = 'casey.homeowner@example.test';
    const plaintiff = await signedInAs(t, {
      name: 'Casey Homeowner',
      email: plaintiffEmail,
      grants: [{ role: 'party' }],
    });
    // Rule 17.03: the court's deadline to begin is needed to count the window.
    const noDate = await plaintiff.post('/api/v1/cases', civilReferral(program.id, 'acme@example.test'));
    expect(noDate.statusCode).toBe(400);
    expect(json(noDate)).toMatchObject({ error: { fields: { beginBy: expect.any(String) } } });

    // Mediation must begin in 20 days: the opt-out window (the 30 days before) is open today.
    const beginBy = dayFrom(20);
    const created = await plaintiff.post(
      '/api/v1/cases',
      civilReferral(program.id, 'acme@example.test', beginBy),
    );
    expect(created.statusCode).toBe(201);
    const caseId = json<{ id: string }>(created).id;
    const view = json<{
      consent: object;
      deadlines: { id: string; dueDate: string; status: string; cite: string }[];
    }>(await plaintiff.get(`/api/v1/cases/${caseId}`));
    expect(view.consent).toMatchObject({
      kind: 'court_referred_opt_out',
      optOutAllowed: true,
      optOutRequestedAt: null,
    });
    const window = view.deadlines.find((d) => d.id === 'opt_out_window')!;
    // Its last day: the day before the deadline to begin.
    expect(window).toMatchObject({ dueDate: dayFrom(19), status: 'upcoming' });
    expect(window.cite).toMatch(/17\.03/);

    // The company joins by its link (a court referral needs no consent) and brings its lawyer.
    const { token } = await lastEmailTo(t.db, 'acme@example.test', 'invitation-case-party');
    const acme = new TestClient(t.app);
    expect(
      (await acme.post('/api/v1/invitations/accept', { token, password: 'acme long password' })).statusCode,
    ).toBe(200);
    // Rule 17.03(b) speaks of counsel: the company itself cannot opt out.
    const notCounsel = await optOut(acme, caseId, 'We are already in arbitration under the contract.');
    expect(notCounsel.statusCode).toBe(403);
    expect(json<{ error: { message: string } }>(notCounsel).error.message).toMatch(/lawyer/);
    const added = await acme.post(`/api/v1/cases/${caseId}/participants`, {
      side: 'respondent',
      role: 'attorney',
      name: 'Dana Counsel',
      email: 'dana.counsel@example.test',
      isAttorney: true,
    });
    expect(added.statusCode).toBe(201);
    const lawyerInvite = await lastEmailTo(t.db, 'dana.counsel@example.test', 'invitation-case-party');
    const counsel = new TestClient(t.app);
    expect(
      (
        await counsel.post('/api/v1/invitations/accept', {
          token: lawyerInvite.token,
          password: 'counsel long password',
        })
      ).statusCode,
    ).toBe(200);
    const counselView = json<{ can: { optOut: boolean } }>(await counsel.get(`/api/v1/cases/${caseId}`));
    expect(counselView.can.optOut).toBe(true);

    const empty = await optOut(counsel, caseId, '');
    expect(empty.statusCode).toBe(400);
    expect(json(empty)).toMatchObject({ error: { fields: { reason: expect.any(String) } } });
    const unconferred = await optOut(counsel, caseId, 'We are already in arbitration under the contract.', {
      conferred: false,
    });
    expect(unconferred.statusCode).toBe(400);
    expect(json(unconferred)).toMatchObject({
      error: { fields: { conferred: expect.stringMatching(/17\.03\(b\)/) } },
    });

    // Filed: the referral ends at once (no one grants it), and the court is told.
    const filed = await optOut(counsel, caseId, 'We are already in arbitration under the contract.');
    expect(filed.statusCode).toBe(200);
    expect(json(filed)).toMatchObject({
      deadline: dayFrom(19),
      optOutRequestedAt: expect.any(String),
      state: 'opted_out',
    });
    const again = await optOut(plaintiff, caseId, 'Me too.');
    expect(again.statusCode).toBe(409);

    const after = json<{
      state: string;
      consent: { optOutRequestedAt: string | null };
      deadlines: { id: string; status: string }[];
    }>(await plaintiff.get(`/api/v1/cases/${caseId}`));
    expect(after.state).toBe('opted_out');
    expect(after.consent.optOutRequestedAt).not.toBeNull();
    // No court address given: the program gets the court's notice to pass on, and its own.
    const forCourt = await lastEmailTo(t.db, 'civil.intake@example.test', 'case-court-opt-out');
    expect(forCourt.subject).toMatch(/^For the court: Case 26CY-CV01234: written opt-out/);
    expect(forCourt.text_body).toContain('pass this notice on to the court');
    const mail = await lastEmailTo(t.db, 'civil.intake@example.test', 'case-opt-out');
    expect(mail.subject).toContain('opted out of mediation');
    const toPlaintiff = await lastEmailTo(t.db, plaintiffEmail, 'case-opt-out');
    expect(toPlaintiff.text_body).toMatch(/The referral to mediation has ended/);
    for (const m of [forCourt, mail, toPlaintiff]) expect(m.text_body).not.toContain('arbitration');
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['data'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'case.opt_out_requested')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toMatchObject({
      side: 'respondent',
      deadline: dayFrom(19),
      endsReferral: true,
    });
    expect(audit.data).not.toContain('arbitration');
  });

  it('Rule 17.03(b)’s window: not before the thirty days before the deadline to begin, nor on or after it', async () => {
    // Mediation must begin in 45 days: the window opens on day 15.
    const { caseId, counsel } = await civilCaseWithCounsel('early', dayFrom(45), 'Sam');
    const early = await optOut(counsel, caseId, 'Trial.');
    expect(early.statusCode).toBe(422);
    expect(json<{ error: { message: string } }>(early).error.message).toContain(
      `from ${dayFrom(15)} through ${dayFrom(44)}`,
    );
  });

  it('too late: once the window has closed the request is refused, naming the date', async () => {
    // Mediation must begin today, so the window closed at the end of yesterday.
    const { caseId, counsel } = await civilCaseWithCounsel('late', dayFrom(0), 'Kim');
    const late = await optOut(counsel, caseId, 'We would rather go to trial.');
    expect(late.statusCode).toBe(422);
    expect(json(late)).toMatchObject({
      error: { message: expect.stringContaining(`ended on ${dayFrom(-1)}`) },
    });
  });

  it('a program whose pack takes no opt-out refuses one', async () => {
    const program = await buildProgram(t.deps, { kind: 'community' });
    const party = await signedInAs(t, { grants: [{ role: 'party' }] });
    const created = await party.post('/api/v1/cases', {
      form: 'community',
      programId: program.id,
      respondent: { name: 'Lee Neighbour', email: 'lee.n@example.test' },
      description: 'The fence between our yards.',
      caseType: 'neighbour',
    });
    const r = await optOut(party, json<{ id: string }>(created).id, 'No.');
    expect(r.statusCode).toBe(422);
  });
});

describe('a community-center case, from the parties’ own words to ready to schedule', () => {
  it('intake, consent, screening, appointment by the center, the Agreement to Mediate', async () => {
    const program = await buildProgram(t.deps, {
      kind: 'community',
      name: 'Ozarks Community Mediation Center',
    });
    const coordinatorUser = await buildUser(t.deps, {
      email: 'center@example.test',
      grants: [{ role: 'coordinator', programId: program.id }],
    });
    const mediatorUser = await buildUser(t.deps, {
      name: 'Morgan Volunteer',
      grants: [{ role: 'mediator', programId: program.id }],
    });
    const tenant = await signedInAs(t, { name: 'Jamie Tenant', grants: [{ role: 'party' }] });
    const words =
      'The heat has been off since November and my landlord says it is my fault. I want it fixed and a fair rent for the cold months.';

    const request = (caseType: string) =>
      tenant.post('/api/v1/cases', {
        form: 'community',
        programId: program.id,
        respondent: { name: 'Robin Landlord', email: 'robin@example.test' },
        description: words,
        caseType,
      });

    // Bad input names the field and saves nothing.
    const wrongType = await request('divorce');
    expect(wrongType.statusCode).toBe(400);
    expect(json(wrongType)).toMatchObject({ error: { fields: { caseType: expect.any(String) } } });
    expect(json<unknown[]>(await tenant.get('/api/v1/cases'))).toHaveLength(0);

    const created = await request('landlord_tenant');
    expect(created.statusCode).toBe(201);
    const { id: caseId, reference } = json<{ id: string; reference: string }>(created);
    expect(reference).toMatch(/^CM-/);
    const c = `/api/v1/cases/${caseId}`;
    const view = json<{
      state: string;
      title: string;
      caseType: string;
      details: { description: string };
      participants: { name: string; side: string; joined: boolean }[];
      rules: { issues: unknown[] };
    }>(await tenant.get(c));
    expect(view).toMatchObject({ state: 'awaiting_other_party', caseType: 'landlord_tenant' });
    // The dispute stays in the tenant's own words; no issue template is imposed.
    expect(view.details.description).toBe(words);
    expect(view.title).toBe(words.slice(0, 60));
    expect(view.rules.issues).toEqual([]);
    expect(view.participants.map((p) => [p.name, p.side, p.joined])).toEqual([
      ['Jamie Tenant', 'requester', true],
      ['Robin Landlord', 'respondent', false],
    ]);

    // The landlord is invited by e-mail and agrees.
    const invite = await lastEmailTo(t.db, 'robin@example.test', 'invitation-case-party');
    expect(invite.text_body).toContain('Mediation is voluntary');
    const landlord = new TestClient(t.app);
    const joined = await landlord.post('/api/v1/invitations/accept', {
      token: invite.token,
      password: 'robin long password',
    });
    expect(json(joined)).toMatchObject({ caseId });
    // Accepting was the landlord's yes: there is no second question.
    expect(json(await landlord.get(c))).toMatchObject({ state: 'screening', can: { agree: false } });

    // Both answer the private screening; the center decides to go ahead and appoints its mediator.
    for (const party of [tenant, landlord])
      expect((await party.put(`${c}/screening`, { answers: CALM_GENERAL, note: '' })).statusCode).toBe(200);
    const center = await signedIn(t.app, coordinatorUser);
    expect(
      (await center.post(`${c}/screening/decision`, { decision: 'proceed', safeguards: [] })).statusCode,
    ).toBe(200);
    // Center practice: the coordinator assigns; parties do not pick from a list.
    expect((await tenant.put(`${c}/mediator-picks`, { mediatorIds: [mediatorUser.id] })).statusCode).toBe(
      422,
    );
    const appointed = await center.post(`${c}/mediator/appointment`, { mediatorId: mediatorUser.id });
    expect(appointed.statusCode).toBe(200);
    const mediator = await signedIn(t.app, mediatorUser);
    expect(
      (await mediator.post(`${c}/mediator/response`, { accept: true, conflict: 'none' })).statusCode,
    ).toBe(200);

    // Both sign the Agreement to Mediate; the case is ready to schedule.
    const atm = json<{ sha256: string; text: string }>(await tenant.get(`${c}/agreement-to-mediate`));
    expect(atm.text).toContain('RSMo 435.014');
    for (const [party, name] of [
      [tenant, 'Jamie Tenant'],
      [landlord, 'Robin Landlord'],
    ] as const) {
      const signed = await party.post(`${c}/agreement-to-mediate/signatures`, {
        documentSha256: atm.sha256,
        intent: true,
        consentToElectronic: true,
        typedName: name,
      });
      expect(signed.statusCode).toBe(201);
    }
    expect(json(await landlord.get(c))).toMatchObject({ state: 'ready_to_schedule' });
  });
});
