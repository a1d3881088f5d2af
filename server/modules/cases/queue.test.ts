import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueuePage } from '../../../contracts/case-queue.ts';
import type { CaseView } from '../../../contracts/cases.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { openSpecialEducationCase } from '../../../test/cases.ts';
import { json, signedIn } from '../../../test/client.ts';
import { readySpecialEducationCase } from '../../../test/mediation.ts';
import { refreshOpenDeadlines } from './queue.service.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof readySpecialEducationCase>>;
const more: string[] = [];
const queue = (query = '') => `/api/v1/programs/${w.programId}/queue${query}`;
const page = async (query = '') => {
  const r = await w.coordinator.get(queue(query));
  expect(r.statusCode, r.body).toBe(200);
  return json<QueuePage>(r);
};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T15:00:00Z');
  w = await readySpecialEducationCase(t);
  for (let i = 0; i < 4; i++) {
    t.clock.set(`2026-03-0${3 + i}T15:00:00Z`);
    more.push((await openSpecialEducationCase(t, w.programId, { districtJoins: false })).caseId);
  }
  w.coordinator = await signedIn(t.app, w.coordinatorUser);
});
afterAll(() => t.close());

describe("the coordinator's work queue", () => {
  it('lists every case of the program with its state, parties, mediator, next deadline and days open', async () => {
    const p = await page();
    expect(p.rows.map((r) => r.id)).toEqual([...more].reverse().concat(w.caseId));
    const ready = p.rows.find((r) => r.id === w.caseId)!;
    expect(ready.parties.length).toBeGreaterThanOrEqual(2);
    expect(ready.parties).toContain('Rosa Lopez');
    expect(ready.mediatorName).toBeTruthy();
    expect(ready.nextDeadline).toMatchObject({ status: expect.any(String), originalDueDate: null });
    expect(ready.daysOpen).toBeGreaterThanOrEqual(0);
    expect(p.next).toBeNull();
  });

  it('pages by keyset: each page follows on from the last, none repeated, none missed', async () => {
    const seen: string[] = [];
    let after = '';
    for (let i = 0; i < 5; i++) {
      const p = await page(`?limit=2${after ? `&after=${after}` : ''}`);
      seen.push(...p.rows.map((r) => r.id));
      if (!p.next) break;
      after = p.next;
    }
    expect(seen).toEqual([...more].reverse().concat(w.caseId));
    const oldest = await page('?limit=2&dir=asc');
    expect(oldest.rows.map((r) => r.id)).toEqual([w.caseId, more[0]]);
    const bad = await w.coordinator.get(queue('?after=nonsense'));
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).error.fields).toHaveProperty('after');
  });

  it('searches by case number and by a party’s name, and filters by state, view and date opened', async () => {
    const first = (await page()).rows[0]!;
    expect((await page(`?q=${first.reference.slice(0, -2)}`)).rows.map((r) => r.id)).toContain(first.id);
    expect((await page('?q=rosa')).rows).toHaveLength(5);
    expect((await page('?q=nobody-by-that-name')).rows).toHaveLength(0);
    expect((await page('?state=awaiting_other_party')).rows.map((r) => r.id).sort()).toEqual(
      [...more].sort(),
    );
    expect((await page('?openedFrom=2026-03-04&openedTo=2026-03-05')).rows.map((r) => r.id)).toEqual([
      more[2],
      more[1],
    ]);
    const backwards = await w.coordinator.get(queue('?openedFrom=2026-03-05&openedTo=2026-03-04'));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('The last day opened cannot come before the first');
    expect((await page('?view=waiting_for_mediator')).rows).toHaveLength(0);
    expect((await page('?view=promises_due')).rows).toHaveLength(0);
  });

  it('shows an overdue deadline as overdue, in the overdue view, once its day has passed', async () => {
    const before = (await page()).rows.find((r) => r.id === w.caseId)!.nextDeadline!;
    t.clock.set(`${before.dueDate}T12:00:00Z`);
    t.clock.advance(2 * 86_400_000);
    expect(await refreshOpenDeadlines(t.deps)).toBeGreaterThan(0);
    w.coordinator = await signedIn(t.app, w.coordinatorUser);
    w.parent = await signedIn(t.app, w.parentUser);
    w.mediator = await signedIn(t.app, w.mediatorUser);
    const overdue = await page('?view=overdue');
    expect(overdue.rows.map((r) => r.id)).toEqual([w.caseId]);
    expect(overdue.rows[0]!.nextDeadline!.status).toBe('overdue');
    expect((await page('?deadline=none')).rows.map((r) => r.id)).not.toContain(w.caseId);
    expect((await page('?sort=deadline')).rows.map((r) => r.id)).toEqual([w.caseId]);
  });

  it('a coordinator extends the deadline with a reason: the queue and the case page show the new date and the original', async () => {
    const before = (await page()).rows.find((r) => r.id === w.caseId)!.nextDeadline!;
    const deadlines = json<CaseView>(await w.coordinator.get(`/api/v1/cases/${w.caseId}`)).deadlines;
    const target = deadlines.find((d) => d.dueDate === before.dueDate)!;
    expect(target.can.extend).toBe(true);
    const path = `/api/v1/cases/${w.caseId}/deadlines/${target.id}/extend`;
    const early = await w.coordinator.post(path, { dueOn: '2026-01-01', reason: 'Both sides asked' });
    expect(early.statusCode).toBe(400);
    expect(JSON.parse(early.body).error.fields).toHaveProperty('dueOn');
    const noReason = await w.coordinator.post(path, { dueOn: '2026-12-01' });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.parse(noReason.body).error.fields).toHaveProperty('reason');
    expect([403, 404]).toContain(
      (await w.parent.post(path, { dueOn: '2026-12-01', reason: 'Please' })).statusCode,
    );

    const r = await w.coordinator.post(path, {
      dueOn: '2026-12-01',
      reason: 'The parties asked for more time',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(json(r)).toMatchObject({
      dueDate: '2026-12-01',
      originalDueDate: before.dueDate,
      extensionReason: 'The parties asked for more time',
    });
    // The case's other open deadlines move later too, so the extended one comes next.
    for (const d of deadlines.filter((x) => x.can.extend && x.id !== target.id))
      expect(
        (
          await w.coordinator.post(`/api/v1/cases/${w.caseId}/deadlines/${d.id}/extend`, {
            dueOn: '2026-12-15',
            reason: 'The parties asked for more time',
          })
        ).statusCode,
      ).toBe(200);
    const row = (await page()).rows.find((x) => x.id === w.caseId)!;
    expect(row.nextDeadline).toMatchObject({
      dueDate: '2026-12-01',
      originalDueDate: before.dueDate,
      status: 'upcoming',
    });
    const parentView = json<CaseView>(await w.parent.get(`/api/v1/cases/${w.caseId}`));
    expect(parentView.deadlines.find((d) => d.id === target.id)).toMatchObject({
      dueDate: '2026-12-01',
      originalDueDate: before.dueDate,
      can: { extend: false },
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['data'])
      .where('kind', '=', 'case.deadline_extended')
      .orderBy('seq')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(audit[0]!.data)).toEqual({
      deadline: target.id,
      from: before.dueDate,
      to: '2026-12-01',
    });
  });

  it('exports the filtered list as CSV, with names and dates and nothing said in mediation', async () => {
    const r = await w.coordinator.get(`/api/v1/programs/${w.programId}/queue.csv?q=rosa&dir=asc`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    const lines = r.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Case number,Title,State,Parties,Mediator,Next deadline,Due,Originally due,Deadline status,Opened,Days open,Kind,County',
    );
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain('2026-12-01');
  });

  it('is the program’s coordinators’ only', async () => {
    expect([403, 404]).toContain((await w.parent.get(queue())).statusCode);
    expect((await w.mediator.get(queue())).statusCode).toBe(403);
  });
});
