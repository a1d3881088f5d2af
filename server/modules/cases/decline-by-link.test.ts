import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_PACKS } from '../../../domain/rule-packs/index.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { familyReferral, inviteToProgram, openSpecialEducationCase } from '../../../test/cases.ts';
import { json, signedInAs, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';
import { theirNextSteps } from './consent.service.ts';

/**
 * Issue 4, consent: the other party is invited by e-mail link and accepts or declines. Declining
 * needs no account; on a voluntary case it closes the case as declined and tells the requester the
 * next steps in plain words. A court-referred case cannot be declined this way.
 */
let t: TestApp;
let program: { id: string };
beforeAll(async () => {
  t = await createTestApp();
  program = await buildProgram(t.deps, { kind: 'special_education' });
  await buildUser(t.deps, {
    email: 'intake@dese.example',
    grants: [{ role: 'coordinator', programId: program.id }],
  });
});
afterAll(async () => t.close());

describe('declining a case invitation from the e-mailed link', () => {
  it('the district says no without an account: the case closes as declined, the parent gets next steps', async () => {
    const { caseId, parent, parentUser, districtEmail } = await openSpecialEducationCase(t, program.id, {
      districtJoins: false,
    });
    const { token } = await lastEmailTo(t.db, districtEmail, 'invitation-case-party');
    const stranger = new TestClient(t.app, '10.9.9.9');
    const preview = json(await stranger.post('/api/v1/invitations/lookup', { token }));
    expect(preview).toMatchObject({ canDecline: true, hasAccount: false });
    // What the parent can do then is said about them, in the page's language.
    type Said = { case: { declineMeans: string; declineNextSteps: string[]; acceptLabel: string } };
    const read = async (language: string) =>
      json<Said>(
        await stranger.post(
          '/api/v1/invitations/lookup',
          { token },
          { headers: { 'accept-language': language } },
        ),
      ).case;
    const english = await read('en-US');
    const spanish = await read('es-US');
    expect(english.declineNextSteps).toEqual([
      'They can file a due process complaint with DESE. A hearing officer decides.',
      'They can file a child complaint with DESE. DESE looks into it and decides.',
      'They can ask for mediation again later.',
    ]);
    expect(spanish.declineNextSteps).toEqual([
      'Puede presentar ante DESE una queja de debido proceso. Un oficial de audiencias decide.',
      'Puede presentar ante DESE una queja estatal sobre el niño (child complaint). DESE la investiga y decide.',
      'Puede pedir la mediación de nuevo más adelante.',
    ]);
    expect(english.declineMeans).toMatch(/^If you say no, the case closes and .+ is told/);
    expect(spanish.declineMeans).toMatch(/^Si dice que no, el caso se cierra y se le avisa a /);
    expect([english.acceptLabel, spanish.acceptLabel]).toEqual([
      'Yes, take part in mediation',
      'Sí, participar en la mediación',
    ]);

    const tooLong = await stranger.post('/api/v1/invitations/decline', { token, reason: 'x'.repeat(1001) });
    expect(tooLong.statusCode).toBe(400);
    expect(json(tooLong)).toMatchObject({ error: { fields: { reason: expect.any(String) } } });

    const declined = await stranger.post('/api/v1/invitations/decline', {
      token,
      reason: 'We will hold an IEP meeting instead.',
    });
    expect(declined.statusCode).toBe(200);
    expect(json(declined)).toEqual({ declined: true, caseId });

    expect(json(await parent.get(`/api/v1/cases/${caseId}`))).toMatchObject({
      state: 'declined',
      closed: true,
      closeReason: 'declined',
      nextSteps: expect.arrayContaining([expect.stringMatching(/due process/i)]),
    });
    const mail = await lastEmailTo(t.db, parentUser.email, 'case-declined');
    expect(mail.text_body).toMatch(/Dana Director decided not to take part/);
    expect(mail.text_body).toMatch(/due process complaint/i);
    expect(mail.text_body).not.toContain('IEP meeting instead');
    const coordinatorMail = await lastEmailTo(t.db, 'intake@dese.example', 'case-declined-coordinator');
    expect(coordinatorMail.text_body).toContain('IEP meeting instead');

    // The link is used up: it can be neither declined again nor accepted.
    expect((await stranger.post('/api/v1/invitations/decline', { token })).statusCode).toBe(410);
    expect(
      (await stranger.post('/api/v1/invitations/accept', { token, password: 'a long password here' }))
        .statusCode,
    ).toBe(410);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['kind', 'actor_id'])
      .where('case_id', '=', caseId)
      .where('kind', 'in', ['invitation.declined', 'case.state_changed'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.kind)).toEqual(
      expect.arrayContaining(['invitation.declined', 'case.state_changed']),
    );
  });

  it('accepting instead takes the person to the case', async () => {
    const { caseId, districtEmail } = await openSpecialEducationCase(t, program.id, { districtJoins: false });
    const { token } = await lastEmailTo(t.db, districtEmail, 'invitation-case-party');
    const accepted = await new TestClient(t.app).post('/api/v1/invitations/accept', {
      token,
      password: 'district rep password',
    });
    expect(json(accepted)).toMatchObject({ caseId });
  });

  it('a court-referred family case cannot be declined from the link, and the link still works', async () => {
    const family = await buildProgram(t.deps, { kind: 'family' });
    const coord = await signedInAs(t, { grants: [{ role: 'coordinator', programId: family.id }] });
    const created = await coord.post(
      '/api/v1/cases',
      familyReferral(family.id, { pat: 'pat.decline@example.test', riley: 'riley.decline@example.test' }),
    );
    const caseId = json<{ id: string }>(created).id;
    const { token } = await lastEmailTo(t.db, 'riley.decline@example.test', 'invitation-case-party');
    const riley = new TestClient(t.app);
    const refused = await riley.post('/api/v1/invitations/decline', { token });
    expect(refused.statusCode).toBe(422);
    expect(json<{ error: { message: string } }>(refused).error.message).toMatch(/Rule 88/);
    expect(json(await coord.get(`/api/v1/cases/${caseId}`))).toMatchObject({ state: 'awaiting_other_party' });
    expect(
      (await riley.post('/api/v1/invitations/accept', { token, password: 'riley long password' })).statusCode,
    ).toBe(200);
  });

  it('a program invitation cannot be declined from the link (it simply expires)', async () => {
    const admin = await signedInAs(t, { grants: [{ role: 'admin' }] });
    await inviteToProgram(admin, program.id, { email: 'new.mediator@example.test', name: 'New Mediator' });
    const { token } = await lastEmailTo(t.db, 'new.mediator@example.test');
    const anon = new TestClient(t.app);
    expect(json(await anon.post('/api/v1/invitations/lookup', { token }))).toMatchObject({
      canDecline: false,
    });
    expect((await anon.post('/api/v1/invitations/decline', { token })).statusCode).toBe(409);
  });
});

