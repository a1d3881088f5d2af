import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import {
  buildRosterMediator,
  CALM_DISTRICT,
  CALM_PARENT,
  openSpecialEducationCase,
} from '../../../test/cases.ts';
import { json, signedIn, signedInAs, type TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { pdfWords } from '../../../test/pdf-text.ts';
import { buildProgram, type buildUser } from '../../db/seed/builders.ts';

let t: TestApp;
let program: { id: string };
let coordinator: TestClient;
const m: Record<string, Awaited<ReturnType<typeof buildUser>>> = {};

beforeAll(async () => {
  t = await createTestApp();
  program = await buildProgram(t.deps, { kind: 'special_education' });
  const other = await buildProgram(t.deps, { kind: 'special_education' });
  coordinator = await signedInAs(t, { grants: [{ role: 'coordinator', programId: program.id }] });
  const sped = { programId: program.id, rosters: ['special_education' as const] };
  m.avery = await buildRosterMediator(t, { ...sped, name: 'Avery Neutral' });
  m.blake = await buildRosterMediator(t, { ...sped, name: 'Blake Fair' });
  // Employed by the district involved (spelled differently) and by the state agency: never offered.
  m.casey = await buildRosterMediator(t, {
    ...sped,
    name: 'Casey District',
    employers: ['Riverside R-IV School Dist.'],
  });
  m.drew = await buildRosterMediator(t, {
    ...sped,
    name: 'Drew State',
    employers: ['Missouri Department of Elementary and Secondary Education'],
  });
  // In the program but not on the special-education list; on the list but not in the program.
  m.emery = await buildRosterMediator(t, { programId: program.id, name: 'Emery Civil', rosters: ['rule17'] });
  m.finley = await buildRosterMediator(t, {
    programId: other.id,
    name: 'Finley Elsewhere',
    rosters: ['special_education'],
  });
});
afterAll(async () => t.close());

async function throughScreening() {
  const opened = await openSpecialEducationCase(t, program.id);
  const { caseId, parent, district } = opened;
  await parent.put(`/api/v1/cases/${caseId}/screening`, { answers: CALM_PARENT, note: '' });
  await district.put(`/api/v1/cases/${caseId}/screening`, { answers: CALM_DISTRICT, note: '' });
  const decided = await coordinator.post(`/api/v1/cases/${caseId}/screening/decision`, {
    decision: 'proceed',
  });
  expect(decided.statusCode).toBe(200);
  return opened;
}

describe('choosing the mediator and the Agreement to Mediate (special education)', () => {
  it('34 CFR 300.506(c)(1): a mediator employed by the district or DESE is never offered', async () => {
    const { caseId, parent, district } = await throughScreening();
    for (const client of [parent, district, coordinator]) {
      const options = json<{ roster: { userId: string; name: string }[] }>(
        await client.get(`/api/v1/cases/${caseId}/mediator-options`),
      );
      expect(options.roster.map((r) => r.name).sort()).toEqual(['Avery Neutral', 'Blake Fair']);
    }
    const pickCasey = await parent.put(`/api/v1/cases/${caseId}/mediator-picks`, {
      mediatorIds: [m.casey!.id],
    });
    expect(pickCasey.statusCode).toBe(400);
    expect(json(pickCasey).error).toMatchObject({ fields: { 'mediatorIds.0': expect.any(String) } });
    const appointDrew = await coordinator.post(`/api/v1/cases/${caseId}/mediator/appointment`, {
      mediatorId: m.drew!.id,
    });
    expect(appointDrew.statusCode).toBe(422);
  });

  it('both pick, the overlap is offered, the mediator accepts with no conflict, both sign: ready to schedule with DESE deadlines', async () => {
    const { caseId, parent, district, parentUser, districtEmail } = await throughScreening();
    const first = await parent.put(`/api/v1/cases/${caseId}/mediator-picks`, {
      mediatorIds: [m.avery!.id, m.blake!.id],
    });
    expect(json(first)).toEqual({ offered: null });
    const second = await district.put(`/api/v1/cases/${caseId}/mediator-picks`, {
      mediatorIds: [m.blake!.id],
    });
    expect(json(second)).toEqual({ offered: { userId: m.blake!.id, name: 'Blake Fair' } });
    const offerMail = await lastEmailTo(t.db, m.blake!.email, 'case-mediator-offer');
    expect(offerMail.text_body).toMatch(/accept or decline/);

    const mediator = await signedIn(t.app, m.blake!);
    expect(json(await mediator.get('/api/v1/cases')).length ?? 0).toBeGreaterThan(0);
    // The offered mediator does not see the parties' choices.
    expect((await mediator.get(`/api/v1/cases/${caseId}/mediator-options`)).statusCode).toBe(403);
    const accepted = await mediator.post(`/api/v1/cases/${caseId}/mediator/response`, {
      accept: true,
      conflict: 'none',
    });
    expect(json(accepted)).toMatchObject({ state: 'agreement_to_mediate', accepted: true });
    const view = json<{ mediator: { name: string; disclosure: string } }>(
      await parent.get(`/api/v1/cases/${caseId}`),
    );
    expect(view.mediator).toMatchObject({ name: 'Blake Fair', disclosure: 'No conflict of interest.' });
    expect((await lastEmailTo(t.db, parentUser.email, 'case-mediator-accepted')).text_body).toMatch(
      /no conflict/,
    );

    const atm = json<{ sha256: string; text: string }>(
      await parent.get(`/api/v1/cases/${caseId}/agreement-to-mediate`),
    );
    expect(atm.text).toMatch(/20 U\.S\.C\. 1415\(e\)\(2\)\(G\)/);
    const sign = (client: TestClient, name: string, sha = atm.sha256) =>
      client.post(`/api/v1/cases/${caseId}/agreement-to-mediate/signatures`, {
        documentSha256: sha,
        intent: true,
        consentToElectronic: true,
        typedName: name,
      });
    expect((await sign(parent, 'Rosa Lopez', 'f'.repeat(64))).statusCode).toBe(409);
    const noConsent = await parent.post(`/api/v1/cases/${caseId}/agreement-to-mediate/signatures`, {
      documentSha256: atm.sha256,
      intent: true,
      consentToElectronic: false,
      typedName: 'Rosa Lopez',
    });
    expect(json(noConsent).error).toMatchObject({ fields: { consentToElectronic: expect.any(String) } });
    // The signature is the signer's full name: a first name alone is refused, naming the field.
    const firstName = await sign(parent, 'Rosa');
    expect(firstName.statusCode).toBe(400);
    expect(json(firstName).error).toMatchObject({
      fields: { typedName: expect.stringContaining('Rosa Lopez') },
    });
    expect((await sign(parent, 'Rosa Lopez')).statusCode).toBe(201);
    // RSMo 435.014: with one signature missing, the case is not ready to schedule.
    expect(json(await parent.get(`/api/v1/cases/${caseId}`))).toMatchObject({
      state: 'agreement_to_mediate',
    });
    expect((await sign(parent, 'Rosa Lopez')).statusCode).toBe(409);
    expect(
      (await mediator.post(`/api/v1/cases/${caseId}/agreement-to-mediate/signatures`, {})).statusCode,
    ).toBe(400);

    const last = await sign(district, 'Dana Director');
    expect(json(last)).toMatchObject({ state: 'ready_to_schedule' });
    const ready = json<{
      state: string;
      deadlines: { id: string; dueDate: string; status: string; shown: string }[];
    }>(await district.get(`/api/v1/cases/${caseId}`));
    expect(ready.state).toBe('ready_to_schedule');
    // Consent and the mediator's acceptance both happened on 2 March (Missouri time) in this test.
    expect(ready.deadlines).toEqual([
      expect.objectContaining({ id: 'session_scheduled', dueDate: '2026-03-17', status: 'upcoming' }),
      expect.objectContaining({ id: 'mediation_completed', dueDate: '2026-04-01', status: 'upcoming' }),
    ]);
    expect(ready.deadlines[0]!.shown).toMatch(/Tuesday, March 17, 2026, end of day \(Missouri time\)/);
    expect((await lastEmailTo(t.db, districtEmail, 'case-ready-to-schedule')).text_body).toMatch(
      /March 17, 2026/,
    );

    for (const client of [parent, district]) {
      const pdf = await client.get(`/api/v1/cases/${caseId}/agreement-to-mediate.pdf`);
      expect(pdf.statusCode).toBe(200);
      const text = pdfWords(pdf.rawPayload);
      expect(text).toContain('/s/ Rosa Lopez');
      expect(text).toContain('/s/ Dana Director');
      expect(text.replace(/\s+/g, '')).toContain(atm.sha256);
    }
    const sig = await t.db.selectFrom('signatures').selectAll().where('case_id', '=', caseId).execute();
    expect(sig).toHaveLength(2);
    expect(sig[0]).toMatchObject({
      consented_to_electronic: 1,
      document_sha256: atm.sha256,
      ip: '127.0.0.1',
    });
  });

  it('illegal steps are refused: signing before a mediator, picking after one accepted', async () => {
    const { caseId, parent } = await throughScreening();
    const early = await parent.post(`/api/v1/cases/${caseId}/agreement-to-mediate/signatures`, {
      documentSha256: '0'.repeat(64),
      intent: true,
      consentToElectronic: true,
      typedName: 'Rosa Lopez',
    });
    expect(json<{ error: { code: string; message: string } }>(early).error.code).toMatch(
      /INVALID_TRANSITION|NOT_FOUND/,
    );
    const appoint = await coordinator.post(`/api/v1/cases/${caseId}/mediator/appointment`, {
      rotation: true,
    });
    expect(appoint.statusCode).toBe(200);
    const mediatorId = json<{ offered: { userId: string } }>(appoint).offered.userId;
    const mediator = await signedIn(t.app, Object.values(m).find((x) => x.id === mediatorId)!);
    await mediator.post(`/api/v1/cases/${caseId}/mediator/response`, { accept: true, conflict: 'none' });
    const pick = await parent.put(`/api/v1/cases/${caseId}/mediator-picks`, { mediatorIds: [mediatorId] });
    expect(json<{ error: { code: string; message: string } }>(pick).error.code).toBe('INVALID_TRANSITION');
    const disclosed = await mediator.post(`/api/v1/cases/${caseId}/mediator/response`, {
      accept: true,
      conflict: 'none',
    });
    expect(disclosed.statusCode).toBe(403);
  });

  it('a mediator who declines is passed over, and a disclosure is shown to the parties', async () => {
    const { caseId, parent, district } = await throughScreening();
    await parent.put(`/api/v1/cases/${caseId}/mediator-picks`, { mediatorIds: [m.avery!.id, m.blake!.id] });
    const offered = json<{ offered: { userId: string } }>(
      await district.put(`/api/v1/cases/${caseId}/mediator-picks`, {
        mediatorIds: [m.avery!.id, m.blake!.id],
      }),
    ).offered;
    const firstMediator = await signedIn(t.app, offered.userId === m.avery!.id ? m.avery! : m.blake!);
    const noDisclosure = await firstMediator.post(`/api/v1/cases/${caseId}/mediator/response`, {
      accept: true,
      conflict: 'disclosed',
    });
    expect(json(noDisclosure).error).toMatchObject({ fields: { disclosure: expect.any(String) } });
    await firstMediator.post(`/api/v1/cases/${caseId}/mediator/response`, { accept: false });
    const secondId = offered.userId === m.avery!.id ? m.blake! : m.avery!;
    const second = await signedIn(t.app, secondId);
    const ok = await second.post(`/api/v1/cases/${caseId}/mediator/response`, {
      accept: true,
      conflict: 'disclosed',
      disclosure: 'I met the district director at a training in 2019.',
    });
    expect(ok.statusCode).toBe(200);
    const view = json<{ mediator: { disclosure: string } }>(await district.get(`/api/v1/cases/${caseId}`));
    expect(view.mediator.disclosure).toMatch(/training in 2019/);
  });
});
