import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOutsideMatrix } from '../../test/access/matrix.ts';
import { createTestApp, routesWithStrayRoute, type TestApp } from '../../test/app.ts';
import type { RouteSummary } from '../app.ts';

/**
 * API routes not yet registered from a contract (contracts/<area>.ts), so not yet typed for the
 * web app and not always described. This list only shrinks: an area that moves to contracts
 * removes its routes here, and the test fails while a listed route already comes from one.
 */
const NOT_YET_ON_CONTRACTS: string[] = [];

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type Document = { paths: Record<string, Record<string, Operation>> };

/** A schema says what comes back; an open object with no properties (`z.object({}).passthrough()`) does not. */
const describes = (schema: unknown) => {
  if (!schema || typeof schema !== 'object') return false;
  const { type, properties } = schema as { type?: unknown; properties?: object };
  return !(type === 'object' && Object.keys(properties ?? {}).length === 0);
};

/** Operations ("GET /api/v1/programs/:programId") without a described success answer. */
function undescribedOperations(document: Document): string[] {
  const missing: string[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const described = Object.entries(operation.responses ?? {}).some(
        ([status, response]) =>
          // A 204 says by its status that nothing comes back; any other success names its content.
          status === '204' ||
          (/^2\d\d$/.test(status) && Object.values(response.content ?? {}).some((m) => describes(m.schema))),
      );
      if (!described) missing.push(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
  }
  return missing;
}

/** The API's routes (not the web app's files, the documentation pages or the document itself). */
const apiRoutes = (routes: RouteSummary[]) =>
  routes
    .filter((route) => !isOutsideMatrix(route) && route.url !== '/api/openapi.json')
    .map((route) => ({ key: `${route.method} ${route.url}`, fromContract: route.fromContract }));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the API description', () => {
  it('registers every API route from a contract', () => {
    const routes = apiRoutes(t.routes);
    expect(routes.filter((r) => !r.fromContract && !NOT_YET_ON_CONTRACTS.includes(r.key))).toEqual([]);
    // A listed route that comes from a contract now leaves the list.
    expect(routes.filter((r) => r.fromContract && NOT_YET_ON_CONTRACTS.includes(r.key))).toEqual([]);
  });

  it('tells a route registered without a contract from one registered with it', async () => {
    const routes = await routesWithStrayRoute(t, '/api/v1/off-contract');
    const byKey = new Map(apiRoutes(routes).map((r) => [r.key, r.fromContract]));
    expect(byKey.get('GET /api/v1/off-contract')).toBe(false);
    expect(byKey.get('GET /api/v1/programs/:programId')).toBe(true);
  });

  it('gives every operation a success answer with its schema', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Document;
    const missing = undescribedOperations(document).filter(
      (operation) => !NOT_YET_ON_CONTRACTS.includes(operation),
    );
    expect(missing).toEqual([]);
  });

  it('finds an operation whose answer is missing, open or not a success', () => {
    const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
    const document: Document = {
      paths: {
        '/a': { get: { responses: { '200': { content: {} } } } },
        '/b/{id}': { post: { responses: { '200': json({ type: 'object', additionalProperties: {} }) } } },
        '/c': { get: { responses: { '404': json({ type: 'string' }) } } },
        '/d': {
          get: { responses: { '200': json({ type: 'object', properties: { id: { type: 'string' } } }) } },
        },
        '/e': { post: { responses: { '204': {} } } },
        '/f': {
          get: { responses: { '200': { content: { 'application/pdf': { schema: { type: 'string' } } } } } },
        },
      },
    };
    expect(undescribedOperations(document)).toEqual(['GET /a', 'POST /b/:id', 'GET /c']);
  });
});
