import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSED_STATES } from '../../../domain/case-lifecycle.ts';
import { RESOLVED_OUTCOMES } from '../../../domain/reports.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { openSpecialEducationCase } from '../../../test/cases.ts';
import { json } from '../../../test/client.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';
import type { Db } from '../../db/database.ts';
import { fillCaseFigures } from '../../db/migrations/2026-11-27-0411-reports-rollup.ts';

/**
 * The dashboard's per-case rows and per-day sums are kept by the database's triggers. After each
 * write a case goes through (opened, moved along, a mediator chosen, sessions set, moved,
 * cancelled and held, the outcome recorded, a survey answered, the due-process answer corrected,
 * a case withdrawn), both must equal what is recomputed here, in plain code, from the cases,
 * their sessions and their survey answers.
 */

const QUESTIONS = ['overall', 'heard', 'fair'] as const;
const RESOLVED: readonly string[] = RESOLVED_OUTCOMES;
const ENDINGS = CLOSED_STATES;
const days = (from: string, to: string | null) =>
  to === null ? null : (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** One case's figures recomputed from the source tables. */
async function recomputed(db: Db, caseId: string) {
  const c = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
  const held = (
    await db.selectFrom('case_sessions').selectAll().where('case_id', '=', caseId).execute()
  ).filter((s) => s.status === 'held');
  const answers = (
    await db.selectFrom('survey_responses').selectAll().where('case_id', '=', caseId).execute()
  )
    .filter((r) => r.answered_at !== null)
    .map((r) => (r.answers ? (JSON.parse(r.answers) as Record<string, unknown>) : {}));
  const firstHeld = held.map((s) => s.starts_at).sort()[0] ?? null;
  const scores = Object.fromEntries(
    QUESTIONS.flatMap((q) =>
      [1, 2, 3, 4, 5].map((n) => [`${q}_${n}`, answers.filter((a) => a[q] === n).length]),
    ),
  );
  return {
    case_id: c.id,
    program_id: c.program_id,
    requested_at: c.created_at,
    closed_at: c.closed_at,
    state: c.state,
    county: c.county,
    mediator_id: c.mediator_id,
    case_type: c.case_type,
    dispute_category: c.dispute_category,
    first_held_at: firstHeld,
    sessions_held: held.length,
    minutes_held: held.reduce((sum, s) => sum + s.minutes, 0),
    survey_responses: answers.length,
    ...scores,
    recommend_yes: answers.filter((a) => a.recommend === true).length,
    days_to_first_session: firstHeld === null ? null : days(c.created_at, firstHeld),
    days_to_close: days(c.created_at, c.closed_at),
  };
}

type Figures = Awaited<ReturnType<typeof recomputed>>;

/** A program's day sums recomputed from its cases' figures (days with anything in them only). */
function daySums(rows: Figures[]) {
  const out = new Map<string, Record<string, number>>();
  const add = (at: string | null, values: Record<string, number>) => {
    if (at === null) return;
    const key = `${rows[0]!.program_id} ${at.slice(0, 10)}`;
    const day = out.get(key) ?? {};
    for (const [k, v] of Object.entries(values)) day[k] = (day[k] ?? 0) + v;
    out.set(key, day);
  };
  for (const r of rows) {
    add(r.requested_at, { requests: 1 });
    add(r.first_held_at, { first_held: 1 });
    const agreed = RESOLVED.includes(r.state);
    const survey = Object.fromEntries(
      [
        'survey_responses',
        ...QUESTIONS.flatMap((q) => [1, 2, 3, 4, 5].map((n) => `${q}_${n}`)),
        'recommend_yes',
      ].flatMap((k) => [
        [`agreed_${k}`, agreed ? (r as Record<string, unknown>)[k] : 0],
        [`not_agreed_${k}`, agreed ? 0 : (r as Record<string, unknown>)[k]],
      ]),
    ) as Record<string, number>;
    add(r.closed_at, {
      closed: 1,
      ...Object.fromEntries(ENDINGS.map((s) => [`closed_${s}`, r.state === s ? 1 : 0])),
      closed_with_sessions: r.sessions_held > 0 ? 1 : 0,
      closed_sessions_held: r.sessions_held,
      closed_minutes_held: r.minutes_held,
      ...survey,
    });
  }
  return out;
}

/** The stored figures, with numbers as numbers and days to the millisecond. */
async function stored(db: Db, programId: string) {
  const rows = await db.selectFrom('case_figures').selectAll().where('program_id', '=', programId).execute();
  const cases = new Map(
    rows.map((r) => {
      const row = Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v]),
      );
      for (const k of ['days_to_first_session', 'days_to_close'])
        row[k] = row[k] === null ? null : Math.round(Number(row[k]) * 86_400_000) / 86_400_000;
      return [r.case_id, row];
    }),
  );
  const dayRows = await db
    .selectFrom('program_day_figures')
    .selectAll()
    .where('program_id', '=', programId)
    .execute();
  const dayMap = new Map<string, Record<string, number>>();
  for (const d of dayRows) {
    const { program_id, day, ...values } = d;
    const sums = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number(v)]));
    if (Object.values(sums).some((v) => v !== 0)) dayMap.set(`${program_id} ${day}`, sums);
  }
  return { cases, days: dayMap };
}

