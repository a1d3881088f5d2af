import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { inviteToProgram } from '../../../test/cases.ts';
import { json, signedIn, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';
import { DAY } from '../../infra/clock.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('invitations', () => {
  it('lets a person without an account join a program from the e-mailed link, once', async () => {
    const program = await buildProgram(t.deps, { name: 'Invite program' });
    const coordinator = await buildUser(t.deps, { grants: [{ role: 'coordinator', programId: program.id }] });
    const client = await signedIn(t.app, coordinator);
    const created = await inviteToProgram(client, program.id, {
      email: 'New.Mediator@Example.test',
      name: 'New Mediator',
    });
    expect(created.statusCode).toBe(201);

    const { token, subject } = await lastEmailTo(t.db, 'new.mediator@example.test', 'invitation');
    expect(subject).toContain('Invite program');
    const visitor = new TestClient(t.app);
    expect(json(await visitor.post('/api/v1/invitations/lookup', { token }))).toMatchObject({
      email: 'new.mediator@example.test',
      role: 'mediator',
      programName: 'Invite program',
      hasAccount: false,
    });
    const accepted = await visitor.post('/api/v1/invitations/accept', { token, password: 'my new password' });
    expect(accepted.statusCode).toBe(200);
    const me = json<{ grants: { role: string; scope: string }[] }>(await visitor.get('/api/v1/account'));
    expect(me.grants).toEqual([{ role: 'mediator', scope: program.id }]);

    const again = await new TestClient(t.app).post('/api/v1/invitations/accept', {
      token,
      password: 'another password',
    });
    expect(again.statusCode).toBe(410);
  });

  it('gives a new account the language the invitation was read in, English when none is said', async () => {
    const program = await buildProgram(t.deps, { name: 'Language program' });
    const coordinator = await buildUser(t.deps, { grants: [{ role: 'coordinator', programId: program.id }] });
    const client = await signedIn(t.app, coordinator);
    const languages: Record<string, string> = {};
    for (const [email, language] of [
      ['lectora@example.test', 'es-US'],
      ['reader@example.test', undefined],
    ] as const) {
      await inviteToProgram(client, program.id, { email, name: 'Invited' });
      const { token } = await lastEmailTo(t.db, email, 'invitation');
      const visitor = new TestClient(t.app);
      const body = { token, password: 'my new password', ...(language ? { language } : {}) };
      expect((await visitor.post('/api/v1/invitations/accept', body)).statusCode).toBe(200);
      languages[email] = json<{ language: string }>(await visitor.get('/api/v1/account')).language;
    }
    expect(languages).toEqual({ 'lectora@example.test': 'es-US', 'reader@example.test': 'en-US' });
  });

  it('refuses an expired invitation, and a coordinator inviting into another program', async () => {
    const program = await buildProgram(t.deps);
    const other = await buildProgram(t.deps);
    const coordinator = await buildUser(t.deps, { grants: [{ role: 'coordinator', programId: program.id }] });
    const client = await signedIn(t.app, coordinator);
    const elsewhere = await inviteToProgram(client, other.id, { email: 'x@example.test', name: 'X' });
    expect(elsewhere.statusCode).toBe(403);

    await inviteToProgram(client, program.id, { email: 'late@example.test', name: 'Late', role: 'party' });
    const { token } = await lastEmailTo(t.db, 'late@example.test');
    t.clock.advance(15 * DAY);
    const late = await new TestClient(t.app).post('/api/v1/invitations/accept', {
      token,
      password: 'long enough password',
    });
    expect(late.statusCode).toBe(410);
  });

  it('asks a person who already has an account to sign in as that address', async () => {
    const program = await buildProgram(t.deps);
    const coordinator = await buildUser(t.deps, { grants: [{ role: 'coordinator', programId: program.id }] });
    const existing = await buildUser(t.deps);
    await (await signedIn(t.app, coordinator)).post('/api/v1/invitations', {
      email: existing.email,
      name: 'E',
      role: 'mediator',
      programId: program.id,
    });
    const { token } = await lastEmailTo(t.db, existing.email);
    expect((await new TestClient(t.app).post('/api/v1/invitations/accept', { token })).statusCode).toBe(401);
    const mine = await signedIn(t.app, existing);
    expect((await mine.post('/api/v1/invitations/accept', { token })).statusCode).toBe(200);
  });
});

describe('two-step sign-in', () => {
  it('sets up TOTP, then asks for a code at sign-in', async () => {
    const person = await buildUser(t.deps, { grants: [{ role: 'mediator' }] });
    const client = await signedIn(t.app, person);
    const setup = json<{ secret: string; otpauthUrl: string }>(
      await client.post('/api/v1/account/mfa/setup'),
    );
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Parley/);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret) });
    const code = () => totp.generate({ timestamp: t.clock.now().getTime() });

    expect((await client.post('/api/v1/account/mfa/enable', { code: '000000' })).statusCode).toBe(400);
    expect((await client.post('/api/v1/account/mfa/enable', { code: code() })).statusCode).toBe(200);
    // The code that turned it on has been used; sign-in needs the next one.
    t.clock.advance(30_000);

    const fresh = new TestClient(t.app);
    const first = await fresh.post('/api/v1/auth/sign-in', {
      email: person.email,
      password: person.password,
    });
    expect(json(first)).toMatchObject({ mfaRequired: true, user: null });
    expect((await fresh.get('/api/v1/account')).statusCode).toBe(401);
    expect((await fresh.post('/api/v1/auth/mfa', { code: 'abc' })).statusCode).toBe(400);
    const used = code();
    expect((await fresh.post('/api/v1/auth/mfa', { code: used })).statusCode).toBe(204);
    expect((await fresh.get('/api/v1/account')).statusCode).toBe(200);

    // The same code, overheard and tried again within its 30 seconds, does not work twice.
    const eavesdropper = new TestClient(t.app);
    await eavesdropper.post('/api/v1/auth/sign-in', { email: person.email, password: person.password });
    expect((await eavesdropper.post('/api/v1/auth/mfa', { code: used })).statusCode).toBe(401);
    t.clock.advance(30_000);
    expect((await eavesdropper.post('/api/v1/auth/mfa', { code: code() })).statusCode).toBe(204);
  });

  it("holds a program's mediators to its second-factor requirement", async () => {
    const program = await buildProgram(t.deps, { requireMfa: true });
    const coordinator = await buildUser(t.deps, { grants: [{ role: 'coordinator', programId: program.id }] });
    const client = await signedIn(t.app, coordinator);
    const me = json<{ mfaSetupRequired: boolean }>(await client.get('/api/v1/account'));
    expect(me.mfaSetupRequired).toBe(true);
    const people = await client.get(`/api/v1/programs/${program.id}/people`);
    expect(people.statusCode).toBe(401);
    expect(json(people)).toMatchObject({ error: { code: 'MFA_REQUIRED' } });
  });
});
