import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, signedInAs, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { HOUR } from '../../infra/clock.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Body = { error: { code: string; message: string; fields?: Record<string, string> } };
const errorOf = (response: { json(): unknown }) => (response.json() as Body).error;

/** A person with two-step sign-in on, their app's codes, and the recovery codes they were shown. */
async function twoStepPerson() {
  const person = await buildUser(t.deps);
  const client = await signedIn(t.app, person);
  const { secret } = json<{ secret: string }>(await client.post('/api/v1/account/mfa/setup'));
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
  const code = () => totp.generate({ timestamp: t.clock.now().getTime() });
  const enabled = await client.post('/api/v1/account/mfa/enable', { code: code() });
  expect(enabled.statusCode).toBe(200);
  const { recoveryCodes } = json<{ recoveryCodes: string[] }>(enabled);
  t.clock.advance(30_000);
  return { person, client, code, recoveryCodes };
}

async function pendingSignIn(person: { email: string; password: string }, ip = '127.0.0.1') {
  const client = new TestClient(t.app, ip);
  const first = await client.post('/api/v1/auth/sign-in', { email: person.email, password: person.password });
  expect(json(first)).toMatchObject({ mfaRequired: true });
  return client;
}

describe('the second factor', () => {
  it('ends a pending sign-in at the fifth wrong code', async () => {
    const { person, code } = await twoStepPerson();
    const client = await pendingSignIn(person);
    for (let i = 0; i < 4; i += 1) {
      const wrong = await client.post('/api/v1/auth/mfa', { code: '000000' });
      expect(wrong.statusCode).toBe(401);
      expect(errorOf(wrong).fields).toEqual({ code: 'does not match' });
    }
    const fifth = await client.post('/api/v1/auth/mfa', { code: '000000' });
    expect(fifth.statusCode).toBe(401);
    expect(errorOf(fifth).message).toMatch(/this sign-in has ended/);
    // Even the right code no longer finishes that sign-in: the password is needed again.
    const right = await client.post('/api/v1/auth/mfa', { code: code() });
    expect(right.statusCode).toBe(401);
    expect(errorOf(right).message).toMatch(/sign in with your password first/i);
    expect((await client.get('/api/v1/account')).statusCode).toBe(401);

    const again = await pendingSignIn(person);
    expect((await again.post('/api/v1/auth/mfa', { code: code() })).statusCode).toBe(204);
    expect((await again.get('/api/v1/account')).statusCode).toBe(200);
  });

  it('takes at most ten wrong codes per account an hour, across sign-ins', async () => {
    const { person, code } = await twoStepPerson();
    for (const ip of ['10.20.0.1', '10.20.0.2']) {
      const client = await pendingSignIn(person, ip);
      for (let i = 0; i < 5; i += 1) await client.post('/api/v1/auth/mfa', { code: '111111' });
    }
    const third = await pendingSignIn(person, '10.20.0.3');
    const refused = await third.post('/api/v1/auth/mfa', { code: code() });
    expect(refused.statusCode).toBe(429);
    expect(errorOf(refused).code).toBe('SIGN_IN_THROTTLED');
    expect(refused.headers['retry-after']).toBeDefined();

    t.clock.advance(HOUR + 1000);
    const later = await pendingSignIn(person, '10.20.0.3');
    expect((await later.post('/api/v1/auth/mfa', { code: code() })).statusCode).toBe(204);
  });

  it('gives ten single-use recovery codes, stored hashed, usable at the second step, made anew on request', async () => {
    const { person, client, recoveryCodes } = await twoStepPerson();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const stored = await t.db.selectFrom('recovery_codes').selectAll().execute();
    const storedText = JSON.stringify(stored);
    for (const c of recoveryCodes) {
      expect(storedText).not.toContain(c);
      expect(storedText).not.toContain(c.replace('-', ''));
    }
    expect(json(await client.get('/api/v1/account'))).toMatchObject({ recoveryCodesLeft: 10 });

    const pending = await pendingSignIn(person);
    // Typed in capitals and without the dash, as read off paper.
    const used = recoveryCodes[0]!;
    expect(
      (await pending.post('/api/v1/auth/mfa', { code: used.replace('-', ' ').toUpperCase() })).statusCode,
    ).toBe(204);
    expect((await pending.get('/api/v1/account')).statusCode).toBe(200);
    expect(json(await pending.get('/api/v1/account'))).toMatchObject({ recoveryCodesLeft: 9 });
    const notice = await lastEmailTo(t.db, person.email, 'security-notice');
    expect(notice.text_body).toMatch(/recovery code was used/);
    expect(notice.text_body).toMatch(/9 left/);

    const replay = await pendingSignIn(person);
    expect((await replay.post('/api/v1/auth/mfa', { code: used })).statusCode).toBe(401);

    const wrongPassword = await client.post('/api/v1/account/mfa/recovery-codes', {
      password: 'not it at all',
    });
    expect(wrongPassword.statusCode).toBe(400);
    expect(errorOf(wrongPassword).fields).toEqual({ password: 'does not match' });
    const fresh = await client.post('/api/v1/account/mfa/recovery-codes', { password: person.password });
    expect(fresh.statusCode).toBe(200);
    const { recoveryCodes: renewed } = json<{ recoveryCodes: string[] }>(fresh);
    expect(renewed).toHaveLength(10);
    const old = await pendingSignIn(person);
    expect((await old.post('/api/v1/auth/mfa', { code: recoveryCodes[1]! })).statusCode).toBe(401);
    expect((await old.post('/api/v1/auth/mfa', { code: renewed[0]! })).statusCode).toBe(204);
  });

  it('names the field when the code is neither an app code nor a recovery code', async () => {
    const { person } = await twoStepPerson();
    const pending = await pendingSignIn(person);
    const response = await pending.post('/api/v1/auth/mfa', { code: 'abc' });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).fields).toHaveProperty('code');
  });
});

