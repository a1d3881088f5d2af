import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemberRecord, MembersPage } from '../../../contracts/membership-members.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, signedInAs, type TestClient } from '../../../test/client.ts';
import { buildEvent, buildMembership, buildTier } from '../../db/seed/association.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { DAY } from '../../infra/clock.ts';

let t: TestApp;
let staff: TestClient;
const people: Record<string, { id: string; email: string; password: string }> = {};
let fullTier: { id: string };
let studentTier: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  staff = await signedInAs(t, { grants: [{ role: 'staff' }] });
  fullTier = await buildTier(t.deps, { slug: 'members-full', name: 'Full' });
  studentTier = await buildTier(t.deps, { slug: 'members-student', name: 'Student', annualDuesCents: 2500 });
  const now = t.clock.now().getTime();
  const specs = [
    ['Ada Quill', 'ada.quill@example.test', fullTier.id, 'active', 200],
    ['Bo Quillen', 'bo@example.test', fullTier.id, 'grace', -5],
    ['Cy Marsh', 'cy.quill@example.test', studentTier.id, 'active', 100],
    ['Dee Lark', 'dee@example.test', studentTier.id, 'lapsed', -90],
    ['Eve 100%_Owl', 'eve@example.test', fullTier.id, 'active', 50],
  ] as const;
  for (const [name, email, tierId, status, days] of specs) {
    const user = await buildUser(t.deps, { name, email });
    await buildMembership(t.deps, user.id, tierId, { status, expiresAt: new Date(now + days * DAY) });
    people[name] = user;
  }
  // Fay joins and owes her first dues.
  const fay = await buildUser(t.deps, { name: 'Fay Quill', email: 'fay@example.test' });
  people['Fay Quill'] = fay;
  const fayClient = await signedIn(t.app, fay);
  expect((await fayClient.post('/api/v1/association/membership', { tierId: fullTier.id })).statusCode).toBe(
    200,
  );
});
afterAll(async () => t.close());

const page = async (query: string) => {
  const r = await staff.get(`/api/v1/association/members?${query}`);
  expect(r.statusCode).toBe(200);
  return MembersPage.parse(json(r));
};

