/**
 * The program, its people and the hand-counted cases that reports.test.ts and
 * report-settings.test.ts both check figures against.
 */
import { expect } from 'vitest';
import type { Dashboard } from '../../../contracts/reports.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, type TestClient } from '../../../test/client.ts';
import { type FigureCase, insertFigureCases } from '../../../test/reports.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';

/**
 * The dashboard's every figure against counts made by hand from the cases below (program P,
 * period 2026-01-01 to 2026-03-31, Missouri days). Times are 18:00 UTC (noon in Missouri) so a
 * difference of dates is a whole number of days, except the cases placed on purpose at the
 * edges of the period.
 */

type Row = Omit<FigureCase, 'mediatorId'> & { mediator?: 'm1' | 'm2'; program?: 'other' };
const CASES: Row[] = [
  {
    key: 'A',
    created: '2026-01-05',
    state: 'full_agreement',
    closed: '2026-01-25',
    county: 'Boone',
    mediator: 'm1',
    category: 'evaluation',
    sessions: [
      { on: '2026-01-15', minutes: 120 },
      { on: '2026-01-20', minutes: 60 },
      { on: '2026-01-18', minutes: 90, status: 'cancelled' },
    ],
    surveys: [
      [5, 5, 4, true],
      [4, 3, 4, true],
    ],
    promises: [
      { due: '2026-02-01', state: 'confirmed', doneOn: '2026-01-30' },
      { due: '2026-02-15', state: 'done', doneOn: '2026-02-20' },
      { due: '2026-03-01', state: 'missed' },
      { due: '2026-03-15', state: 'waived' },
      { due: '2026-03-31', state: 'pending' },
      { due: '2026-04-01', state: 'pending' },
    ],
  },
  {
    key: 'B',
    created: '2026-01-10',
    state: 'partial_agreement',
    closed: '2026-02-09',
    county: 'Boone',
    mediator: 'm2',
    category: 'provision_of_services',
    sessions: [{ on: '2026-01-12', minutes: 90 }],
    surveys: [[3, 4, 5, false]],
    promises: [
      { due: '2026-02-10', state: 'done', doneOn: '2026-02-10' },
      { due: '2026-03-20', state: 'disputed', doneOn: '2026-03-18' },
    ],
  },
  {
    key: 'C',
    created: '2026-02-01',
    state: 'no_agreement',
    closed: '2026-02-21',
    county: 'Cole',
    mediator: 'm1',
    category: 'evaluation',
    sessions: [{ on: '2026-02-11', minutes: 180 }],
    surveys: [[2, 2, 3, false], [1, 2, 2, false], null],
  },
  { key: 'D', created: '2026-02-03', state: 'declined', closed: '2026-02-05', county: 'Cole' },
  {
    key: 'E',
    created: '2026-03-01',
    state: 'withdrawn',
    closed: '2026-03-10',
    county: 'Boone',
    mediator: 'm1',
  },
  { key: 'F', created: '2026-03-02', state: 'not_suitable', closed: '2026-03-04', county: 'Boone' },
  {
    key: 'G',
    created: '2026-03-05',
    state: 'in_mediation',
    county: 'Cole',
    mediator: 'm2',
    sessions: [{ on: '2026-03-09', minutes: 60 }],
  },
  {
    key: 'H',
    created: '2026-03-20',
    state: 'requested',
    county: 'Boone',
    sessions: [{ on: '2026-04-03', minutes: 60, status: 'scheduled' }],
  },
  {
    key: 'I',
    created: '2025-12-20',
    state: 'informal_agreement',
    closed: '2026-01-30',
    county: 'Boone',
    mediator: 'm2',
    sessions: [{ on: '2026-01-08', minutes: 120 }],
  },
  {
    key: 'J',
    created: '2026-03-25',
    state: 'full_agreement',
    closed: '2026-04-10',
    county: 'Boone',
    mediator: 'm1',
    sessions: [{ on: '2026-04-02', minutes: 60 }],
    surveys: [[5, 5, 5, true]],
  },
  { key: 'K', created: '2026-01-15', state: 'opted_out', closed: '2026-01-20', county: 'Cole' },
  // 11:30 pm on March 31 in Missouri (daylight time): inside the period.
  { key: 'L', created: '2026-04-01T04:30:00.000Z', state: 'requested', county: 'Boone' },
  // 11:30 pm on December 31 in Missouri (standard time): before the period.
  { key: 'M', created: '2026-01-01T05:30:00.000Z', state: 'requested', county: 'Cole' },
  {
    key: 'X',
    created: '2026-01-10',
    state: 'full_agreement',
    closed: '2026-01-20',
    county: 'Boone',
    mediator: 'm1',
    program: 'other',
    sessions: [{ on: '2026-01-12', minutes: 60 }],
  },
];

export const Q1 = 'from=2026-01-01&to=2026-03-31';

export type Figures = {
  t: TestApp;
  programId: string;
  coordinator: TestClient;
  mediators: Record<'m1' | 'm2', { id: string; name: string }>;
  mediatorEmails: Record<'m1' | 'm2', string>;
  mediatorPasswords: Record<'m1' | 'm2', string>;
};

/** A test app with program P's coordinator and two mediators, and the cases above in place. */
export async function setUpFigures(): Promise<Figures> {
  const t = await createTestApp();
  const program = await buildProgram(t.deps, { kind: 'community' });
  const other = await buildProgram(t.deps, { kind: 'community' });
  const programId = program.id;
  const m1 = await buildUser(t.deps, { name: 'Avery Mediator', grants: [{ role: 'mediator', programId }] });
  const m2 = await buildUser(t.deps, { name: 'Blair Mediator', grants: [{ role: 'mediator', programId }] });
  const mediators = { m1: { id: m1.id, name: m1.name }, m2: { id: m2.id, name: m2.name } };
  const person = await buildUser(t.deps, { grants: [{ role: 'coordinator', programId }] });
  const coordinator = await signedIn(t.app, person);
  const figureCase = ({ mediator, program: _p, ...c }: Row): FigureCase => ({
    ...c,
    ...(mediator ? { mediatorId: mediators[mediator].id } : {}),
  });
  await insertFigureCases(t.db, programId, CASES.filter((c) => !c.program).map(figureCase), m1.id);
  await insertFigureCases(t.db, other.id, CASES.filter((c) => c.program).map(figureCase), m1.id);
  return {
    t,
    programId,
    coordinator,
    mediators,
    mediatorEmails: { m1: m1.email, m2: m2.email },
    mediatorPasswords: { m1: m1.password, m2: m2.password },
  };
}

/** The program's dashboard as its coordinator reads it. */
export async function dashboardOf(f: Figures, query = Q1) {
  const r = await f.coordinator.get(`/api/v1/programs/${f.programId}/reports/dashboard?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return json<Dashboard>(r);
}