describe('e-mail notices of changes to how a person signs in', () => {
  it('tells the person when the password changes, and when two-step sign-in goes on and off', async () => {
    const { person, client, code } = await twoStepPerson();
    expect((await lastEmailTo(t.db, person.email, 'security-notice')).text_body).toMatch(
      /Two-step sign-in was turned on/,
    );
    const off = await client.post('/api/v1/account/mfa/disable', { password: person.password, code: code() });
    expect(off.statusCode).toBe(204);
    expect((await lastEmailTo(t.db, person.email, 'security-notice')).text_body).toMatch(
      /Two-step sign-in was turned off/,
    );
    const changed = await client.post('/api/v1/account/password', {
      currentPassword: person.password,
      newPassword: 'a fresh and unusual passphrase',
    });
    expect(changed.statusCode).toBe(200);
    const notice = await lastEmailTo(t.db, person.email, 'security-notice');
    expect(notice.text_body).toMatch(/password was changed/);
    expect(notice.text_body).toMatch(/forgot-password/);
  });
});

describe('signed-in devices', () => {
  it('lists the devices signed in and signs out everywhere else', async () => {
    const person = await buildUser(t.deps);
    const laptop = new TestClient(t.app, '198.51.100.20');
    await laptop.request(
      'POST',
      '/api/v1/auth/sign-in',
      { email: person.email, password: person.password },
      {
        headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Gecko/20100101 Firefox/128.0' },
      },
    );
    const phone = await new TestClient(t.app, '198.51.100.21').signIn(person.email, person.password);
    const tablet = await new TestClient(t.app, '198.51.100.22').signIn(person.email, person.password);

    const listed = json<{ sessions: { id: string; ip: string; browser: string; current: boolean }[] }>(
      await phone.get('/api/v1/account/sessions'),
    );
    expect(listed.sessions).toHaveLength(3);
    expect(listed.sessions.filter((s) => s.current)).toEqual([
      expect.objectContaining({ ip: '198.51.100.21' }),
    ]);
    expect(listed.sessions.find((s) => s.ip === '198.51.100.20')?.browser).toBe('Firefox on Windows');
    // The ids shown are not the session cookies, nor their stored hashes.
    const stored = await t.db.selectFrom('sessions').select('id').where('user_id', '=', person.id).execute();
    for (const s of listed.sessions) expect(stored.map((r) => r.id)).not.toContain(s.id);

    // One device signed out from the list, then every other.
    const tabletId = listed.sessions.find((s) => s.ip === '198.51.100.22')!.id;
    expect((await phone.delete(`/api/v1/account/sessions/${tabletId}`)).statusCode).toBe(204);
    expect((await tablet.get('/api/v1/account')).statusCode).toBe(401);
    const own = listed.sessions.find((s) => s.current)!.id;
    expect((await phone.delete(`/api/v1/account/sessions/${own}`)).statusCode).toBe(409);
    // Another person's device is not found.
    const stranger = await signedInAs(t);
    const laptopId = listed.sessions.find((s) => s.ip === '198.51.100.20')!.id;
    expect((await stranger.delete(`/api/v1/account/sessions/${laptopId}`)).statusCode).toBe(404);

    const others = await phone.post('/api/v1/account/sessions/sign-out-others');
    expect(others.statusCode).toBe(200);
    expect(json(others)).toMatchObject({ message: 'Signed out 1 other device.' });
    expect((await laptop.get('/api/v1/account')).statusCode).toBe(401);
    expect((await phone.get('/api/v1/account')).statusCode).toBe(200);
    expect(json<{ sessions: unknown[] }>(await phone.get('/api/v1/account/sessions')).sessions).toHaveLength(
      1,
    );
  });
});