describe("the asker's next steps on the invitation page", () => {
  it.each(
    RULE_PACKS.filter((p) => p.consent.value === 'voluntary' || p.consent.value === 'both_must_agree').map(
      (p) => [p.id, p] as const,
    ),
  )('%s: every one is in the catalog, in each language', (_, pack) => {
    const english = theirNextSteps(pack, 'en-US');
    const spanish = theirNextSteps(pack, 'es-US');
    expect(english).toEqual(pack.nextSteps.value.map((s) => s.replace(/^You can /, 'They can ')));
    for (const [i, s] of spanish.entries()) expect(s).not.toBe(english[i]);
  });

  it('read as the pack writes them where the catalog does not say the same', () => {
    const pack = (steps: string[]) => ({
      id: 'community-center',
      nextSteps: { value: steps, cite: '', asOf: '', confirmed: true },
    });
    expect(theirNextSteps(pack(['You can take the matter to court.']) as never, 'es-US')).toEqual([
      'You can take the matter to court.',
    ]);
    expect(
      theirNextSteps(
        pack(['You can ask for mediation again later.', 'You can take the matter to court.']) as never,
        'es-US',
      ),
    ).toEqual(['Puede pedir la mediación de nuevo más adelante.', 'Puede llevar el asunto a un tribunal.']);
  });
});
