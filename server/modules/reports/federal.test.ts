import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FederalCases, FederalSection } from '../../../contracts/reports.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { specialEducationRequest } from '../../../test/cases.ts';
import { json, signedIn, type TestClient } from '../../../test/client.ts';
import { pdfWords } from '../../../test/pdf-text.ts';
import { type FigureCase, insertFigureCases, parseCsv } from '../../../test/reports.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';

/**
 * The federal mediation section for reporting year 2025–26 (July 1, 2025 to June 30, 2026),
 * every figure counted by hand from these cases, several straddling June 30.
 */
const CASES: FigureCase[] = [
  {
    key: 'F01',
    created: '2025-08-01',
    dueProcess: 1,
    sessions: [{ on: '2025-08-20' }],
    state: 'full_agreement',
    closed: '2025-09-01',
  },
  {
    key: 'F02',
    created: '2025-09-01',
    dueProcess: 1,
    sessions: [{ on: '2025-09-15' }],
    state: 'no_agreement',
    closed: '2025-09-20',
  },
  {
    key: 'F03',
    created: '2025-10-01',
    dueProcess: 0,
    sessions: [{ on: '2025-10-10' }],
    state: 'partial_agreement',
    closed: '2025-10-20',
  },
  // Held in the year, its agreement signed after June 30: held, no agreement this year.
  {
    key: 'F04',
    created: '2025-11-01',
    sessions: [{ on: '2025-11-10' }],
    state: 'full_agreement',
    closed: '2026-07-10',
  },
  // Asked in June, held in July: pending on June 30, held next year.
  {
    key: 'F05',
    created: '2026-06-20',
    sessions: [{ on: '2026-07-05' }],
    state: 'full_agreement',
    closed: '2026-07-20',
  },
  { key: 'F06', created: '2026-01-05', state: 'withdrawn', closed: '2026-01-20' },
  { key: 'F07', created: '2026-02-01', state: 'declined', closed: '2026-02-03' },
  // Asked the year before, held in July: held and agreed this year, not received this year.
  {
    key: 'F08',
    created: '2025-06-25',
    dueProcess: 1,
    sessions: [{ on: '2025-07-02' }],
    state: 'full_agreement',
    closed: '2025-07-10',
  },
  { key: 'F09', created: '2026-03-01', state: 'requested' },
  // 11:30 pm on June 30 in Missouri (daylight time): this year.
  { key: 'F10', created: '2026-07-01T04:30:00.000Z', state: 'requested' },
  // 12:30 am on July 1 in Missouri: next year.
  { key: 'F11', created: '2026-07-01T05:30:00.000Z', state: 'requested' },
  // Withdrawn after June 30: pending on June 30.
  { key: 'F12', created: '2026-05-01', state: 'withdrawn', closed: '2026-07-02' },
  // Its only session was cancelled: not held.
  {
    key: 'F13',
    created: '2025-12-01',
    sessions: [{ on: '2025-12-10', status: 'cancelled' }],
    state: 'not_suitable',
    closed: '2025-12-15',
  },
];

let t: TestApp;
let programId: string;
let coordinator: TestClient;
const base = () => `/api/v1/programs/${programId}/reports`;
const values = (s: FederalSection) => Object.fromEntries(s.figures.map((f) => [f.key, f.value]));

beforeAll(async () => {
  t = await createTestApp();
  programId = (
    await buildProgram(t.deps, { kind: 'special_education', name: 'DESE Special Education Mediation' })
  ).id;
  const mediator = await buildUser(t.deps, { grants: [{ role: 'mediator', programId }] });
  coordinator = await signedIn(
    t.app,
    await buildUser(t.deps, { grants: [{ role: 'coordinator', programId }] }),
  );
  await insertFigureCases(t.db, programId, CASES, mediator.id);
});
afterAll(() => t.close());

