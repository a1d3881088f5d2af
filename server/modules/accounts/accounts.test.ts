import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { HOUR } from '../../infra/clock.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('sign-up, confirmation and sign-in', () => {
  it('signs up, refuses sign-in until the e-mail is confirmed, then signs in and out', async () => {
    const client = new TestClient(t.app);
    const email = 'new.parent@example.test';
    const signUp = await client.post('/api/v1/auth/sign-up', {
      name: 'New Parent',
      email,
      password: 'a long password',
    });
    expect(signUp.statusCode).toBe(202);

    const early = await client.post('/api/v1/auth/sign-in', { email, password: 'a long password' });
    expect(early.statusCode).toBe(403);
    expect(json(early).error).toMatchObject({ fields: { email: 'is not confirmed yet' } });

    const { token } = await lastEmailTo(t.db, email, 'verify-email');
    expect((await client.post('/api/v1/auth/verify-email', { token })).statusCode).toBe(200);
    // A confirmation link works once.
    expect((await client.post('/api/v1/auth/verify-email', { token })).statusCode).toBe(410);

    const signIn = await client.post('/api/v1/auth/sign-in', { email, password: 'a long password' });
    expect(signIn.statusCode).toBe(200);
    const cookie = signIn.cookies.find((c) => c.name === 'parley_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(json(await client.get('/api/v1/account'))).toMatchObject({ email, name: 'New Parent' });

    expect((await client.post('/api/v1/auth/sign-out')).statusCode).toBe(204);
    expect((await client.get('/api/v1/account')).statusCode).toBe(401);
  });

  it('does not reveal whether an address already has an account', async () => {
    const person = await buildUser(t.deps);
    const client = new TestClient(t.app);
    const again = await client.post('/api/v1/auth/sign-up', {
      name: 'X',
      email: person.email,
      password: 'another password',
    });
    expect(again.statusCode).toBe(202);
    expect((await lastEmailTo(t.db, person.email)).template).toBe('account-exists');
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const client = new TestClient(t.app);
    const response = await client.post(
      '/api/v1/auth/sign-in',
      { email: 'a@b.test', password: 'x' },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
    expect(json(response).error).toMatchObject({ code: 'CSRF_REJECTED' });
  });
});

describe('password reset', () => {
  it('resets with a single-use link that expires, and signs out other sessions', async () => {
    const person = await buildUser(t.deps, { password: 'old password here' });
    const other = await new TestClient(t.app).signIn(person.email, 'old password here');
    const client = new TestClient(t.app);
    expect(
      (await client.post('/api/v1/auth/password-reset/request', { email: person.email })).statusCode,
    ).toBe(202);
    const { token } = await lastEmailTo(t.db, person.email, 'password-reset');

    const reset = await client.post('/api/v1/auth/password-reset', { token, password: 'brand new password' });
    expect(reset.statusCode).toBe(200);
    expect(
      (await client.post('/api/v1/auth/password-reset', { token, password: 'another new one' })).statusCode,
    ).toBe(410);
    expect((await other.get('/api/v1/account')).statusCode).toBe(401);
    await new TestClient(t.app).signIn(person.email, 'brand new password');

    await client.post('/api/v1/auth/password-reset/request', { email: person.email });
    const second = await lastEmailTo(t.db, person.email, 'password-reset');
    t.clock.advance(HOUR + 1000);
    expect(
      (
        await client.post('/api/v1/auth/password-reset', {
          token: second.token,
          password: 'too late password',
        })
      ).statusCode,
    ).toBe(410);
  });
});

describe('sessions expire', () => {
  it('ends a session left idle past the idle limit', async () => {
    const person = await buildUser(t.deps);
    const client = await new TestClient(t.app).signIn(person.email, person.password);
    expect((await client.get('/api/v1/account')).statusCode).toBe(200);
    t.clock.advance(t.config.sessionIdleMinutes * 60_000 + 1000);
    expect((await client.get('/api/v1/account')).statusCode).toBe(401);
  });
});

describe('abuse limits on e-mail sending', () => {
  it('stops sending reset e-mails to one address after five in an hour, with a clear message', async () => {
    const person = await buildUser(t.deps);
    const client = new TestClient(t.app, '10.7.7.7');
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await client.post('/api/v1/auth/password-reset/request', { email: person.email })).statusCode,
      ).toBe(202);
    }
    const sixth = await client.post('/api/v1/auth/password-reset/request', { email: person.email });
    expect(sixth.statusCode).toBe(429);
    expect(json<{ error: { message: string } }>(sixth).error.message).toMatch(/try again in an hour/);
    t.clock.advance(HOUR);
    expect(
      (await client.post('/api/v1/auth/password-reset/request', { email: person.email })).statusCode,
    ).toBe(202);
  });
});

describe('password strength', () => {
  const field = (r: { json(): unknown }) =>
    (r.json() as { error: { fields?: Record<string, string> } }).error.fields ?? {};

  it('refuses common and breached passwords and the person’s own address, naming the field', async () => {
    const client = new TestClient(t.app, '10.30.0.1');
    const email = 'jordan.common@example.test';
    for (const password of ['password12', 'qwertyuiop12', 'passwordpassword', '1234567890']) {
      const r = await client.post('/api/v1/auth/sign-up', { name: 'Jordan Common', email, password });
      expect(r.statusCode, password).toBe(400);
      expect(field(r).password, password).toMatch(/too easy to guess/);
    }
    const own = await client.post('/api/v1/auth/sign-up', {
      name: 'Jordan Common',
      email,
      password: 'Jordan.Common@example.test',
    });
    expect(own.statusCode).toBe(400);
    expect(field(own)).toEqual({ password: 'must not contain your e-mail address' });
    const local = await client.post('/api/v1/auth/sign-up', {
      name: 'J',
      email,
      password: 'jordan.common 2026!',
    });
    expect(field(local)).toEqual({ password: 'must not contain your e-mail address' });
    expect(
      (await client.post('/api/v1/auth/sign-up', { name: 'J', email, password: 'a long parent password' }))
        .statusCode,
    ).toBe(202);
  });

  it('refuses a weak new password at reset (the link still works) and at change', async () => {
    const person = await buildUser(t.deps);
    const client = new TestClient(t.app, '10.30.0.2');
    await client.post('/api/v1/auth/password-reset/request', { email: person.email });
    const { token } = await lastEmailTo(t.db, person.email, 'password-reset');
    const weak = await client.post('/api/v1/auth/password-reset', { token, password: 'password123' });
    expect(weak.statusCode).toBe(400);
    expect(field(weak)).toHaveProperty('password');
    expect(
      (
        await client.post('/api/v1/auth/password-reset', {
          token,
          password: 'a fresh and unusual passphrase',
        })
      ).statusCode,
    ).toBe(200);

    const signedInClient = await new TestClient(t.app).signIn(person.email, 'a fresh and unusual passphrase');
    const change = await signedInClient.post('/api/v1/account/password', {
      currentPassword: 'a fresh and unusual passphrase',
      newPassword: 'iloveyou123',
    });
    expect(change.statusCode).toBe(400);
    expect(field(change)).toHaveProperty('newPassword');
  });
});
