import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { signedIn } from '../../../test/client.ts';
import { compliance, signedSpecialEducationAgreement } from '../../../test/compliance.ts';
import { TEST_DIALECT } from '../../../test/db.ts';
import type { Db } from '../../db/database.ts';
import type { Deps } from '../../infra/deps.ts';
import { JOBS } from '../../jobs/jobs.ts';
import { createJobRunner } from '../../jobs/runner.ts';
import { scanMilestones, sendReminder } from './reminders.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof signedSpecialEducationAgreement>>;
let other: Db;
let a: ReturnType<typeof createJobRunner>;
let b: ReturnType<typeof createJobRunner>;

/** Two app servers: each its own connection to the same database and its own job runner. */
beforeAll(async () => {
  t = await createTestApp();
  w = await signedSpecialEducationAgreement(t);
  other = t.database.open();
  const second: Deps = { ...t.deps, db: other };
  a = createJobRunner(t.deps, JOBS, 'server-a');
  b = createJobRunner(second, JOBS, 'server-b');
  // The program wants overdue promises to reach its coordinators as well.
  const r = await w.coordinator.put(`/api/v1/programs/${w.programId}/compliance/settings`, {
    remindDaysBefore: 7,
    escalateToMediator: false,
    escalateToCoordinator: true,
  });
  expect(r.statusCode, r.body).toBe(200);
});
afterAll(async () => {
  await other.destroy();
  await t.close();
});

/**
 * Both servers run due jobs at the same time, a few rounds, as their timers would. Two servers
 * share one database only on PostgreSQL; SQLite is one server's embedded file (a second writer in
 * the same thread would wait on itself), so there the two runners take turns.
 */
const together = <T>(fns: (() => Promise<T>)[]): Promise<T[]> =>
  TEST_DIALECT === 'postgres'
    ? Promise.all(fns.map((f) => f()))
    : fns.reduce<Promise<T[]>>(async (acc, f) => [...(await acc), await f()], Promise.resolve([]));
async function runBoth() {
  for (let round = 0; round < 3; round += 1) await together([() => a.runDueJobs(), () => b.runDueJobs()]);
}
/** Sessions lapse while the clock jumps weeks: sign the parent and the coordinator in again. */
async function signInAgain() {
  w.parent = await signedIn(t.app, w.parentUser);
  w.coordinator = await signedIn(t.app, w.coordinatorUser);
}
const mailFor = async (template: string, about = 'The evaluation is completed') =>
  (
    await t.db
      .selectFrom('outbox_emails')
      .select(['to_address', 'subject', 'text_body'])
      .where('template', '=', template)
      .where('case_id', '=', w.caseId)
      .orderBy('to_address')
      .execute()
  )
    .filter((m) => m.text_body.includes(about))
    .map((m) => m.to_address);

