import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { inviteToProgram } from '../../../test/cases.ts';
import { json, signedIn, type TestClient } from '../../../test/client.ts';
import { readySpecialEducationCase } from '../../../test/mediation.ts';
import type { Db } from '../../db/database.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';
import { DAY, HOUR, MINUTE } from '../../infra/clock.ts';

/**
 * Parley cannot be turned into a mailer: an account whose address is unconfirmed makes it e-mail
 * nobody else, a person's requests and invitations are counted per day, and every change a person
 * makes is counted per minute. The counts live in the database, so they hold across servers: each
 * test spreads its requests over two app servers on one database.
 */
let t: TestApp;
let second: TestApp;
let secondDb: Db;
beforeAll(async () => {
  t = await createTestApp({ env: { WRITES_PER_MINUTE: '40' } });
  secondDb = t.database.open();
  second = await createTestApp({ database: t.database, db: secondDb, env: { WRITES_PER_MINUTE: '40' } });
});
afterAll(async () => {
  await second.app.close();
  await secondDb.destroy();
  await t.close();
});

/** Both servers' clocks move together. */
const advance = (ms: number) => {
  t.clock.advance(ms);
  second.clock.advance(ms);
};

const communityRequest = (programId: string, n: number) => ({
  form: 'community',
  programId,
  respondent: { name: `Neighbour ${n}`, email: `neighbour.${n}@example.test` },
  description: 'The fence between our yards.',
  caseType: 'neighbour',
});

const emailsTo = async (address: string) =>
  (await t.db.selectFrom('outbox_emails').select('id').where('to_address', '=', address).execute()).length;

async function unconfirm(userId: string) {
  await t.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', userId).execute();
}

describe('an account whose address is not confirmed', () => {
  it('makes Parley e-mail nobody else: no request, no invitation, no added person', async () => {
    const program = await buildProgram(t.deps, { kind: 'community' });
    const coordinatorUser = await buildUser(t.deps, {
      grants: [{ role: 'coordinator', programId: program.id }],
    });
    const partyUser = await buildUser(t.deps, { grants: [{ role: 'party' }] });
    const party = await signedIn(t.app, partyUser);
    const coordinator = await signedIn(t.app, coordinatorUser);
    const opened = await party.post('/api/v1/cases', communityRequest(program.id, 100));
    expect(opened.statusCode).toBe(201);
    const caseId = json<{ id: string }>(opened).id;

    // Signed in, then the address stops being confirmed (as after changing it).
    await unconfirm(partyUser.id);
    await unconfirm(coordinatorUser.id);
    const request = await party.post('/api/v1/cases', communityRequest(program.id, 101));
    expect(request.statusCode).toBe(403);
    expect(json(request)).toMatchObject({
      error: {
        code: 'EMAIL_UNCONFIRMED',
        message: expect.stringMatching(/confirm your e-mail address first/),
      },
    });
    const added = await party.post(`/api/v1/cases/${caseId}/participants`, {
      side: 'requester',
      role: 'support',
      name: 'Sam Friend',
      email: 'sam.friend@example.test',
      isAttorney: false,
    });
    expect(added.statusCode).toBe(403);
    const invited = await inviteToProgram(coordinator, program.id, {
      email: 'new.mediator@example.test',
      name: 'New Mediator',
    });
    expect(invited.statusCode).toBe(403);
    expect(await emailsTo('neighbour.101@example.test')).toBe(0);
    expect(await emailsTo('sam.friend@example.test')).toBe(0);
    expect(await emailsTo('new.mediator@example.test')).toBe(0);
    expect(json<unknown[]>(await party.get('/api/v1/cases'))).toHaveLength(1);
  });
});