describe('the federal mediation section', () => {
  it('counts every figure for 2025–26, the cases straddling June 30 where they belong', async () => {
    const r = await coordinator.get(`${base()}/federal?year=2025`);
    expect(r.statusCode, r.body).toBe(200);
    const s = json<FederalSection>(r);
    expect(s).toMatchObject({ year: 2025, label: '2025–26', from: '2025-07-01', to: '2026-06-30' });
    expect(values(s)).toEqual({
      received: 11,
      held: 5,
      heldRelated: 3,
      agreementsRelated: 2,
      heldNotRelated: 2,
      agreementsNotRelated: 1,
      pending: 4,
      withdrawn: 3,
    });
    expect(s.figures.map((f) => f.number)).toEqual([
      '2.1',
      '2.1(a)',
      '2.1(a)(i)',
      '2.1(a)(i)(1)',
      '2.1(a)(ii)',
      '2.1(a)(ii)(1)',
      '2.1(b)',
      '2.1(c)',
    ]);
  });

  it('counts the years on either side', async () => {
    const next = json<FederalSection>(await coordinator.get(`${base()}/federal?year=2026`));
    expect(values(next)).toEqual({
      received: 1,
      held: 1,
      heldRelated: 0,
      agreementsRelated: 0,
      heldNotRelated: 1,
      agreementsNotRelated: 1,
      pending: 1,
      withdrawn: 0,
    });
    const before = json<FederalSection>(await coordinator.get(`${base()}/federal?year=2024`));
    expect(values(before)).toEqual({
      received: 1,
      held: 0,
      heldRelated: 0,
      agreementsRelated: 0,
      heldNotRelated: 0,
      agreementsNotRelated: 0,
      pending: 1,
      withdrawn: 0,
    });
  });

  it('opens each figure to the cases behind it', async () => {
    const cases = async (figure: string) =>
      json<FederalCases>(
        await coordinator.get(`${base()}/federal/cases?year=2025&figure=${figure}`),
      ).cases.map((c) => c.reference);
    expect(await cases('heldRelated')).toEqual(['R-F01', 'R-F02', 'R-F08']);
    expect(await cases('agreementsRelated')).toEqual(['R-F01', 'R-F08']);
    expect(await cases('heldNotRelated')).toEqual(['R-F03', 'R-F04']);
    expect(await cases('agreementsNotRelated')).toEqual(['R-F03']);
    expect(await cases('pending')).toEqual(['R-F05', 'R-F09', 'R-F10', 'R-F12']);
    expect(await cases('withdrawn')).toEqual(['R-F06', 'R-F07', 'R-F13']);
    const bad = await coordinator.get(`${base()}/federal/cases?year=2025&figure=everything`);
    expect(bad.statusCode).toBe(400);
  });

  it('gives the same figures as a spreadsheet and a printed report', async () => {
    const csv = await coordinator.get(`${base()}/federal.csv?year=2025`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const rows = parseCsv(csv.body);
    expect(rows.map((row) => [row.Number, row.Value])).toEqual([
      ['2.1', '11'],
      ['2.1(a)', '5'],
      ['2.1(a)(i)', '3'],
      ['2.1(a)(i)(1)', '2'],
      ['2.1(a)(ii)', '2'],
      ['2.1(a)(ii)(1)', '1'],
      ['2.1(b)', '4'],
      ['2.1(c)', '3'],
    ]);
    const pdf = await coordinator.get(`${base()}/federal.pdf?year=2025`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfWords(pdf.rawPayload);
    expect(text).toContain('2025–26');
    expect(text).toContain('2.1(a)(i) Mediations held related to due process complaints: 3');
    expect(text).toContain('2.1(b) Mediations pending: 4');
    expect(text).toContain('2.1(c) Mediations withdrawn or not held: 3');
  });

  it('refuses a year that is not one', async () => {
    const r = await coordinator.get(`${base()}/federal?year=soon`);
    expect(r.statusCode).toBe(400);
    expect(r.body).toMatch(/reporting year/);
  });
});

describe('a due process complaint pending, asked at intake', () => {
  it('is kept from the request, shown on the case page, and corrected by the program only', async () => {
    const parentUser = await buildUser(t.deps, { grants: [{ role: 'party' }] });
    const parent = await signedIn(t.app, parentUser);
    const made = await parent.post('/api/v1/cases', {
      ...specialEducationRequest(programId, 'district-federal@example.test'),
      dueProcessPending: true,
    });
    expect(made.statusCode, made.body).toBe(201);
    const caseId = json<{ id: string }>(made).id;
    type View = { dueProcess: { pending: boolean | null } | null; can: { setDueProcess: boolean } };
    const asParent = json<View>(await parent.get(`/api/v1/cases/${caseId}`));
    expect(asParent.dueProcess).toEqual({ pending: true });
    expect(asParent.can.setDueProcess).toBe(false);
    expect((await parent.put(`/api/v1/cases/${caseId}/due-process`, { pending: false })).statusCode).toBe(
      403,
    );
    const asProgram = json<View>(await coordinator.get(`/api/v1/cases/${caseId}`));
    expect(asProgram.can.setDueProcess).toBe(true);
    const bad = await coordinator.put(`/api/v1/cases/${caseId}/due-process`, {});
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/due process complaint/);
    const changed = await coordinator.put(`/api/v1/cases/${caseId}/due-process`, { pending: false });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(json<View>(await coordinator.get(`/api/v1/cases/${caseId}`)).dueProcess).toEqual({
      pending: false,
    });
  });
});
