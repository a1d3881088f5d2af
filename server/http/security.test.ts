import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { json, signedIn, TestClient } from '../../test/client.ts';
import { loadConfig } from '../config.ts';
import { buildUser } from '../db/seed/builders.ts';
import { csrfTokenFor } from './csrf.ts';
import { parseTrustProxy } from './trust-proxy.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the security hooks judge the routed path', () => {
  it('gives /%61pi/… the same CSRF and Origin checks as /api/…', async () => {
    const person = await buildUser(t.deps, { password: 'a long enough password' });
    const body = { email: person.email, password: 'a long enough password' };
    for (const url of ['/api/v1/auth/sign-in', '/%61pi/v1/auth/sign-in', '/%61%70%69/v1/auth/sign-in']) {
      const client = new TestClient(t.app);
      const noToken = await client.post(url, body, { csrf: false });
      expect(noToken.statusCode, url).toBe(403);
      expect(json(noToken).error).toMatchObject({ code: 'CSRF_REJECTED' });

      const otherSite = await client.post(url, body, { headers: { origin: 'https://evil.example' } });
      expect(otherSite.statusCode, url).toBe(403);
      expect(json(otherSite).error).toMatchObject({ code: 'CSRF_REJECTED' });

      // The same request with the token and no foreign Origin goes through, however it is spelled.
      expect((await client.post(url, body)).statusCode, url).toBe(200);
      expect((await client.get(url.replace('auth/sign-in', 'account'))).statusCode, url).toBe(200);
    }
  });

  it('reads the session on an escaped path too, and marks every API answer no-store', async () => {
    const person = await buildUser(t.deps);
    const client = await signedIn(t.app, person);
    const escaped = await client.get('/%61pi/v1/account');
    expect(escaped.statusCode).toBe(200);
    expect(escaped.headers['cache-control']).toBe('no-store');
  });
});

describe('the CSRF token is bound to the session', () => {
  it('issues a new token at sign-in and sign-out, and refuses a token made for another session', async () => {
    const person = await buildUser(t.deps);
    const client = new TestClient(t.app);
    await client.get('/api/v1/auth/session');
    const before = client.cookies.get('parley_csrf')!;
    await client.signIn(person.email, person.password);
    const during = client.cookies.get('parley_csrf')!;
    expect(during).not.toBe(before);

    // The signed-out token, replayed in cookie and header alike, no longer passes.
    const withToken = (token: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/account/mfa/setup',
        headers: {
          cookie: `parley_session=${client.cookies.get('parley_session')}; parley_csrf=${token}`,
          'x-csrf-token': token,
        },
      });
    expect((await withToken(during)).statusCode).toBe(200);
    const stale = await withToken(before);
    expect(stale.statusCode).toBe(403);
    expect(json(stale).error).toMatchObject({ code: 'CSRF_REJECTED' });

    // Nor does a well-formed token an attacker made for no session, or a random value in both places.
    for (const planted of [
      csrfTokenFor('another-secret-another-secret-another', undefined),
      'abc.def',
      'plain',
    ]) {
      expect((await withToken(planted)).statusCode, planted).toBe(403);
    }

    await client.post('/api/v1/auth/sign-out');
    expect(client.cookies.get('parley_csrf')).not.toBe(during);
    expect(
      (await client.post('/api/v1/auth/password-reset/request', { email: person.email })).statusCode,
    ).toBe(202);
  });

  it('replaces a token that does not fit the session when the page asks who is signed in', async () => {
    const client = new TestClient(t.app);
    client.cookies.set('parley_csrf', 'planted.value');
    await client.get('/api/v1/auth/session');
    expect(client.cookies.get('parley_csrf')).not.toBe('planted.value');
    expect(
      (await client.post('/api/v1/auth/password-reset/request', { email: 'x@example.test' })).statusCode,
    ).toBe(202);
  });
});

describe('TRUST_PROXY', () => {
  it('takes addresses, ranges and hop counts, and refuses true and nonsense naming the setting', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.0/8, 192.168.1.7, loopback, fd00::/8')).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      'loopback',
      'fd00::/8',
    ]);
    for (const bad of ['true', '10.0.0.0/33', 'proxy.example', '0', '10.0.0.1,,']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });

  async function addressSeen(app: TestApp, remoteAddress: string, forwardedFor: string, probe: string) {
    await app.app.inject({
      method: 'GET',
      url: `/api/v1/probe-${probe}`,
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
    });
    const line = app.logs.find((l) => l.includes(`/api/v1/probe-${probe}`));
    return (JSON.parse(line!) as { req: { remoteAddress: string } }).req.remoteAddress;
  }

  it('takes the first untrusted address from the right and ignores a spoofed X-Forwarded-For', async () => {
    const ranges = await createTestApp({ env: { TRUST_PROXY: '10.0.0.0/8' } });
    const hops = await createTestApp({ env: { TRUST_PROXY: '1' } });
    try {
      // Through the proxy: the client wrote 6.6.6.6, the proxy appended the real 203.0.113.7.
      expect(await addressSeen(ranges, '10.0.0.5', '6.6.6.6, 203.0.113.7', 'a')).toBe('203.0.113.7');
      // Two proxies of ours in a row are both skipped.
      expect(await addressSeen(ranges, '10.0.0.5', '6.6.6.6, 203.0.113.7, 10.9.9.9', 'b')).toBe(
        '203.0.113.7',
      );
      // Straight to Parley, not through a trusted proxy: the header is ignored.
      expect(await addressSeen(ranges, '198.51.100.4', '6.6.6.6', 'c')).toBe('198.51.100.4');
      expect(await addressSeen(hops, '10.0.0.5', '6.6.6.6, 203.0.113.7', 'd')).toBe('203.0.113.7');
      // Without TRUST_PROXY nothing a client writes is believed.
      expect(await addressSeen(t, '198.51.100.4', '6.6.6.6', 'e')).toBe('198.51.100.4');
    } finally {
      await ranges.close();
      await hops.close();
    }
  });
});

describe('demo mode', () => {
  it('listens on this machine only when HOST is unset, and where told otherwise', () => {
    expect(loadConfig({ PARLEY_MODE: 'demo' })).toMatchObject({ host: '127.0.0.1', demoLocalOnly: true });
    expect(loadConfig({ PARLEY_MODE: 'demo', HOST: '0.0.0.0' })).toMatchObject({
      host: '0.0.0.0',
      demoLocalOnly: false,
    });
    expect(loadConfig({ PARLEY_MODE: 'development' })).toMatchObject({ host: '0.0.0.0' });
  });
});