const figuresOf = (caseId: string) =>
  t.db.selectFrom('case_figures').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();

let t: TestApp;
let w: Awaited<ReturnType<typeof readySpecialEducationCase>>;
const caseIds: string[] = [];

/** Every case of the program: its stored figures equal the recomputation, and so do the day sums. */
async function expectCurrent() {
  const expected = await Promise.all(caseIds.map((id) => recomputed(t.db, id)));
  const got = await stored(t.db, w.programId);
  for (const e of expected) {
    const rounded = {
      ...e,
      days_to_first_session:
        e.days_to_first_session === null
          ? null
          : Math.round(e.days_to_first_session * 86_400_000) / 86_400_000,
      days_to_close: e.days_to_close === null ? null : Math.round(e.days_to_close * 86_400_000) / 86_400_000,
    };
    expect(got.cases.get(e.case_id)).toEqual(rounded);
  }
  const sums = daySums(expected);
  expect([...got.days.keys()].sort()).toEqual([...sums.keys()].sort());
  for (const [key, values] of got.days) {
    const want = sums.get(key)!;
    expect(values, key).toEqual(
      Object.fromEntries(Object.keys(values).map((k) => [k, Number(want[k] ?? 0)])),
    );
  }
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the dashboard’s figures kept by the database', () => {
  const url = (rest: string) => `/api/v1/cases/${w.caseId}${rest}`;
  const ok = async <R extends { statusCode: number; body: string }>(p: Promise<R>) => {
    const r = await p;
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r;
  };

  it('follow a case opened, moved along and given its mediator', async () => {
    w = await readySpecialEducationCase(t);
    caseIds.push(w.caseId);
    await expectCurrent();
  });

  it('follow its sessions set, moved, cancelled and held', async () => {
    const first = json<{ id: string }>(
      await ok(w.mediator.post(url('/sessions'), jointSession('2026-03-02', '10:00', 90))),
    );
    await expectCurrent();
    const second = json<{ id: string }>(
      await ok(w.mediator.post(url('/sessions'), jointSession('2026-03-20'))),
    );
    await ok(
      w.mediator.put(url(`/sessions/${second.id}`), { date: '2026-03-27', time: '09:00', minutes: 60 }),
    );
    await expectCurrent();
    await ok(w.mediator.post(url(`/sessions/${second.id}/cancel`), {}));
    await expectCurrent();
    t.clock.set('2026-03-02T16:30:00.000Z');
    await ok(w.mediator.post(url(`/sessions/${first.id}/held`), { attendedIds: [w.parentId, w.districtId] }));
    await expectCurrent();
    const row = await figuresOf(w.caseId);
    expect([row.sessions_held, row.minutes_held]).toEqual([1, 90]);
  });

  it('follow its outcome, its survey answers and a corrected answer at intake', async () => {
    await ok(w.mediator.post(url('/outcome'), { outcome: 'no_agreement' }));
    await expectCurrent();
    await ok(w.parent.put(url('/survey'), { overall: 4, heard: 5, fair: 3, recommend: true }));
    await ok(w.district.put(url('/survey'), { overall: 2, heard: 3, fair: 3, recommend: false }));
    await expectCurrent();
    await ok(w.coordinator.put(url('/due-process'), { pending: true }));
    await expectCurrent();
    const row = await figuresOf(w.caseId);
    expect([row.state, row.survey_responses, row.fair_3, row.recommend_yes]).toEqual([
      'no_agreement',
      2,
      2,
      1,
    ]);
  });

  it('follow a second case opened and withdrawn', async () => {
    const second = await openSpecialEducationCase(t, w.programId);
    caseIds.push(second.caseId);
    await expectCurrent();
    await ok(second.parent.post(`/api/v1/cases/${second.caseId}/withdraw`, {}));
    await expectCurrent();
  });

  it('are what the migration’s set-based fill computes from the same tables', async () => {
    const before = await stored(t.db, w.programId);
    await t.db.deleteFrom('case_figures').execute();
    await t.db.deleteFrom('program_day_figures').execute();
    await fillCaseFigures(t.db);
    expect(await stored(t.db, w.programId)).toEqual(before);
  });
});
