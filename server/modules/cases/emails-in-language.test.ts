import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import {
  buildRosterMediator,
  familyCaseAtAgreementToMediate,
  specialEducationRequest,
} from '../../../test/cases.ts';
import { json, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';

// Each person reads Parley's e-mails in the language of their account (issue 19): two people on
// one case, told the same thing at the same moment, each get it in their own language.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('e-mails in each reader’s language', () => {
  it('sends the sign-up confirmation in the language chosen on the form', async () => {
    const client = new TestClient(t.app);
    const answer = await client.post('/api/v1/auth/sign-up', {
      name: 'Lucía Herrera',
      email: 'lucia.herrera@example.test',
      password: 'una contraseña bastante larga',
      language: 'es-US',
    });
    expect(answer.statusCode).toBe(202);
    const email = await lastEmailTo(t.db, 'lucia.herrera@example.test', 'verify-email');
    expect(email.subject).toBe('Confirme su correo electrónico para Parley');
    expect(email.text_body).toMatch(/^Hola, Lucía Herrera:\n\nPor favor, confirme/);
    const { token } = email;
    expect((await client.post('/api/v1/auth/verify-email', { token })).statusCode).toBe(200);
    await client.signIn('lucia.herrera@example.test', 'una contraseña bastante larga');
    expect(json(await client.get('/api/v1/account'))).toMatchObject({ language: 'es-US' });
  });

  it('refuses a language Parley does not have, naming the field', async () => {
    const person = await buildUser(t.deps);
    const client = await new TestClient(t.app).signIn(person.email, person.password);
    const answer = await client.patch('/api/v1/account', { language: 'fr-FR' });
    expect(answer.statusCode).toBe(400);
    expect(json(answer)).toMatchObject({ error: { fields: { language: expect.any(String) } } });
  });

  it('a parent who reads Spanish gets the IEP request’s receipt in Spanish; the district its invitation in English', async () => {
    const program = await buildProgram(t.deps, { kind: 'special_education' });
    const parentUser = await buildUser(t.deps, { name: 'Rosa López', grants: [{ role: 'party' }] });
    const parent = await new TestClient(t.app).signIn(parentUser.email, parentUser.password);
    expect((await parent.patch('/api/v1/account', { language: 'es-US' })).statusCode).toBe(200);
    const districtEmail = 'rep-language@riverside.example';
    const created = await parent.post('/api/v1/cases', specialEducationRequest(program.id, districtEmail));
    expect(created.statusCode).toBe(201);

    const receipt = await lastEmailTo(t.db, parentUser.email, 'case-requested');
    expect(receipt.subject).toMatch(/^Recibimos su solicitud: /);
    expect(receipt.text_body).toContain('Hola, Rosa López:');
    expect(receipt.text_body).toContain('Enviamos una invitación a Dana Director.');
    expect(receipt.text_body).toContain('Puede descargar su carta de solicitud en la página del caso.');
    expect(receipt.text_body).toMatch(/Vea su caso: http\S+\/cases\/\S+\n\nParley$/);

    const invitation = await lastEmailTo(t.db, districtEmail, 'invitation-case-party');
    expect(invitation.subject).toBe(
      'Rosa López asks Riverside R-IV School District to take part in state mediation',
    );
    expect(invitation.text_body).toContain('Hello Dana Director,');
    expect(invitation.text_body).toContain('Open this link to accept. You do not need an account first:');
  });

  it('tells both parents of one case that the Agreement to Mediate is ready, each in their own language', async () => {
    const program = await buildProgram(t.deps, { kind: 'family' });
    const coordinatorUser = await buildUser(t.deps, {
      grants: [{ role: 'coordinator', programId: program.id }],
    });
    const mediatorUser = await buildRosterMediator(t, {
      programId: program.id,
      name: 'Morgan Idiomas',
      rosters: ['rule88'],
    });
    const { caseId, pat, mediator, emails } = await familyCaseAtAgreementToMediate(t, {
      programId: program.id,
      coordinatorUser,
      mediatorUser,
      n: 419,
    });
    expect((await pat.patch('/api/v1/account', { language: 'es-US' })).statusCode).toBe(200);
    const url = `/api/v1/cases/${caseId}/agreement-to-mediate`;
    const written = await mediator.put(`${url}/disclosure`, {
      fees: { kind: 'free', paidBy: 'the court program' },
      relationships: null,
    });
    expect(written.statusCode).toBe(200);

    const spanish = await lastEmailTo(t.db, emails.pat, 'case-disclosure-written');
    expect(spanish.subject).toMatch(/: el Acuerdo para Mediar está listo para leer y firmar$/);
    expect(spanish.text_body).toContain('Hola, Pat Petitioner:');
    // The citation stays as the rule is named.
    expect(spanish.text_body).toContain(
      'en el Acuerdo para Mediar (Rule 88.06(a)). Léalo en la página del caso',
    );

    const english = await lastEmailTo(t.db, emails.riley, 'case-disclosure-written');
    expect(english.subject).toMatch(/: the Agreement to Mediate is ready to read and sign$/);
    expect(english.text_body).toContain('Hello Riley Respondent,');
    expect(english.text_body).toContain(
      'into the Agreement to Mediate (Rule 88.06(a)). Read it on the case page',
    );
  });

  it('tells the parent in Spanish and the district in English that a session is set, under the bell too', async () => {
    const { caseId, parent, parentUser, district, districtEmail, mediator } =
      await readySpecialEducationCase(t);
    expect((await parent.patch('/api/v1/account', { language: 'es-US' })).statusCode).toBe(200);
    const set = await mediator.post(`/api/v1/cases/${caseId}/sessions`, jointSession('2026-03-10'));
    expect(set.statusCode, set.body).toBe(201);

    const spanish = await lastEmailTo(t.db, parentUser.email, 'session-invite');
    expect(spanish.subject).toMatch(/: se programó una sesión de mediación$/);
    expect(spanish.text_body).toContain('Hola, Rosa Lopez:');
    expect(spanish.text_body).toContain(
      'Se programó una sesión conjunta para el martes, 10 de marzo de 2026',
    );
    expect(spanish.text_body).toMatch(/Vea sus sesiones: http\S+\/sessions\n\nParley$/);

    const english = await lastEmailTo(t.db, districtEmail, 'session-invite');
    expect(english.subject).toMatch(/: a mediation session is set$/);
    expect(english.text_body).toContain('Hello Dana Director,');
    expect(english.text_body).toContain('A joint session is set for Tuesday, March 10, 2026 at 10:00 AM CDT');

    type Bell = { items: { title: string }[] };
    expect(json<Bell>(await parent.get('/api/v1/notifications')).items[0]!.title).toMatch(
      /^Sesión programada: /,
    );
    expect(json<Bell>(await district.get('/api/v1/notifications')).items[0]!.title).toBe(
      'Session booked: Tuesday, March 10, 2026 at 10:00 AM CDT',
    );
  });

  it('sends a password reset link in the language of the account', async () => {
    const person = await buildUser(t.deps, { name: 'Marta Díaz' });
    const client = await new TestClient(t.app).signIn(person.email, person.password);
    expect((await client.patch('/api/v1/account', { language: 'es-US' })).statusCode).toBe(200);
    const asked = await new TestClient(t.app).post('/api/v1/auth/password-reset/request', {
      email: person.email,
    });
    expect(asked.statusCode).toBeLessThan(300);
    const email = await lastEmailTo(t.db, person.email, 'password-reset');
    expect(email.subject).toBe('Cambie su contraseña de Parley');
    expect(email.text_body).toMatch(
      /^Hola, Marta Díaz:\n\nPara elegir una contraseña nueva, abra este enlace:/,
    );
  });

  it('sends the newsletter’s confirmation in the language of the page it was asked from', async () => {
    const asked = await new TestClient(t.app).post(
      '/api/v1/association/newsletter-sign-ups',
      { email: 'lector.boletin@example.test' },
      { headers: { 'accept-language': 'es-US' } },
    );
    expect(asked.statusCode).toBe(202);
    const email = await lastEmailTo(t.db, 'lector.boletin@example.test', 'newsletter-confirm');
    expect(email.subject).toBe('Por favor, confirme: The Communicator por correo electrónico');
    expect(email.text_body).toContain('Para empezar a recibirlo, abra este enlace:');
  });
});
