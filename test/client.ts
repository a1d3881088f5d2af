import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildUser } from '../server/db/seed/builders.ts';
import type { App } from '../server/http/types.ts';
import type { Deps } from '../server/infra/deps.ts';

/**
 * A browser-like client for app.inject: it keeps cookies between requests and sends the CSRF
 * header the way the web app does, so tests exercise the same protections a person meets.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  readonly app: App;
  readonly ip: string;
  /** The browser this client says it is (its user agent), when a test needs one. */
  readonly userAgent: string | undefined;
  constructor(app: App, ip = '127.0.0.1', userAgent?: string) {
    this.app = app;
    this.ip = ip;
    this.userAgent = userAgent;
  }

  private remember(response: LightMyRequestResponse) {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    options: { headers?: Record<string, string>; csrf?: boolean; rawBody?: string } = {},
  ): Promise<LightMyRequestResponse> {
    if (method !== 'GET' && !this.cookies.has('parley_csrf')) {
      this.remember(
        await this.app.inject({ method: 'GET', url: '/api/v1/auth/session', remoteAddress: this.ip }),
      );
    }
    const headers: Record<string, string> = {
      ...(this.userAgent ? { 'user-agent': this.userAgent } : {}),
      ...options.headers,
    };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && options.csrf !== false)
      headers['x-csrf-token'] = this.cookies.get('parley_csrf') ?? '';
    const payload = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.ip,
      ...(payload !== undefined ? { payload } : {}),
    });
    this.remember(response);
    return response;
  }

  get = (url: string, options?: { headers?: Record<string, string> }) =>
    this.request('GET', url, undefined, options);
  post = (
    url: string,
    body?: unknown,
    options?: { headers?: Record<string, string>; csrf?: boolean; rawBody?: string },
  ) => this.request('POST', url, body ?? {}, options);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);

  async signIn(email: string, password: string): Promise<this> {
    const response = await this.post('/api/v1/auth/sign-in', { email, password });
    if (response.statusCode !== 200)
      throw new Error(`sign-in failed for ${email}: ${response.statusCode} ${response.body}`);
    return this;
  }
}

/** Signs in a fresh client as the given person. */
export const signedIn = (app: App, person: { email: string; password: string }) =>
  new TestClient(app).signIn(person.email, person.password);

/** A new person (`buildUser`'s options: grants, name, e-mail…) signed in on a fresh client. */
export const signedInAs = async (
  t: { app: App; deps: Pick<Deps, 'db' | 'clock'> },
  options: Parameters<typeof buildUser>[1] = {},
) => signedIn(t.app, await buildUser(t.deps, options));

export const json = <T = Record<string, unknown>>(response: LightMyRequestResponse): T =>
  response.json() as T;

/** The answer to a request that must succeed (below 300); otherwise the test stops on its status and body. */
export const must = async <R extends { statusCode: number; body: string }>(p: Promise<R>) => {
  const r = await p;
  if (r.statusCode >= 300) throw new Error(`${r.statusCode} ${r.body}`);
  return r;
};