describe('sign-in throttling an attacker cannot turn on the owner', () => {
  it('slows one address guessing one account with growing delays, and leaves the owner elsewhere alone', async () => {
    const person = await buildUser(t.deps);
    const attacker = new TestClient(t.app, '203.0.113.50');
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await attacker.post('/api/v1/auth/sign-in', { email: person.email, password: `guess ${i}` }))
          .statusCode,
      ).toBe(401);
    }
    const waiting = await attacker.post('/api/v1/auth/sign-in', { email: person.email, password: 'guess 5' });
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['retry-after']).toBe('1');
    // The owner, at home, signs in at once.
    await new TestClient(t.app, '198.51.100.60').signIn(person.email, person.password);

    t.clock.advance(1000);
    expect(
      (await attacker.post('/api/v1/auth/sign-in', { email: person.email, password: 'guess 6' })).statusCode,
    ).toBe(401);
    const longer = await attacker.post('/api/v1/auth/sign-in', { email: person.email, password: 'guess 7' });
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('2');
    expect(errorOf(longer).message).toMatch(/must wait about 2 seconds/);
  });

  it('locks the account after failures from many addresses; the e-mailed link lifts it, and so does a reset', async () => {
    const person = await buildUser(t.deps);
    for (let i = 0; i < 50; i += 1) {
      const bot = new TestClient(t.app, `192.0.2.${i + 1}`);
      const r = await bot.post('/api/v1/auth/sign-in', { email: person.email, password: `spray ${i}` });
      expect(r.statusCode).toBe(401);
    }
    const owner = new TestClient(t.app, '198.51.100.70');
    const locked = await owner.post('/api/v1/auth/sign-in', {
      email: person.email,
      password: person.password,
    });
    expect(locked.statusCode).toBe(423);
    expect(errorOf(locked)).toMatchObject({ code: 'ACCOUNT_LOCKED', fields: { email: 'is locked' } });

    const { token } = await lastEmailTo(t.db, person.email, 'account-locked');
    expect((await owner.post('/api/v1/auth/unlock', { token })).statusCode).toBe(200);
    expect((await owner.post('/api/v1/auth/unlock', { token })).statusCode).toBe(410);
    await owner.signIn(person.email, person.password);

    // Failures before the unlock do not count again: one more does not re-lock.
    await new TestClient(t.app, '192.0.2.200').post('/api/v1/auth/sign-in', {
      email: person.email,
      password: 'x',
    });
    await new TestClient(t.app, '198.51.100.71').signIn(person.email, person.password);

    // Locked again later; a completed password reset lifts it too.
    t.clock.advance(HOUR + 1000);
    for (let i = 0; i < 50; i += 1) {
      await new TestClient(t.app, `192.0.3.${i + 1}`).post('/api/v1/auth/sign-in', {
        email: person.email,
        password: `spray ${i}`,
      });
    }
    expect(
      (await owner.post('/api/v1/auth/sign-in', { email: person.email, password: person.password }))
        .statusCode,
    ).toBe(423);
    await owner.post('/api/v1/auth/password-reset/request', { email: person.email });
    const reset = await lastEmailTo(t.db, person.email, 'password-reset');
    expect(
      (
        await owner.post('/api/v1/auth/password-reset', {
          token: reset.token,
          password: 'a fresh and unusual passphrase',
        })
      ).statusCode,
    ).toBe(200);
    await new TestClient(t.app).signIn(person.email, 'a fresh and unusual passphrase');
  });

  it('limits one address over every account only past a high, configurable number', async () => {
    const strict = await createTestApp({ env: { SIGN_IN_ADDRESS_LIMIT: '100' } });
    try {
      const someone = await buildUser(strict.deps);
      const school = new TestClient(strict.app, '203.0.113.99');
      for (let i = 0; i < 100; i += 1) {
        await school.post('/api/v1/auth/sign-in', {
          email: `nobody-${i}@example.test`,
          password: 'wrong one',
        });
      }
      const refused = await school.post('/api/v1/auth/sign-in', {
        email: someone.email,
        password: someone.password,
      });
      expect(refused.statusCode).toBe(429);
      expect(errorOf(refused).message).toMatch(/from your network/);
      await new TestClient(strict.app, '203.0.113.100').signIn(someone.email, someone.password);
    } finally {
      await strict.close();
    }
  });
});
