import type { RouteSummary } from '../../server/app.ts';
import type { TestApp } from '../app.ts';
import type { TestClient } from '../client.ts';

/**
 * The access matrix: for every route, which callers may use it. The matrix test signs in as each
 * caller, checks that everyone else gets 401, 403 or 404 and no data, and that each allowed
 * caller gets the route's success answer. Each area keeps its entries in
 * test/access/<area>.access.ts; a route without an entry fails the suite.
 */
export const CALLERS = [
  'anonymous',
  'party',
  'advocate',
  'attorney',
  'mediator',
  'coordinator',
  'otherCoordinator',
  'staff',
  'member',
  'admin',
  'court',
] as const;
export type Caller = (typeof CALLERS)[number];

/** Everyone who is signed in, whatever their role. */
export const SIGNED_IN = CALLERS.filter((c): c is Exclude<Caller, 'anonymous'> => c !== 'anonymous');

/** The people and records every entry can refer to, made fresh for the matrix run. */
export type AccessWorld = {
  program: { id: string };
  otherProgram: { id: string };
  people: Record<Exclude<Caller, 'anonymous'>, { id: string; email: string; password: string }>;
  /** Areas add records they need (a case, a profile) in their own setup functions. */
  extra: Record<string, string>;
};

/** Who is calling, for a request that differs by caller (a token each, an address each). */
export type RequestContext = {
  caller: Caller;
  /** The caller's own client, signed in as them, for a step the request needs first. */
  client: TestClient;
  t: TestApp;
};

export type AccessRequest = { url?: string; body?: unknown; headers?: Record<string, string> };

export type AccessEntry = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route pattern exactly as registered, e.g. /api/v1/programs/:programId */
  route: string;
  /** Callers who must NOT be refused; everyone else must be. 'everyone' for public routes. */
  allowed: readonly Caller[] | 'everyone';
  /**
   * The concrete request to make; defaults to the route with no body. An allowed caller's
   * request must succeed, so a state-changing route gives each caller its own record.
   */
  request?: (world: AccessWorld, context: RequestContext) => AccessRequest | Promise<AccessRequest>;
  /** The success status each allowed caller gets; any 2xx when not given. */
  status?: number;
  /** The call ends or changes the caller's session; the matrix signs them in again afterwards. */
  endsSession?: boolean;
  /** Why a route is public or unusual, for the reader. */
  note?: string;
};

/** Routes that are not Parley's API: the web app's files and the API documentation pages. */
export const isOutsideMatrix = (route: RouteSummary) =>
  route.method === 'HEAD' || !route.url.startsWith('/api/') || route.url.startsWith('/api/docs');

export const routeKey = (r: { method: string; url?: string; route?: string }) =>
  `${r.method} ${r.route ?? r.url}`;

/** Routes the app registered that no entry covers. */
export function findUncoveredRoutes(routes: RouteSummary[], entries: AccessEntry[]): string[] {
  const covered = new Set(entries.map((e) => routeKey(e)));
  return routes.filter((r) => !isOutsideMatrix(r) && !covered.has(routeKey(r))).map((r) => routeKey(r));
}

/** Entries that name a route the app no longer has (stale entries hide nothing, but mislead). */
export function findStaleEntries(routes: RouteSummary[], entries: AccessEntry[]): string[] {
  const registered = new Set(routes.map((r) => routeKey(r)));
  return entries.filter((e) => !registered.has(routeKey(e))).map((e) => routeKey(e));
}
