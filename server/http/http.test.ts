import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_DEFAULT_MESSAGE } from '../../contracts/messages.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { json, signedIn, TestClient } from '../../test/client.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { buildProgram, buildUser } from '../db/seed/builders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
});
afterAll(async () => t.close());

describe('the API description', () => {
  it('is a valid OpenAPI 3.1 document describing the routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(document.paths)).toContain('/api/v1/auth/sign-in');
  });

  it('is browsable', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });
});

describe('health', () => {
  it('reports that the database answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('tells anyone the contact address of the footer pages', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/about' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ contactEmail: t.deps.config.contactEmail });
  });
});

describe('bad input', () => {
  it('answers malformed JSON, wrong types, missing fields and oversized bodies with the envelope, and changes nothing', async () => {
    const coordinatorProgram = await buildProgram(t.deps, {
      name: 'Unchanged program',
      description: 'Original words',
    });
    const coordinator = await buildUser(t.deps, {
      grants: [{ role: 'coordinator', programId: coordinatorProgram.id }],
    });
    const client = await signedIn(t.app, coordinator);
    const url = `/api/v1/programs/${coordinatorProgram.id}`;

    const malformedRaw = await client.request('PATCH', url, undefined, {
      rawBody: '{"description": "half',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformedRaw.statusCode).toBe(400);
    expect(json(malformedRaw)).toMatchObject({
      error: { code: 'MALFORMED_REQUEST', fields: { body: expect.any(String) } },
    });

    const wrongType = await client.patch(url, { requireMfa: 'yes please' });
    expect(wrongType.statusCode).toBe(400);
    expect(json(wrongType)).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: { requireMfa: expect.any(String) } },
    });

    const missing = await client.post('/api/v1/auth/sign-up', {
      name: 'No Email',
      password: 'long enough password',
    });
    expect(missing.statusCode).toBe(400);
    expect(
      json<{ error: { fields: Record<string, string>; message: string } }>(missing).error.fields,
    ).toHaveProperty('email');

    const oversized = await client.patch(url, { description: 'x'.repeat(10_000) });
    expect(oversized.statusCode).toBe(413);
    expect(json(oversized)).toMatchObject({
      error: { code: 'PAYLOAD_TOO_LARGE', fields: { body: expect.any(String) } },
    });

    const badParam = await client.get('/api/v1/audit/events?limit=many');
    expect([400, 403]).toContain(badParam.statusCode);

    const after = json(await client.get(url));
    expect(after).toMatchObject({
      name: 'Unchanged program',
      description: 'Original words',
      requireMfa: false,
    });
  });

  it('says what is wrong in words a parent reads, naming each field in words, never in zod’s words', async () => {
    const program = await buildProgram(t.deps, { name: 'Words program' });
    const coordinator = await buildUser(t.deps, { grants: [{ role: 'coordinator', programId: program.id }] });
    const client = await signedIn(t.app, coordinator);
    type Refusal = { error: { code: string; message: string; fields: Record<string, string> } };

    const wrongType = json<Refusal>(
      await client.patch(`/api/v1/programs/${program.id}`, { requireMfa: 'yes' }),
    );
    expect(wrongType.error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Please check the require two-step sign-in: choose yes or no.',
      fields: { requireMfa: 'Choose yes or no.' },
    });

    const signUp = json<Refusal>(
      await new TestClient(t.app).post('/api/v1/auth/sign-up', {
        name: 'x'.repeat(121),
        email: 'not an address',
        password: 12,
      }),
    );
    expect(signUp.error.fields).toEqual({
      name: 'Use 120 characters or fewer',
      email: 'Enter an e-mail address like name@example.com',
      password: 'Enter a password',
    });
    expect(signUp.error.message).toBe(
      'Please check the name: use 120 characters or fewer. Please check the e-mail address: enter an e-mail address like name@example.com. Please check the password: enter a password.',
    );
    for (const answer of [wrongType, signUp])
      expect(JSON.stringify(answer)).not.toMatch(SCHEMA_DEFAULT_MESSAGE);
  });

  it('names a bad query parameter', async () => {
    const admin = await buildUser(t.deps, { grants: [{ role: 'admin' }] });
    const client = await signedIn(t.app, admin);
    const response = await client.get('/api/v1/audit/events?limit=many');
    expect(response.statusCode).toBe(400);
    expect(json(response)).toMatchObject({ error: { fields: { limit: expect.any(String) } } });
  });

  it('never sends a stack trace', async () => {
    const response = await new TestClient(t.app).request('POST', '/api/v1/auth/sign-in', undefined, {
      rawBody: '[1,2',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('security headers, request ids and logs', () => {
  it('sends security headers and a request id of its own making, whatever the client sent', async () => {
    const chosen = 'forged-id-0123 injected=yes';
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': chosen },
    });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.logs.join('\n')).not.toContain('forged-id-0123');
  });

  it('keeps passwords, tokens and cookies out of the logs', async () => {
    const person = await buildUser(t.deps, { password: 'a very secret passphrase' });
    const client = await signedIn(t.app, person);
    await client.get('/api/v1/account');
    await client.post('/api/v1/auth/password-reset', {
      token: 'S3cretTokenValue-abcdefghijklmnopqrstuvwxyz',
      password: 'another secret phrase',
    });
    const logs = t.logs.join('\n');
    expect(logs).toContain('/api/v1/account');
    expect(logs).not.toContain('a very secret passphrase');
    expect(logs).not.toContain('S3cretTokenValue');
    expect(logs).not.toContain(client.cookies.get('parley_session')!);
  });
});

describe('configuration', () => {
  it('stops with a message naming the bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PARLEY_MODE: 'production', PUBLIC_URL: 'https://parley.example' })).toThrow(
      /APP_SECRET/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
