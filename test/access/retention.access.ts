import type { TestApp } from '../app.ts';
import { json, signedIn } from '../client.ts';
import type { AccessEntry, AccessWorld, Caller } from './matrix.ts';
import { matrixCase, ON_CASE } from './matrix-case.ts';

/**
 * A matrix case for legal holds, and one standing hold for each caller who may lift one (the
 * program's coordinator and the administrator), so each lifts their own.
 */
export async function setup(t: TestApp, world: AccessWorld) {
  const { caseId } = await matrixCase(t, world, 'matrix-district-retention@example.test', 'in_mediation');
  const admin = await signedIn(t.app, world.people.admin);
  world.extra.rCase = caseId;
  for (const caller of ['coordinator', 'admin'] as const) {
    const placed = await admin.post(`/api/v1/cases/${caseId}/legal-holds`, {
      reason: `Matrix hold (${caller})`,
    });
    if (placed.statusCode !== 201) throw new Error(`retention matrix setup: ${placed.body}`);
    world.extra[`rHold:${caller}`] = json<{ id: string }>(placed).id;
  }
}

const programsPeople: Caller[] = ['coordinator', 'admin'];
const policy = (w: AccessWorld) => `/api/v1/programs/${w.program.id}/retention`;
const holds = (w: AccessWorld) => `/api/v1/cases/${w.extra.rCase}/legal-holds`;

export const entries: AccessEntry[] = [
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/retention',
    allowed: programsPeople,
    request: (w) => ({ url: policy(w) }),
  },
  {
    method: 'PUT',
    route: '/api/v1/programs/:programId/retention',
    allowed: programsPeople,
    request: (w) => ({
      url: policy(w),
      body: {
        closedCaseYears: { value: 6, cite: 'Program records schedule 2026' },
        confidentialAfterDays: 30,
      },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/case-report',
    allowed: programsPeople,
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/case-report` }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/case-report.csv',
    allowed: programsPeople,
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/case-report.csv?from=2026-01` }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/legal-holds',
    allowed: ON_CASE,
    request: (w) => ({ url: holds(w) }),
    note: 'everyone on the case sees that its records are held',
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/legal-holds',
    allowed: programsPeople,
    status: 201,
    request: (w, { caller }) => ({ url: holds(w), body: { reason: `Records request (${caller})` } }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/legal-holds/:holdId/lift',
    allowed: programsPeople,
    request: (w, { caller }) => ({
      url: `${holds(w)}/${w.extra[`rHold:${caller}`] ?? w.extra['rHold:coordinator']}/lift`,
      body: { reason: 'The request was answered' },
    }),
  },
];
