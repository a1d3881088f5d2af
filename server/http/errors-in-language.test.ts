import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Aid } from '../../contracts/negotiation.ts';
import type { Poll } from '../../contracts/session-polls.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { json, signedIn, TestClient } from '../../test/client.ts';
import { familyCaseInMediation, pollBody, readySpecialEducationCase } from '../../test/mediation.ts';
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

describe('the refusals a party meets, in the request’s language', () => {
  const messageOf = (answer: Parameters<typeof json>[0]) => json<Envelope>(answer).error.message;

  it('says a poll is closed, and that a calendar’s days are out of order, in Spanish', async () => {
    const { mediator, parent, caseId } = await readySpecialEducationCase(t);
    const polls = `/api/v1/cases/${caseId}/polls`;
    const propose = async (date: string) => json<Poll>(await mediator.post(polls, pollBody(date)));
    const answer = (poll: Poll, headers: Record<string, string> = spanish.headers) =>
      parent.request('PUT', `${polls}/${poll.id}/answer`, { times: [poll.slots[0]!.id] }, { headers });
    const booked = await propose('2026-05-12');
    expect(
      (await mediator.post(`${polls}/${booked.id}/book`, { timeId: booked.slots[0]!.id })).statusCode,
    ).toBe(201);
    expect(messageOf(await answer(booked))).toBe(
      'Esta encuesta ya está cerrada: el mediador fijó la sesión.',
    );
    expect(messageOf(await answer(booked, {}))).toBe(
      'This poll is closed: the mediator has set the session.',
    );
    const closed = await propose('2026-05-13');
    expect((await mediator.post(`${polls}/${closed.id}/close`)).statusCode).toBe(200);
    expect(messageOf(await answer(closed))).toBe(
      'Esta encuesta ya está cerrada. El mediador se comunicará con usted para acordar una hora.',
    );
    const backwards = await parent.get('/api/v1/calendar?from=2026-05-20&to=2026-05-01', spanish);
    expect(backwards.statusCode).toBe(400);
    expect(json<Envelope>(backwards).error.fields).toEqual({ to: 'El último día es anterior al primero.' });
    const tooLong = await parent.get('/api/v1/calendar?from=2026-05-01&to=2026-07-01', spanish);
    expect(json<Envelope>(tooLong).error.fields).toEqual({ to: 'Muestre como máximo 42 días a la vez.' });
  });

  it('refuses a figure or a second bid in blind bidding, and unequal points, in Spanish', async () => {
    const w = await familyCaseInMediation(t);
    const url = (rest: string) => `/api/v1/cases/${w.caseId}${rest}`;
    const issue = json<{ id: string }>(await w.mediator.post(url('/issues'), { title: 'Buy-out' })).id;
    const aid = json<Aid>(
      await w.mediator.post(url(`/issues/${issue}/aids`), {
        kind: 'blind_bidding',
        claimantSide: 'requester',
        gap: { kind: 'none' },
        roundLimit: 2,
        history: 'mediator',
      }),
    );
    const bid = (amountCents: number, headers: Record<string, string> = spanish.headers) =>
      w.mom.post(url(`/aids/${aid.id}/bids`), { amountCents }, { headers });
    expect(messageOf(await bid(1_000_000))).toBe(
      'Las dos partes tienen que aceptar las condiciones antes de la primera ronda.',
    );
    await w.mom.post(url(`/aids/${aid.id}/agree`));
    await w.dad.post(url(`/aids/${aid.id}/agree`));
    const zero = await bid(0);
    expect(json<Envelope>(zero).error).toMatchObject({
      message: 'Lo que usted pide debe ser más de $0.',
      fields: { amountCents: 'Lo que usted pide debe ser más de $0.' },
    });
    expect(messageOf(await bid(0, {}))).toBe('Your demand must be more than $0.');
    expect((await bid(1_000_000)).statusCode).toBe(201);
    expect(messageOf(await bid(900_000))).toBe(
      'Ya envió lo que pide para la ronda 1. Parley está esperando a la otra parte.',
    );

    const other = json<{ id: string }>(await w.mediator.post(url('/issues'), { title: 'Property' })).id;
    const aw = json<Aid>(await w.mediator.post(url(`/issues/${other}/aids`), { kind: 'adjusted_winner' }));
    const items = json<Aid>(
      await w.dad.put(url(`/aids/${aw.id}/items`), { items: [{ name: 'House' }, { name: 'Car' }] }),
    ).adjustedWinner!.items;
    const points = await w.mom.request(
      'PUT',
      url(`/aids/${aw.id}/points`),
      { points: { [items[0]!.id]: 50, [items[1]!.id]: 30 } },
      spanish,
    );
    expect(messageOf(points)).toBe(
      'Sus puntos suman 80. Deben sumar exactamente 100: le quedan 20 por repartir.',
    );
    const forbidden = await w.mom.post(url(`/aids/${aw.id}/option`), undefined, spanish);
    expect(messageOf(forbidden)).toBe('El mediador es quien lleva la sugerencia a la mesa.');
  });

  it('says too many e-mails were sent, and that Parley checks off a step, in Spanish', async () => {
    const person = await buildUser(t.deps);
    const client = new TestClient(t.app, '10.9.9.9');
    const ask = (headers: Record<string, string> = spanish.headers) =>
      client.post('/api/v1/auth/password-reset/request', { email: person.email }, { headers });
    for (let i = 0; i < 5; i += 1) expect((await ask()).statusCode).toBe(202);
    const refused = await ask();
    expect(refused.statusCode).toBe(429);
    expect(messageOf(refused)).toBe(
      'Ya le enviamos varios correos electrónicos. Revise su bandeja de entrada (y la carpeta de correo no deseado), o vuelva a intentarlo dentro de una hora.',
    );
    expect(messageOf(await ask({}))).toMatch(/^We have sent several e-mails already/);

    const me = await signedIn(t.app, await buildUser(t.deps));
    const tick = await me.request('PUT', '/api/v1/association/path/core-training', { done: true }, spanish);
    expect(tick.statusCode).toBe(400);
    expect(json<Envelope>(tick).error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Parley marca este paso por usted a partir de su registro de capacitación.',
      fields: { step: 'Parley lo marca a partir de lo que puede ver.' },
    });
  });
});
