/**
 * The dashboard's figures, as a page and as files, against the cases counted by hand in
 * report-cases.ts; a mediator's own figures; what a request tells them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../contracts/reports.ts';
import type { TestApp } from '../../../test/app.ts';
import { json, signedIn, type TestClient } from '../../../test/client.ts';
import { pdfWords } from '../../../test/pdf-text.ts';
import { parseCsv } from '../../../test/reports.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';
import { dashboardOf, type Figures, Q1, setUpFigures } from './report-cases.ts';

let t: TestApp;
let programId: string;
let coordinator: TestClient;
let mediators: Figures['mediators'];
let mediatorEmails: Figures['mediatorEmails'];
let mediatorPasswords: Figures['mediatorPasswords'];
let figures: Figures;
const dashboard = (query = Q1) => dashboardOf(figures, query);

beforeAll(async () => {
  figures = await setUpFigures();
  ({ t, programId, coordinator, mediators, mediatorEmails, mediatorPasswords } = figures);
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
    // Each group's responses, each question's counts from 1 to 5, and who would recommend mediation.
    const tally = ({ responses, questions, recommend }: Dashboard['satisfaction']['withAgreement']) => ({
      responses,
      counts: Object.fromEntries(questions.map((q) => [q.key, q.counts])),
      recommend,
    });
    expect(tally(d.satisfaction.withAgreement)).toEqual({
      responses: 3,
      counts: { overall: [0, 0, 1, 1, 1], heard: [0, 0, 1, 1, 1], fair: [0, 0, 0, 2, 1] },
      recommend: { yes: 2, no: 1 },
    });
    expect(tally(d.satisfaction.withoutAgreement)).toEqual({
      responses: 2,
      counts: { overall: [1, 1, 0, 0, 0], heard: [0, 2, 0, 0, 0], fair: [0, 1, 1, 0, 0] },
      recommend: { yes: 0, no: 2 },
    });
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
    const text = pdfWords(pdf.rawPayload);
    expect(text).toContain('Boone County');
    expect(text).toContain('Requests received: 7');
    expect(text).toContain('Resolution rate (percent): 100');
    expect(text).not.toContain('Words never counted');
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
