import type { TestApp } from '../app.ts';
import { signedIn } from '../client.ts';
import type { AccessEntry, AccessWorld, Caller } from './matrix.ts';

/** The matrix's program shows its public summary (the settings entry below turns it off again, after). */
export async function setup(t: TestApp, world: AccessWorld) {
  const admin = await signedIn(t.app, world.people.admin);
  const r = await admin.put(`/api/v1/programs/${world.program.id}/reports/settings`, {
    dueProcessCost: 16_000,
    dueProcessCostSource: 'DESE',
    publicSummary: true,
  });
  if (r.statusCode !== 200) throw new Error(`reports matrix setup: ${r.body}`);
}

// A program's figures and report settings: its coordinators and the administrator.
const programsPeople: Caller[] = ['coordinator', 'admin'];
const base = (programId: string) => `/api/v1/programs/${programId}/reports`;

export const entries: AccessEntry[] = [
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/reports/public',
    allowed: 'everyone',
    request: (w) => ({ url: `${base(w.program.id)}/public` }),
    note: 'parties and the public see the opt-in summary, small counts hidden',
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/reports/mine',
    allowed: ['mediator'],
    request: (w) => ({ url: `${base(w.program.id)}/mine` }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/reports/dashboard',
    allowed: programsPeople,
    request: (w) => ({ url: `${base(w.program.id)}/dashboard?from=2026-01-01&to=2026-12-31` }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/reports/settings',
    allowed: programsPeople,
    request: (w) => ({ url: `${base(w.program.id)}/settings` }),
  },
  {
    method: 'PUT',
    route: '/api/v1/programs/:programId/reports/settings',
    allowed: programsPeople,
    request: (w) => ({
      url: `${base(w.program.id)}/settings`,
      body: { dueProcessCost: 16_000, dueProcessCostSource: 'DESE', publicSummary: false },
    }),
  },
];

const query = 'from=2026-01-01&to=2026-12-31';
entries.push(
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/reports/dashboard.csv',
    allowed: programsPeople,
    request: (w) => ({ url: `${base(w.program.id)}/dashboard.csv?${query}` }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/reports/dashboard.pdf',
    allowed: programsPeople,
    request: (w) => ({ url: `${base(w.program.id)}/dashboard.pdf?${query}` }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/reports/federal',
    allowed: programsPeople,
    request: (w) => ({ url: `${base(w.program.id)}/federal?year=2025` }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/reports/federal.csv',
    allowed: programsPeople,
    request: (w) => ({ url: `${base(w.program.id)}/federal.csv?year=2025` }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/reports/federal.pdf',
    allowed: programsPeople,
    request: (w) => ({ url: `${base(w.program.id)}/federal.pdf?year=2025` }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/reports/federal/cases',
    allowed: programsPeople,
    request: (w) => ({ url: `${base(w.program.id)}/federal/cases?year=2025&figure=received` }),
  },
);

entries.push({
  method: 'GET',
  route: '/api/v1/reports/association',
  allowed: ['staff', 'admin'],
  request: () => ({ url: '/api/v1/reports/association?from=2026-01-01&to=2026-12-31' }),
});
