import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, PublicSummary, ReportSettings } from '../../../contracts/reports.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, TestClient } from '../../../test/client.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { type FigureCase, insertFigureCases, parseCsv } from '../../../test/reports.ts';
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

let t: TestApp;
let programId: string;
let coordinator: TestClient;
let mediators: Record<'m1' | 'm2', { id: string; name: string }>;
let mediatorEmails: Record<'m1' | 'm2', string>;
let mediatorPasswords: Record<'m1' | 'm2', string>;
const Q1 = 'from=2026-01-01&to=2026-03-31';
const dashboard = async (query = Q1) => {
  const r = await coordinator.get(`/api/v1/programs/${programId}/reports/dashboard?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return json<Dashboard>(r);
};

beforeAll(async () => {
  t = await createTestApp();
  const program = await buildProgram(t.deps, { kind: 'community' });
  const other = await buildProgram(t.deps, { kind: 'community' });
  programId = program.id;
  const m1 = await buildUser(t.deps, { name: 'Avery Mediator', grants: [{ role: 'mediator', programId }] });
  const m2 = await buildUser(t.deps, { name: 'Blair Mediator', grants: [{ role: 'mediator', programId }] });
  mediators = { m1: { id: m1.id, name: m1.name }, m2: { id: m2.id, name: m2.name } };
  mediatorEmails = { m1: m1.email, m2: m2.email };
  mediatorPasswords = { m1: m1.password, m2: m2.password };
  const person = await buildUser(t.deps, { grants: [{ role: 'coordinator', programId }] });
  coordinator = await signedIn(t.app, person);
  const figureCase = ({ mediator, program: _p, ...c }: Row): FigureCase => ({
    ...c,
    ...(mediator ? { mediatorId: mediators[mediator].id } : {}),
  });
  await insertFigureCases(t.db, programId, CASES.filter((c) => !c.program).map(figureCase), m1.id);
  await insertFigureCases(t.db, other.id, CASES.filter((c) => c.program).map(figureCase), m1.id);
});
afterAll(() => t.close());

describe('the program dashboard', () => {
  it('counts requests, mediations held, outcomes and the resolution rate', async () => {
    const d = await dashboard();
    expect(d.requests).toEqual({ received: 11, declined: 1, withdrawn: 2 });
    expect(d.mediationsHeld).toBe(5);
    expect(d.outcomes).toEqual({ full: 1, partial: 1, informal: 1, none: 1, notSuitable: 1 });
    expect(d.resolution).toMatchObject({ resolved: 3, ended: 4, rate: 75 });
    expect(d.resolution.definition).toMatch(/full, partial or informal agreement/);
  });

  it('offers no "informal agreement" where the rules allow only written ones (34 CFR 300.506(b)(6))', async () => {
    const dese = await buildProgram(t.deps, { kind: 'special_education' });
    const staff = await buildUser(t.deps, { grants: [{ role: 'coordinator', programId: dese.id }] });
    const client = await signedIn(t.app, staff);
    const r = await client.get(`/api/v1/programs/${dese.id}/reports/dashboard`);
    expect(r.statusCode, r.body).toBe(200);
    expect(json<Dashboard>(r).outcomes.informal).toBeNull();
    const csv = await client.get(`/api/v1/programs/${dese.id}/reports/dashboard.csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain('Full agreement');
    expect(csv.body).not.toContain('Informal agreement');
  });

  it('gives the median and 90th percentile of days to the first session and to closing', async () => {
    const d = await dashboard();
    expect(d.days.toFirstSession).toEqual({ cases: 5, median: 10, p90: 19 });
    expect(d.days.toClose).toEqual({ cases: 8, median: 9, p90: 41 });
  });

  it('counts sessions and hours per case over the cases closed that held any', async () => {
    const d = await dashboard();
    expect(d.sessions).toEqual({
      cases: 4,
      sessions: 5,
      hours: 9.5,
      sessionsPerCase: 1.3,
      hoursPerCase: 2.4,
    });
  });

  it('shows each survey question, answers from cases without agreement apart', async () => {
    const d = await dashboard();
    const counts = (g: Dashboard['satisfaction']['withAgreement']) =>
      Object.fromEntries(g.questions.map((q) => [q.key, q.counts]));
    expect(d.satisfaction.withAgreement.responses).toBe(3);
    expect(counts(d.satisfaction.withAgreement)).toEqual({
      overall: [0, 0, 1, 1, 1],
      heard: [0, 0, 1, 1, 1],
      fair: [0, 0, 0, 2, 1],
    });
    expect(d.satisfaction.withAgreement.recommend).toEqual({ yes: 2, no: 1 });
    expect(d.satisfaction.withoutAgreement.responses).toBe(2);
    expect(counts(d.satisfaction.withoutAgreement)).toEqual({
      overall: [1, 1, 0, 0, 0],
      heard: [0, 2, 0, 0, 0],
      fair: [0, 1, 1, 0, 0],
    });
    expect(d.satisfaction.withoutAgreement.recommend).toEqual({ yes: 0, no: 2 });
    expect(JSON.stringify(d)).not.toContain('Words never counted');
  });

  it('counts promises kept on time, late, missed, waived and open, and deadlines met', async () => {
    const d = await dashboard();
    expect(d.promises).toEqual({ onTime: 2, late: 1, missed: 1, waived: 1, open: 2 });
    expect(d.deadlines).toMatchObject({ due: 4, met: 2, rate: 50 });
  });

  it('estimates the cost avoided from the program’s due-process cost, $16,000 from DESE by default', async () => {
    const d = await dashboard();
    expect(d.costAvoided).toMatchObject({ resolved: 3, costPerCase: 16_000, total: 48_000 });
    expect(d.costAvoided.source).toMatch(/DESE/);
  });

  it('gives the trends month by month, the period’s edges in Missouri time', async () => {
    const d = await dashboard();
    expect(d.trends).toEqual([
      { month: '2026-01', received: 3, held: 3, closed: 3, resolved: 2 },
      { month: '2026-02', received: 2, held: 1, closed: 3, resolved: 1 },
      { month: '2026-03', received: 6, held: 1, closed: 2, resolved: 0 },
    ]);
  });

  it('filters by county and by mediator', async () => {
    const boone = await dashboard(`${Q1}&county=Boone`);
    expect(boone.requests).toEqual({ received: 7, declined: 0, withdrawn: 1 });
    expect(boone.mediationsHeld).toBe(3);
    expect(boone.outcomes).toEqual({ full: 1, partial: 1, informal: 1, none: 0, notSuitable: 1 });
    expect(boone.resolution).toMatchObject({ resolved: 3, ended: 3, rate: 100 });
    const m1 = await dashboard(`${Q1}&mediatorId=${mediators.m1.id}`);
    expect(m1.requests.received).toBe(4); // A, C, E and J
    expect(m1.mediationsHeld).toBe(2);
    expect(m1.resolution).toMatchObject({ resolved: 1, ended: 2, rate: 50 });
    const evaluation = await dashboard(`${Q1}&category=evaluation`);
    expect(evaluation.outcomes).toEqual({ full: 1, partial: 0, informal: 0, none: 1, notSuitable: 0 });
  });

  it('offers the filters’ values and counts all time without a period', async () => {
    const d = await dashboard('');
    expect(d.requests.received).toBe(13);
    expect(d.outcomes.full).toBe(2);
    expect(d.choices.counties).toEqual(['Boone', 'Cole']);
    expect(d.choices.mediators).toEqual([mediators.m1, mediators.m2]);
    expect(d.choices.categories).toEqual(['evaluation', 'provision_of_services']);
    expect(d.can.editSettings).toBe(true);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const r = await coordinator.get(
      `/api/v1/programs/${programId}/reports/dashboard?from=2026-03-01&to=2026-02-01`,
    );
    expect(r.statusCode).toBe(400);
    expect(json<{ error: { fields: Record<string, string> } }>(r).error.fields.to).toMatch(/last day/);
  });
});

