/**
 * The coordinator's report settings and the public summary they opt into, against the cases
 * counted by hand in report-cases.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicSummary, ReportSettings } from '../../../contracts/reports.ts';
import type { TestApp } from '../../../test/app.ts';
import { json, TestClient } from '../../../test/client.ts';
import { buildProgram } from '../../db/seed/builders.ts';
import { dashboardOf, type Figures, Q1, setUpFigures } from './report-cases.ts';

let t: TestApp;
let programId: string;
let coordinator: TestClient;
let figures: Figures;
const dashboard = (query = Q1) => dashboardOf(figures, query);

beforeAll(async () => {
  figures = await setUpFigures();
  ({ t, programId, coordinator } = figures);
});
afterAll(() => t.close());

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