describe("staff's members", () => {
  it('finds members by part of a name or e-mail, by state, tier and dues owed, a page at a time', async () => {
    expect((await page('q=QUILL')).rows.map((r) => r.name)).toEqual([
      'Ada Quill',
      'Bo Quillen',
      'Cy Marsh',
      'Fay Quill',
    ]);
    // A search's % and _ are letters, not wildcards.
    expect((await page('q=100%25_')).rows.map((r) => r.name)).toEqual(['Eve 100%_Owl']);
    expect((await page('q=quill&status=grace')).rows.map((r) => r.name)).toEqual(['Bo Quillen']);
    const grace = (await page('q=bo')).rows[0]!;
    expect(grace).toMatchObject({ statusLabel: 'Overdue (grace period)', tierName: 'Full' });
    expect(new Date(grace.graceEndsAt!).getTime() - new Date(grace.expiresAt!).getTime()).toBe(30 * DAY);
    expect((await page(`tierId=${studentTier.id}`)).rows.map((r) => r.name)).toEqual([
      'Cy Marsh',
      'Dee Lark',
    ]);
    const owing = await page('owing=true');
    expect(owing.rows.map((r) => r.name)).toEqual(['Fay Quill']);
    expect(owing.rows[0]).toMatchObject({
      statusLabel: 'Waiting for dues',
      openInvoice: { amountCents: 9500 },
    });
    expect(owing.tiers.map((tier) => tier.name)).toEqual(expect.arrayContaining(['Full', 'Student']));

    // Keyset pages: each page follows on from the last, none repeats.
    const first = await page('limit=2');
    expect(first.rows).toHaveLength(2);
    const second = await page(`limit=2&after=${first.next}`);
    const third = await page(`limit=2&after=${second.next}`);
    expect([...first.rows, ...second.rows, ...third.rows].map((r) => r.name)).toEqual([
      'Ada Quill',
      'Bo Quillen',
      'Cy Marsh',
      'Dee Lark',
      'Eve 100%_Owl',
      'Fay Quill',
    ]);
    expect(third.next).toBeNull();
  });

  it('answers bad input with 400 naming the field, and refuses anyone but staff', async () => {
    for (const [query, field, words] of [
      ['status=gone', 'status', 'membership states'],
      ['limit=0', 'limit', 'at least 1 member'],
      ['owing=maybe', 'owing', 'true or false'],
      ['after=not-a-page', 'after', 'not a page'],
    ] as const) {
      const r = await staff.get(`/api/v1/association/members?${query}`);
      expect(r.statusCode, query).toBe(400);
      const error = json<{ error: { message: string; fields: Record<string, string> } }>(r).error;
      expect(Object.keys(error.fields)).toEqual([field]);
      expect(error.fields[field]).toContain(words);
    }
    const member = await signedIn(t.app, people['Ada Quill']!);
    expect((await member.get('/api/v1/association/members')).statusCode).toBe(403);
    expect((await member.get('/api/v1/association/members.csv')).statusCode).toBe(403);
    expect((await member.get(`/api/v1/association/members/${people['Bo Quillen']!.id}`)).statusCode).toBe(
      403,
    );
  });

  it('exports the members found as CSV, in the words the pages use', async () => {
    const r = await staff.get('/api/v1/association/members.csv?q=quill');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.headers['content-disposition']).toMatch(/attachment; filename="?members-\d{4}-\d{2}-\d{2}\.csv/);
    const lines = r.body.trim().split('\r\n');
    expect(lines[0]).toBe('Name,E-mail,Tier,State,Paid until,Benefits stop on,Open invoice,Amount owed');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/^Bo Quillen,bo@example\.test,Full,Overdue \(grace period\),/);
    expect(lines[4]).toMatch(/^Fay Quill,fay@example\.test,Full,Waiting for dues,,,INV-[^,]+,95\.00$/);
  });

  it("opens a member's record with tiers, invoices and payments, events and CE hours", async () => {
    const fay = people['Fay Quill']!;
    const fayClient = await signedIn(t.app, fay);
    // Staff record her dues; she attends a training that has begun.
    const paid = await staff.post('/api/v1/association/payments', {
      userId: fay.id,
      purpose: 'dues',
      method: 'cheque',
      amountCents: 9500,
      reference: 'Check 1042',
      receivedOn: '2026-03-02',
    });
    expect(paid.statusCode).toBe(201);
    const training = await buildEvent(t.deps, {
      title: 'Ethics for mediators',
      recorded: true,
      hours: 3,
      startsAt: new Date(t.clock.now().getTime() - 3600_000),
      credits: [{ kind: 'continuing_education', hours: 3 }],
    });
    const seat = await fayClient.post(`/api/v1/association/events/${training.id}/registrations`);
    expect(seat.statusCode).toBe(201);
    const attended = await staff.post(`/api/v1/association/events/${training.id}/attendance`, {
      registrationId: json<{ id: string }>(seat).id,
      sessionId: training.sessions[0]!.id,
    });
    expect(attended.statusCode).toBe(200);
    // Then she renews as a student.
    expect(
      (await fayClient.post('/api/v1/association/membership/renew', { tierId: studentTier.id })).statusCode,
    ).toBe(200);

    const r = await staff.get(`/api/v1/association/members/${fay.id}`);
    expect(r.statusCode).toBe(200);
    const record = MemberRecord.parse(json(r));
    expect(record.person).toEqual({ userId: fay.id, name: 'Fay Quill', email: 'fay@example.test' });
    expect(record.membership).toMatchObject({ tierName: 'Student', status: 'active', statusLabel: 'Active' });
    // What she reads about her own membership is the same.
    const mine = json<{ membership: { status: string; expiresAt: string; graceEndsAt: string } }>(
      await fayClient.get('/api/v1/association/membership'),
    ).membership;
    expect(mine).toMatchObject({
      status: record.membership!.status,
      expiresAt: record.membership!.expiresAt,
      graceEndsAt: record.membership!.graceEndsAt,
    });
    expect(record.tiers.map((x) => [x.what, x.tierName])).toEqual([
      ['changed', 'Student'],
      ['joined', 'Full'],
    ]);
    expect(record.invoices.map((i) => i.status)).toEqual(['open', 'paid']);
    expect(record.payments).toEqual([
      expect.objectContaining({ amountCents: 9500, method: 'cheque', reference: 'Check 1042' }),
    ]);
    expect(record.events).toEqual([
      expect.objectContaining({ title: 'Ethics for mediators', statusLabel: 'Attended', creditHours: 3 }),
    ]);
    expect(record.ceHours).toEqual([{ year: t.clock.now().getUTCFullYear(), hours: 3 }]);

    const nobody = await staff.get('/api/v1/association/members/no-such-person');
    expect(nobody.statusCode).toBe(404);
  });

  it('pages the memberships waiting for dues, searched by name or e-mail', async () => {
    const list = async (query: string) => {
      const r = await staff.get(`/api/v1/association/memberships?${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return json<{ rows: { name: string }[]; next: string | null }>(r);
    };
    const first = await list('q=quill&limit=2');
    expect(first.rows.map((r) => r.name)).toEqual(['Ada Quill', 'Bo Quillen']);
    const second = await list(`q=quill&limit=2&after=${first.next}`);
    expect(second.rows.map((r) => r.name)).toEqual(['Cy Marsh', 'Fay Quill']);
    expect(second.next).toBeNull();
    expect((await list('q=quill&status=grace')).rows.map((r) => r.name)).toEqual(['Bo Quillen']);
    const bad = await staff.get('/api/v1/association/memberships?limit=500');
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { fields: object } }>(bad).error.fields).toEqual({
      limit: 'Show at most 100 memberships per page',
    });
  });

  it('shows the tier a membership began at when it began before invoices, and each change since', async () => {
    const ada = people['Ada Quill']!;
    const before = MemberRecord.parse(json(await staff.get(`/api/v1/association/members/${ada.id}`)));
    expect(before.tiers).toEqual([{ on: expect.any(String), tierName: 'Full', what: 'joined' }]);
    // She renews as a student, then back at Full: the same tier twice in a row is one entry.
    const adaClient = await signedIn(t.app, ada);
    for (const tierId of [studentTier.id, studentTier.id, fullTier.id]) {
      expect((await adaClient.post('/api/v1/association/membership/renew', { tierId })).statusCode).toBe(200);
    }
    const after = MemberRecord.parse(json(await staff.get(`/api/v1/association/members/${ada.id}`)));
    expect(after.tiers.map((x) => [x.what, x.tierName])).toEqual([
      ['changed', 'Full'],
      ['changed', 'Student'],
      ['joined', 'Full'],
    ]);
    expect(after.tiers.at(-1)!.on).toBe(before.tiers[0]!.on);
  });

  it('finds payments by payer, way, purpose and dates, and exports them as CSV', async () => {
    const bo = people['Bo Quillen']!;
    for (const [method, reference, receivedOn] of [
      ['cash', 'Paid at the spring meeting', '2026-04-10'],
      ['money_order', 'Money order 77', '2026-05-20'],
    ] as const) {
      const r = await staff.post('/api/v1/association/payments', {
        userId: bo.id,
        purpose: 'dues',
        method,
        amountCents: 9500,
        reference,
        receivedOn,
      });
      expect(r.statusCode).toBe(201);
    }
    const found = async (query: string) => {
      const r = await staff.get(`/api/v1/association/payments?${query}`);
      expect(r.statusCode, query).toBe(200);
      return json<{ rows: { reference: string }[] }>(r).rows.map((p) => p.reference);
    };
    expect(await found('q=quillen')).toEqual(['Money order 77', 'Paid at the spring meeting']);
    // A page at a time, newest first: the second page follows on from the first's `next`.
    const first = json<{ rows: { reference: string }[]; next: string | null }>(
      await staff.get('/api/v1/association/payments?q=quillen&limit=1'),
    );
    expect(first.rows.map((p) => p.reference)).toEqual(['Money order 77']);
    expect(first.next).toBeTruthy();
    expect(await found(`q=quillen&limit=1&after=${encodeURIComponent(first.next!)}`)).toEqual([
      'Paid at the spring meeting',
    ]);
    expect(await found('q=order 77')).toEqual(['Money order 77']);
    expect(await found('q=quillen&method=cash')).toEqual(['Paid at the spring meeting']);
    expect(await found('q=quillen&from=2026-05-01&to=2026-05-31')).toEqual(['Money order 77']);
    expect(await found('q=quillen&purpose=event')).toEqual([]);

    const bad = await staff.get('/api/v1/association/payments?from=2026-05-31&to=2026-05-01');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(json<{ error: { fields: object } }>(bad).error.fields)).toEqual(['to']);
    const badMethod = await staff.get('/api/v1/association/payments.csv?method=barter');
    expect(badMethod.statusCode).toBe(400);
    expect(json<{ error: { fields: object } }>(badMethod).error.fields).toEqual({
      method: 'Choose one of the ways to pay',
    });

    const csv = await staff.get('/api/v1/association/payments.csv?q=quillen');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('Received,Payer,For,Amount,Paid by,Reference,Receipt');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^2026-05-20,Bo Quillen,Dues,95\.00,Money order,Money order 77,AMM-/),
      expect.stringMatching(/^2026-04-10,Bo Quillen,Dues,95\.00,Cash,Paid at the spring meeting,AMM-/),
    ]);
    const member = await signedIn(t.app, people['Ada Quill']!);
    expect((await member.get('/api/v1/association/payments.csv')).statusCode).toBe(403);
  });
});
