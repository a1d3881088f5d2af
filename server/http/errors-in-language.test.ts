import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { json, TestClient } from '../../test/client.ts';
import { buildUser } from '../db/seed/builders.ts';

// The error envelope's message and field messages come in the request's language (issue 19): the
// web app sends the page's language as Accept-Language. English stays exactly as it was.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Envelope = { error: { code: string; message: string; fields?: Record<string, string> } };
const spanish = { headers: { 'accept-language': 'es-US' } };
const signUp = { name: 'Lucía Herrera', email: 'lucia.errors@example.test', password: 'corta' };

describe('errors in the request’s language', () => {
  it('names the field in Spanish and says what to do, in Spanish', async () => {
    const answer = await new TestClient(t.app).post('/api/v1/auth/sign-up', signUp, spanish);
    expect(answer.statusCode).toBe(400);
    expect(json(answer)).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Revise la contraseña. Use al menos 10 caracteres.',
        fields: { password: 'Use al menos 10 caracteres.' },
      },
    });
  });

  it('keeps the English as it was for an English page', async () => {
    const answer = await new TestClient(t.app).post('/api/v1/auth/sign-up', signUp, {
      headers: { 'accept-language': 'en-US' },
    });
    expect(json(answer)).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Please check the password: use at least 10 characters.',
        fields: { password: 'Use at least 10 characters' },
      },
    });
  });

  it('says in Spanish what zod would have said: a field left out, a wrong kind of value, an extra one', async () => {
    const answer = await new TestClient(t.app).post(
      '/api/v1/auth/sign-up',
      { email: 'no es un correo', password: 'una contraseña bastante larga', language: 'fr-FR' },
      spanish,
    );
    expect(answer.statusCode).toBe(400);
    const { error } = json<Envelope>(answer);
    expect(error.fields).toMatchObject({
      name: 'Escriba su nombre.',
      language: 'Elija English o Español.',
    });
    expect(error.fields?.email).toMatch(/^Escriba una dirección de correo electrónico/);
    expect(error.message).toContain('Revise el nombre. Escriba su nombre.');
    expect(error.message).toContain('Revise el correo electrónico. Escriba una dirección');
    expect(JSON.stringify(error)).not.toMatch(/Enter|Please|Choose/);
  });

  it('turns a service’s refusal into Spanish, and its field message too', async () => {
    const person = await buildUser(t.deps);
    const answer = await new TestClient(t.app).post(
      '/api/v1/auth/sign-in',
      { email: person.email, password: 'no es la contraseña correcta' },
      spanish,
    );
    expect(answer.statusCode).toBe(401);
    expect(json(answer)).toEqual({
      error: {
        code: 'UNAUTHENTICATED',
        message:
          'Ese correo electrónico y esa contraseña no coinciden. Revise los dos y vuelva a intentarlo.',
        fields: { password: 'No coincide con este correo electrónico.' },
      },
    });
  });

  it('answers a page that is not there, and a request that needs a sign-in, in Spanish', async () => {
    const client = new TestClient(t.app);
    expect(json<Envelope>(await client.get('/api/v1/no-such-thing', spanish)).error.message).toBe(
      'No encontramos lo que busca, o usted no tiene acceso.',
    );
    expect(json<Envelope>(await client.get('/api/v1/account', spanish)).error.message).toBe(
      'Inicie sesión para continuar, por favor.',
    );
    expect(json<Envelope>(await client.get('/api/v1/account')).error.message).toBe(
      'Please sign in to continue.',
    );
  });

  it('refuses a weak password in Spanish without English words inside', async () => {
    const answer = await new TestClient(t.app).post(
      '/api/v1/auth/sign-up',
      { name: 'Ana Ruiz', email: 'ana.ruiz@example.test', password: 'password1234' },
      spanish,
    );
    expect(answer.statusCode).toBe(400);
    expect(json(answer).error).toMatchObject({
      message: expect.stringMatching(/^Elija otra contraseña, por favor: es demasiado fácil de adivinar/),
      fields: { password: expect.stringMatching(/^Es demasiado fácil de adivinar/) },
    });
  });
});
