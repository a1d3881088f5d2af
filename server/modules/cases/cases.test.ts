import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvitationPreview } from '../../../contracts/invitations.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import {
  DISTRICT,
  familyReferral,
  openSpecialEducationCase,
  specialEducationRequest,
} from '../../../test/cases.ts';
import { json, signedIn, signedInAs, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { pdfWords } from '../../../test/pdf-text.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';

let t: TestApp;
let program: { id: string };
let coordinator: Awaited<ReturnType<typeof buildUser>>;
beforeAll(async () => {
  t = await createTestApp();
  program = await buildProgram(t.deps, {
    kind: 'special_education',
    name: 'DESE Special Education Mediation',
  });
  coordinator = await buildUser(t.deps, { grants: [{ role: 'coordinator', programId: program.id }] });
});
afterAll(async () => t.close());

describe('special-education intake and consent', () => {
  it('a parent asks for mediation, gets the request letter, and the district is invited', async () => {
    const { caseId, parent, districtEmail } = await openSpecialEducationCase(t, program.id, {
      districtJoins: false,
    });
    const view = json(await parent.get(`/api/v1/cases/${caseId}`));
    expect(view).toMatchObject({
      state: 'awaiting_other_party',
      viewer: { kind: 'party', side: 'requester' },
    });

    const letter = await parent.get(`/api/v1/cases/${caseId}/request-letter.pdf`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    const text = pdfWords(letter.rawPayload);
    expect(text).toContain('Maya Lopez');
    expect(text).toContain(DISTRICT);
    expect(text).toContain('Evaluation');
    expect(text).toContain('Provision of services');
    expect(text).toMatch(/request(ing)? state-sponsored mediation/i);
    expect(text).toMatch(/Page 1 of \d/);

    const invite = await lastEmailTo(t.db, districtEmail, 'invitation-case-party');
    expect(invite.text_body).toMatch(
      /Rosa Lopez asked for free, state-sponsored special education mediation/,
    );
    const queue = json<{ reference: string }[]>(
      await (await signedIn(t.app, coordinator)).get(`/api/v1/programs/${program.id}/cases`),
    );
    expect(queue.some((c) => c.reference.startsWith('SE-'))).toBe(true);
  });

  it('the request letter reads in the language of the person who downloads it, citations as they are', async () => {
    const { caseId, parent } = await openSpecialEducationCase(t, program.id, { districtJoins: false });
    expect((await parent.patch('/api/v1/account', { language: 'es-US' })).statusCode).toBe(200);
    const letter = await parent.get(`/api/v1/cases/${caseId}/request-letter.pdf`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-disposition']).toContain('solicitud-de-mediacion-SE-');
    const text = pdfWords(letter.rawPayload);
    expect(text).toContain('Solicitud de mediación de educación especial patrocinada por el estado');
    expect(text).toContain('Nombre: Maya Lopez');
    expect(text).toContain(`Solicito una mediación patrocinada por el estado con ${DISTRICT}`);
    expect(text).toContain('(IDEA, 34 CFR 300.506) y RSMo 162.959');
    expect(text).toContain('Padre, madre o tutor');
    expect(text).not.toContain('I request state-sponsored mediation');
  });

  it('the invitation explains itself to the district, whose one answer is accepting or declining', async () => {
    const { caseId, districtEmail } = await openSpecialEducationCase(t, program.id, { districtJoins: false });
    const invite = await lastEmailTo(t.db, districtEmail, 'invitation-case-party');
    // The e-mail says what the request is about in general words, never its description.
    expect(invite.text_body).toContain('The disagreement is about: Evaluation; Provision of services');
    expect(invite.text_body).not.toContain('speech therapy');
    expect(invite.text_body).toContain('answer yes or no there, in one step');
    const link = new TestClient(t.app);
    const preview = json<InvitationPreview>(
      await link.post('/api/v1/invitations/lookup', { token: invite.token }),
    );
    expect(preview.canDecline).toBe(true);
    expect(preview.case).toMatchObject({
      askedBy: 'Rosa Lopez',
      acceptLabel: 'Yes, take part in mediation',
      courtReferred: false,
    });
    expect(preview.case!.acceptMeans).toMatch(
      /Mediation is voluntary: Riverside R-IV School District may say yes or no/,
    );
    expect(preview.case!.acceptMeans).toContain('nothing more to confirm');
    expect(preview.case!.declineMeans).toMatch(/the case closes and Rosa Lopez is told/);
    expect(preview.case!.declineNextSteps.join(' ')).toMatch(/due process complaint/);
    expect(preview.case!.request).toMatchObject({ description: expect.stringContaining('speech therapy') });
    expect(preview.case!.request!.facts).toContainEqual({ label: 'Student', value: 'Maya Lopez' });
    expect((await link.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(401);
  });

  it('the district declines from the link: the case closes as declined and the parent is told the next steps', async () => {
    const { caseId, parent, parentUser, districtEmail } = await openSpecialEducationCase(t, program.id, {
      districtJoins: false,
    });
    const { token } = await lastEmailTo(t.db, districtEmail, 'invitation-case-party');
    const declined = await new TestClient(t.app).post('/api/v1/invitations/decline', { token });
    expect(declined.statusCode, declined.body).toBe(200);
    const view = json(await parent.get(`/api/v1/cases/${caseId}`));
    expect(view).toMatchObject({ state: 'declined', closed: true, closeReason: 'declined' });
    expect((view.nextSteps as string[]).join(' ')).toMatch(/due process complaint/);
    const mail = await lastEmailTo(t.db, parentUser.email, 'case-declined');
    expect(mail.text_body).toMatch(/due process complaint/);
    expect(mail.text_body).toMatch(/child complaint/);
  });

  it('the district accepts and the case moves to screening at once; the parent cannot answer for the district', async () => {
    const { caseId, parent, parentUser, district } = await openSpecialEducationCase(t, program.id);
    expect(json(await district.get(`/api/v1/cases/${caseId}`))).toMatchObject({
      state: 'screening',
      viewer: { kind: 'party', side: 'respondent' },
      can: { agree: false, decline: false },
    });
    expect((await parent.post(`/api/v1/cases/${caseId}/response`, { decision: 'agree' })).statusCode).toBe(
      403,
    );
    // Nothing is asked twice: the request was answered by accepting.
    const again = await district.post(`/api/v1/cases/${caseId}/response`, { decision: 'agree' });
    expect(again.statusCode).toBe(409);
    expect((await lastEmailTo(t.db, parentUser.email, 'case-agreed')).subject).toMatch(
      /mediation is going ahead/,
    );
  });

  it('bad input gets 400 naming the field, and nothing is saved', async () => {
    const parent = await signedInAs(t, { grants: [{ role: 'party' }] });
    const before = json<unknown[]>(await parent.get('/api/v1/cases')).length;
    const body = specialEducationRequest(program.id, 'rep@riverside.example');
    const noCategories = await parent.post('/api/v1/cases', { ...body, categories: [] });
    expect(noCategories.statusCode).toBe(400);
    expect(json(noCategories).error).toMatchObject({ fields: { categories: expect.any(String) } });
    const wrongCategory = await parent.post('/api/v1/cases', { ...body, categories: ['custody'] });
    expect(wrongCategory.statusCode).toBe(400);
    expect(json(wrongCategory).error).toMatchObject({
      fields: { categories: expect.stringContaining('identification') },
    });
    const noRequest = await parent.post('/api/v1/cases', { ...body, requestStateMediation: false });
    expect(json<{ error: { fields: object } }>(noRequest).error.fields).toHaveProperty(
      'requestStateMediation',
    );
    const badEmail = await parent.post('/api/v1/cases', {
      ...body,
      respondent: { name: 'X', email: 'nope' },
    });
    expect(json<{ error: { fields: object } }>(badEmail).error.fields).toHaveProperty('respondent.email');
    expect(json<unknown[]>(await parent.get('/api/v1/cases')).length).toBe(before);
  });

  it('a court-referred family case cannot be declined, only joined', async () => {
    const family = await buildProgram(t.deps, { kind: 'family' });
    const coord = await signedInAs(t, { grants: [{ role: 'coordinator', programId: family.id }] });
    const created = await coord.post(
      '/api/v1/cases',
      familyReferral(
        family.id,
        { pat: 'pat@example.test', riley: 'riley@example.test' },
        { issues: ['parenting_time', 'child_support'] },
      ),
    );
    expect(created.statusCode).toBe(201);
    const caseId = json<{ id: string }>(created).id;
    const { token } = await lastEmailTo(t.db, 'riley@example.test', 'invitation-case-party');
    const riley = new (await import('../../../test/client.ts')).TestClient(t.app);
    await riley.post('/api/v1/invitations/accept', { token, password: 'riley long password' });
    // Joining is taking part: the case moves to screening.
    expect(json(await riley.get(`/api/v1/cases/${caseId}`))).toMatchObject({ state: 'screening' });
    const wrongRule = await coord.post(
      '/api/v1/cases',
      familyReferral(family.id, { pat: 'a2@example.test', riley: 'b2@example.test' }, { rule: '17' }),
    );
    expect(json<{ error: { fields: object } }>(wrongRule).error.fields).toHaveProperty('rule');
  });

  it('someone not on the case gets 404', async () => {
    const { caseId } = await openSpecialEducationCase(t, program.id, { districtJoins: false });
    const stranger = await signedInAs(t, { grants: [{ role: 'party' }] });
    expect((await stranger.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/v1/cases/${caseId}/request-letter.pdf`)).statusCode).toBe(404);
  });
});