describe('per-person quotas on what e-mails other people', () => {
  it('refuses the 6th case request in a day with 429, Retry-After and a plain message, across servers', async () => {
    const program = await buildProgram(t.deps, { kind: 'community' });
    const user = await buildUser(t.deps, { grants: [{ role: 'party' }] });
    const onFirst = await signedIn(t.app, user);
    const onSecond = await signedIn(second.app, user);
    // A refused request (a field wrong) does not count.
    const wrong = await onFirst.post('/api/v1/cases', {
      ...communityRequest(program.id, 0),
      caseType: 'divorce',
    });
    expect(wrong.statusCode).toBe(400);
    for (let n = 1; n <= 5; n += 1) {
      const client = n % 2 ? onFirst : onSecond;
      expect((await client.post('/api/v1/cases', communityRequest(program.id, n))).statusCode).toBe(201);
    }
    const sixth = await onSecond.post('/api/v1/cases', communityRequest(program.id, 6));
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(sixth.headers['retry-after'])).toBeLessThanOrEqual(DAY / 1000);
    expect(json(sixth)).toMatchObject({
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(
          /You have asked for mediation 5 times today.*Please try again in about \d+ hours/,
        ),
      },
    });
    expect(await emailsTo('neighbour.6@example.test')).toBe(0);
    expect(json<unknown[]>(await onFirst.get('/api/v1/cases'))).toHaveLength(5);
    // The next day (signed in again) the person may ask again.
    advance(DAY);
    const nextDay = await signedIn(t.app, user);
    expect((await nextDay.post('/api/v1/cases', communityRequest(program.id, 7))).statusCode).toBe(201);
  });

  it('refuses a Spanish page in Spanish, with the count and the wait', async () => {
    const program = await buildProgram(t.deps, { kind: 'community' });
    const spanish = { headers: { 'accept-language': 'es-US' } };
    // Three hours before the day's window ends.
    const now = t.clock.now().getTime();
    advance(Math.ceil(now / DAY) * DAY - 3 * HOUR - now);
    const client = await signedIn(t.app, await buildUser(t.deps, { grants: [{ role: 'party' }] }));
    for (let n = 1; n <= 5; n += 1) {
      const r = await client.post('/api/v1/cases', communityRequest(program.id, 100 + n), spanish);
      expect(r.statusCode).toBe(201);
    }
    const sixth = await client.post('/api/v1/cases', communityRequest(program.id, 106), spanish);
    expect(sixth.statusCode).toBe(429);
    expect(json<{ error: { message: string } }>(sixth).error.message).toBe(
      'Hoy usted ya pidió mediación 5 veces, el máximo que Parley permite a una persona, para que nadie pueda usarlo para enviar correos no deseados. Vuelva a intentarlo en unas 3 horas.',
    );
    const english = await client.post('/api/v1/cases', communityRequest(program.id, 107));
    expect(json<{ error: { message: string } }>(english).error.message).toBe(
      'You have asked for mediation 5 times today, the most Parley allows one person, so that it cannot be used to send unwanted e-mail. Please try again in about 3 hours.',
    );
  });
});

describe('the general write rate', () => {
  it('refuses a person writing faster than WRITES_PER_MINUTE, across servers, until the minute passes', async () => {
    const w = await readySpecialEducationCase(t);
    advance(MINUTE); // the set-up's own changes are in an earlier minute
    const mediatorOnSecond = await signedIn(second.app, w.mediatorUser);
    const note = (n: number) => ({ kind: 'general', body: `Note ${n}` });
    const clients: TestClient[] = [w.mediator, mediatorOnSecond];
    for (let n = 1; n <= 40; n += 1) {
      const r = await clients[n % 2]!.post(`/api/v1/cases/${w.caseId}/notes`, note(n));
      expect(r.statusCode, `note ${n}`).toBe(201);
    }
    const refused = await w.mediator.post(`/api/v1/cases/${w.caseId}/notes`, note(41));
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(json(refused)).toMatchObject({
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/faster than Parley accepts from one person \(40 a minute\)/),
      },
    });
    // Reading goes on, and other people are not held back.
    expect((await mediatorOnSecond.get(`/api/v1/cases/${w.caseId}/notes`)).statusCode).toBe(200);
    expect(
      (await inviteToProgram(w.coordinator, w.programId, { email: 'x@example.test', name: 'X Person' }))
        .statusCode,
    ).toBe(201);
    advance(MINUTE);
    expect((await mediatorOnSecond.post(`/api/v1/cases/${w.caseId}/notes`, note(42))).statusCode).toBe(201);
  });

  it('says so in Spanish to a Spanish page, with the count and the wait', async () => {
    const client = await signedIn(t.app, await buildUser(t.deps));
    const spanish = { headers: { 'accept-language': 'es-US' } };
    // Twenty seconds before the minute's window ends (signing in was in an earlier one).
    const now = t.clock.now().getTime();
    advance(Math.ceil(now / MINUTE) * MINUTE + MINUTE - 20_000 - now);
    const change = (headers = {}) =>
      client.request('PATCH', '/api/v1/account', { language: 'es-US' }, { headers });
    for (let n = 1; n <= 40; n += 1) expect((await change(spanish.headers)).statusCode).toBe(200);
    const refused = await change(spanish.headers);
    expect(refused.statusCode).toBe(429);
    expect(json<{ error: { message: string } }>(refused).error.message).toBe(
      'Está haciendo cambios más rápido de lo que Parley acepta de una persona (40 por minuto). Espere unos 20 segundos y vuelva a intentarlo.',
    );
    expect(json<{ error: { message: string } }>(await change()).error.message).toBe(
      'You are making changes faster than Parley accepts from one person (40 a minute). Please wait about 20 seconds and try again.',
    );
  });
});