describe('report settings', () => {
  const url = () => `/api/v1/programs/${programId}/reports/settings`;
  it('starts from DESE’s $16,000 and takes the coordinator’s own figure and source', async () => {
    const before = json<ReportSettings>(await coordinator.get(url()));
    expect(before).toMatchObject({ dueProcessCost: 16_000, isDefault: true, publicSummary: false });
    const r = await coordinator.put(url(), {
      dueProcessCost: 20_000,
      dueProcessCostSource: 'Program budget office, 2026',
      publicSummary: true,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(json<ReportSettings>(r)).toMatchObject({
      dueProcessCost: 20_000,
      isDefault: false,
      publicSummary: true,
    });
    const d = await dashboard();
    expect(d.costAvoided).toMatchObject({
      costPerCase: 20_000,
      total: 60_000,
      source: 'Program budget office, 2026',
    });
  });

  it('refuses a cost that is not whole dollars, naming the field', async () => {
    const r = await coordinator.put(url(), {
      dueProcessCost: -1,
      dueProcessCostSource: 'x y z',
      publicSummary: false,
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toMatch(/dueProcessCost/);
  });
});

describe('what a request tells the figures', () => {
  it('keeps the county asked at intake and the first category of dispute; refuses a county not in Missouri', async () => {
    const { specialEducationRequest } = await import('../../../test/cases.ts');
    const sped = await buildProgram(t.deps, { kind: 'special_education' });
    const parent = await signedIn(t.app, await buildUser(t.deps, { grants: [{ role: 'party' }] }));
    const spedCoordinator = await signedIn(
      t.app,
      await buildUser(t.deps, { grants: [{ role: 'coordinator', programId: sped.id }] }),
    );
    const request = specialEducationRequest(sped.id, 'district-figures@example.test');
    const bad = await parent.post('/api/v1/cases', { ...request, county: '17019' });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { fields: Record<string, string> } }>(bad).error.fields.county).toMatch(
      /Missouri county/,
    );
    const made = await parent.post('/api/v1/cases', { ...request, county: '29019' });
    expect(made.statusCode, made.body).toBe(201);
    const d = json<Dashboard>(await spedCoordinator.get(`/api/v1/programs/${sped.id}/reports/dashboard`));
    expect(d.choices.counties).toEqual(['Boone']);
    expect(d.choices.categories).toEqual(['evaluation']);
    expect(d.requests.received).toBe(1);
  });
});

describe('the dashboard as files', () => {
  it('gives the same figures as a spreadsheet and a printed report', async () => {
    const csv = await coordinator.get(
      `/api/v1/programs/${programId}/reports/dashboard.csv?${Q1}&county=Boone`,
    );
    expect(csv.statusCode).toBe(200);
    const rows = parseCsv(csv.body);
    const value = (figure: string) => rows.find((r) => r.Figure === figure)?.Value;
    expect(value('Requests received')).toBe('7');
    expect(value('Mediations held')).toBe('3');
    expect(value('Resolution rate (percent)')).toBe('100');
    expect(value('2026-03 requests received')).toBe('5'); // E, F, H, J and L
    const pdf = await coordinator.get(
      `/api/v1/programs/${programId}/reports/dashboard.pdf?${Q1}&county=Boone`,
    );
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Boone County');
    expect(text).toContain('Requests received: 7');
    expect(text).toContain('Resolution rate (percent): 100');
    expect(text).not.toContain('Words never counted');
  });
});

describe('the public summary', () => {
  it('shows nothing until the coordinator opts in', async () => {
    const quiet = await buildProgram(t.deps, { kind: 'community' });
    const anyone = new TestClient(t.app, '10.77.0.1');
    expect((await anyone.get(`/api/v1/programs/${quiet.id}/reports/public`)).statusCode).toBe(404);
  });

  it('shows anyone the last 12 months’ resolution rate and satisfaction, each count of 1 to 4 as "fewer than 5"', async () => {
    // Opted in by the settings test above. Today is 2026-03-02: A, B, C and I ended in the year.
    const anyone = new TestClient(t.app, '10.77.0.2');
    const r = await anyone.get(`/api/v1/programs/${programId}/reports/public`);
    expect(r.statusCode, r.body).toBe(200);
    const s = json<PublicSummary>(r);
    expect(s).toMatchObject({
      from: '2025-03-02',
      to: '2026-03-02',
      mediationsEnded: 'fewer than 5',
      resolved: 'fewer than 5',
      resolutionRate: null,
      surveyAnswers: 5,
      wouldRecommend: 40,
    });
    expect(s.questions.find((q) => q.key === 'overall')?.counts).toEqual(Array(5).fill('fewer than 5'));
    expect(s.questions.find((q) => q.key === 'heard')?.counts).toEqual([
      0,
      'fewer than 5',
      'fewer than 5',
      'fewer than 5',
      'fewer than 5',
    ]);
    expect(r.body).not.toContain('Words never counted');
  });
});

describe('a mediator’s own figures', () => {
  it('counts only the cases they mediate, whatever the filters say', async () => {
    const m2 = await signedIn(t.app, { email: mediatorEmails.m2, password: mediatorPasswords.m2 });
    const r = await m2.get(`/api/v1/programs/${programId}/reports/mine?${Q1}&mediatorId=${mediators.m1.id}`);
    expect(r.statusCode, r.body).toBe(200);
    const d = json<Dashboard>(r);
    // B (partial, held 01-12), G (held 03-09, open) and I (informal, held 01-08).
    expect(d.requests.received).toBe(2);
    expect(d.mediationsHeld).toBe(3);
    expect(d.outcomes).toEqual({ full: 0, partial: 1, informal: 1, none: 0, notSuitable: 0 });
    expect(d.choices.mediators).toEqual([mediators.m2]);
    expect(d.can.editSettings).toBe(false);
    expect((await m2.get(`/api/v1/programs/${programId}/reports/dashboard`)).statusCode).toBe(403);
    expect((await coordinator.get(`/api/v1/programs/${programId}/reports/mine`)).statusCode).toBe(403);
  });
});