describe('reminders through the job runner', () => {
  it('a week before, the responsible side only; once, however often the check runs', async () => {
    t.clock.set('2026-03-25T14:00:00Z'); // 7 days before 1 April, in Missouri
    await runBoth();
    t.clock.advance(20 * 60_000);
    await runBoth();
    expect(await mailFor('case-compliance-due-soon')).toEqual([w.districtEmail.toLowerCase()]);
  });

  it('on the day, then overdue to both sides and the coordinator: one e-mail each, with two servers', async () => {
    t.clock.set('2026-04-01T14:00:00Z');
    await runBoth();
    expect(await mailFor('case-compliance-due-today')).toEqual([w.districtEmail.toLowerCase()]);
    t.clock.set('2026-04-02T05:30:00Z'); // 00:30 on 2 April in Missouri: the date has passed
    // Both servers scan at once, then both send every reminder job at once.
    await together([() => scanMilestones(t.deps), () => scanMilestones({ ...t.deps, db: other })]);
    await runBoth();
    const overdue = await mailFor('case-compliance-overdue');
    expect(overdue).toEqual(
      [w.parentUser.email, w.districtEmail, w.coordinatorUser.email].map((e) => e.toLowerCase()).sort(),
    );
    t.clock.advance(60 * 60_000);
    await runBoth();
    expect(await mailFor('case-compliance-overdue')).toHaveLength(3);
    // Speech therapy (16 March) and the parent's consent (9 March) were overdue too: three each.
    expect(await mailFor('case-compliance-overdue', '')).toHaveLength(9);
    // Sending the same reminder twice at once still sends it once.
    await signInAgain();
    const m = (await compliance(w.parent, w.caseId)).milestones.find((x) =>
      x.what.startsWith('The evaluation'),
    )!;
    const payload = { milestoneId: m.id, reminder: 'overdue' as const, dueDate: '2026-04-01' };
    expect(
      await together([
        () => sendReminder(t.deps, payload),
        () => sendReminder({ ...t.deps, db: other }, payload),
      ]),
    ).toEqual([false, false]);
    expect(await mailFor('case-compliance-overdue')).toHaveLength(3);
  });

  it('marks the promise missed once, and lists every reminder on the case page', async () => {
    await signInAgain();
    const c = await compliance(w.parent, w.caseId);
    const evaluation = c.milestones.find((x) => x.what.startsWith('The evaluation'))!;
    expect(evaluation.state).toBe('missed');
    expect(evaluation.log.filter((l) => l.kind === 'missed')).toHaveLength(1);
    const consent = c.milestones.find((x) => x.what.startsWith('The parent signs'))!;
    expect(consent.state).toBe('missed');
    expect(
      c.reminders.filter((r) => r.what === 'The evaluation is completed').map((r) => [r.kind, r.to.length]),
    ).toEqual([
      ['before', 1],
      ['due_today', 1],
      ['overdue', 3],
    ]);
    // A reminder of each kind for each promise, never two.
    const keys = c.reminders.map((r) => `${r.what}:${r.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(c.can.downloadEnforcementPacket).toBe(true);
    // The program sees the agreement with its overdue promises.
    const view = (await w.coordinator.get(`/api/v1/programs/${w.programId}/compliance`)).json() as {
      overdueAgreements: { caseId: string; overdue: { what: string }[] }[];
    };
    expect(view.overdueAgreements.map((x) => x.caseId)).toEqual([w.caseId]);
  });

  it('a promise done before its date gets no reminders', async () => {
    const c = await compliance(w.parent, w.caseId);
    const speech = c.milestones.find((x) => x.what.startsWith('Speech therapy'))!;
    // Speech therapy was due 16 March and never marked done: missed, and both sides were told.
    expect(speech.state).toBe('missed');
    expect(c.reminders.filter((r) => r.what === speech.what).map((r) => r.kind)).toEqual(['overdue']);
  });
});

describe("the program's list of every promise", () => {
  it('pages promises by due date, filters the overdue ones, downloads them as CSV, and feeds the queue’s view', async () => {
    const coordinator = await signedIn(t.app, w.coordinatorUser);
    const base = `/api/v1/programs/${w.programId}/compliance/promises`;
    type Page = {
      rows: { id: string; dueDate: string; overdue: boolean; reference: string }[];
      next: string | null;
    };
    const all: Page['rows'] = [];
    let after = '';
    for (let i = 0; i < 20; i++) {
      const r = await coordinator.get(`${base}?limit=1${after ? `&after=${after}` : ''}`);
      expect(r.statusCode, r.body).toBe(200);
      const p = r.json() as Page;
      all.push(...p.rows);
      if (!p.next) break;
      after = p.next;
    }
    expect(all.length).toBeGreaterThan(1);
    expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
    expect(all.map((x) => x.dueDate)).toEqual([...all.map((x) => x.dueDate)].sort());
    const overdue = (await coordinator.get(`${base}?status=overdue`)).json() as Page;
    expect(overdue.rows.length).toBeGreaterThan(0);
    expect(overdue.rows.every((x) => x.overdue)).toBe(true);
    const backwards = await coordinator.get(`${base}?dueFrom=2026-05-01&dueTo=2026-04-01`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('The last due date cannot come before the first');

    const csv = await coordinator.get(`${base}.csv?status=overdue`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('Case number,Case,Promise,Due,State,Done on,Flag');
    expect(lines).toHaveLength(overdue.rows.length + 1);
    expect(lines.slice(1).every((l) => l.endsWith(',overdue'))).toBe(true);

    const queue = (
      await coordinator.get(`/api/v1/programs/${w.programId}/queue?view=promises_due`)
    ).json() as {
      rows: { id: string }[];
    };
    expect(queue.rows.map((x) => x.id)).toEqual([w.caseId]);
  });
});
