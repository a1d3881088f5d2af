import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWithStaff, type TestApp } from '../../../test/app.ts';
import { json, signedIn, signedInAs, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { buildMembership, buildTier } from '../../db/seed/association.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { DAY, HOUR, MINUTE } from '../../infra/clock.ts';
import { JOBS } from '../../jobs/jobs.ts';
import { createJobRunner } from '../../jobs/runner.ts';

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  ({ t, staff } = await appWithStaff());
});
afterAll(async () => t.close());

const newsletters = async (email: string) =>
  (
    await t.db
      .selectFrom('outbox_emails')
      .select('subject')
      .where('to_address', '=', email)
      .where('template', '=', 'newsletter')
      .orderBy('created_at')
      .execute()
  ).map((e) => e.subject);

async function publish(title: string) {
  const draft = await staff.post('/api/v1/association/newsletter', {
    title,
    issueLabel: 'Spring 2026',
    summary: 'News from around the state.',
    body: 'The annual conference is in Columbia this year. Registration opens next month.',
  });
  expect(draft.statusCode).toBe(201);
  const { id } = json<{ id: string }>(draft);
  expect(json(await staff.post(`/api/v1/association/newsletter/${id}/publish`))).toMatchObject({
    status: 'published',
  });
  await createJobRunner(t.deps, JOBS).runDueJobs();
  return id;
}

describe('The Communicator', () => {
  it('mails members once, keeps an archive for members, and its unsubscribe link stops the mail', async () => {
    const tier = await buildTier(t.deps);
    const ana = await buildUser(t.deps);
    const ben = await buildUser(t.deps);
    const lapsed = await buildUser(t.deps);
    await buildMembership(t.deps, ana.id, tier.id);
    await buildMembership(t.deps, ben.id, tier.id);
    await buildMembership(t.deps, lapsed.id, tier.id, { status: 'lapsed' });

    const bad = await staff.post('/api/v1/association/newsletter', {
      title: 'Hi',
      issueLabel: 'Spring 2026',
      body: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(json<{ error: { fields: object } }>(bad).error.fields).sort()).toEqual([
      'body',
      'title',
    ]);

    const first = await publish('Conference news');
    // Running the mailing again sends nothing twice.
    await (await import('./newsletter.service.ts')).mailIssue(t.deps, first);
    expect(await newsletters(ana.email)).toEqual(['The Communicator, Spring 2026: Conference news']);
    expect(await newsletters(ben.email)).toHaveLength(1);
    expect(await newsletters(lapsed.email)).toHaveLength(0);
    expect((await staff.post(`/api/v1/association/newsletter/${first}/publish`)).statusCode).toBe(409);

    const anaClient = await signedIn(t.app, ana);
    const archive = json<{ title: string; status: string }[]>(
      await anaClient.get('/api/v1/association/newsletter'),
    );
    expect(archive.map((i) => i.title)).toEqual(['Conference news']);
    expect((await anaClient.get(`/api/v1/association/newsletter/${first}`)).statusCode).toBe(200);
    const outsider = await signedInAs(t, { grants: [{ role: 'party' }] });
    expect((await outsider.get('/api/v1/association/newsletter')).statusCode).toBe(403);

    // Ana follows the link in the e-mail, signed out.
    const email = await lastEmailTo(t.db, ana.email, 'newsletter');
    expect(email.token).toBeTruthy();
    const stranger = new TestClient(t.app);
    expect(
      (await stranger.post('/api/v1/association/newsletter/unsubscribe', { token: `${email.token}x` }))
        .statusCode,
    ).toBe(410);
    expect(
      (await stranger.post('/api/v1/association/newsletter/unsubscribe', { token: 'short' })).statusCode,
    ).toBe(400);
    expect(
      json(await stranger.post('/api/v1/association/newsletter/unsubscribe', { token: email.token })),
    ).toEqual({ subscribed: false });
    expect(json(await anaClient.get('/api/v1/association/newsletter-subscription'))).toEqual({
      subscribed: false,
    });

    await publish('Summer training calendar');
    expect(await newsletters(ana.email)).toHaveLength(1);
    expect(await newsletters(ben.email)).toHaveLength(2);
    // She can still read the archive, and can choose to get it again.
    expect(json<unknown[]>(await anaClient.get('/api/v1/association/newsletter'))).toHaveLength(2);
    expect(
      json(await anaClient.put('/api/v1/association/newsletter-subscription', { subscribed: true })),
    ).toEqual({ subscribed: true });
    await publish('Autumn');
    expect(await newsletters(ana.email)).toHaveLength(2);
  });

  it('lets a visitor read the archive, sign up with double opt-in, get the next issue, and unsubscribe', async () => {
    const visitor = new TestClient(t.app, '10.42.0.7');
    const archive = json<{ title: string; body: string }[]>(
      await visitor.get('/api/v1/association/newsletter-archive'),
    );
    expect(archive.length).toBeGreaterThan(0);
    expect(archive.every((i) => i.body.length > 0)).toBe(true);

    const bad = await visitor.post('/api/v1/association/newsletter-sign-ups', { email: 'not an address' });
    expect(bad.statusCode).toBe(400);
    const badError = json<{ error: { message: string; fields: Record<string, string> } }>(bad).error;
    expect(badError.fields).toEqual({ email: 'Enter an e-mail address like name@example.com' });
    expect(badError.message).toMatch(/e-mail/i);

    const address = 'Reader.Visitor@Example.test';
    const asked = await visitor.post('/api/v1/association/newsletter-sign-ups', { email: address });
    expect(asked.statusCode).toBe(202);
    expect(json<{ message: string }>(asked).message).toContain('reader.visitor@example.test');
    // Nothing is mailed until the link is followed.
    const before = await publish('Before confirming');
    t.clock.advance(60_000);
    expect(await newsletters('reader.visitor@example.test')).toEqual([]);
    const confirm = await lastEmailTo(t.db, address, 'newsletter-confirm');
    expect(confirm.text_body).toContain('/newsletter/confirm#token=');
    expect(
      (await visitor.post('/api/v1/association/newsletter-sign-ups/confirm', { token: `${confirm.token}x` }))
        .statusCode,
    ).toBe(410);
    expect(
      json(await visitor.post('/api/v1/association/newsletter-sign-ups/confirm', { token: confirm.token })),
    ).toEqual({ email: 'reader.visitor@example.test', subscribed: true });
    // The link works once; signing up again once confirmed sends no new link and says the same.
    expect(
      (await visitor.post('/api/v1/association/newsletter-sign-ups/confirm', { token: confirm.token }))
        .statusCode,
    ).toBe(410);
    const again = await visitor.post('/api/v1/association/newsletter-sign-ups', { email: address });
    expect(json(again)).toEqual(json(asked));
    expect((await lastEmailTo(t.db, address, 'newsletter-confirm')).id).toBe(confirm.id);

    t.clock.advance(60_000);
    await publish('After confirming');
    await (await import('./newsletter.service.ts')).mailIssue(t.deps, before);
    expect(await newsletters('reader.visitor@example.test')).toEqual([
      'The Communicator, Spring 2026: After confirming',
    ]);
    const issue = await lastEmailTo(t.db, address, 'newsletter');
    expect(issue.text_body).toContain('/newsletter/unsubscribe#token=');
    expect(
      json(await visitor.post('/api/v1/association/newsletter/unsubscribe', { token: issue.token })),
    ).toEqual({ subscribed: false });
    await publish('After unsubscribing');
    expect(await newsletters('reader.visitor@example.test')).toHaveLength(1);
  });

  it('lets a confirmation link work for 7 days; the daily job then removes the sign-up never confirmed', async () => {
    const visitor = new TestClient(t.app, '10.42.0.9');
    const signUp = (email: string) => visitor.post('/api/v1/association/newsletter-sign-ups', { email });
    expect((await signUp('late.reader@example.test')).statusCode).toBe(202);
    expect((await signUp('later.reader@example.test')).statusCode).toBe(202);
    const late = await lastEmailTo(t.db, 'late.reader@example.test', 'newsletter-confirm');
    t.clock.advance(7 * DAY + 60_000);
    // A new link for the second address today: it counts from now.
    expect((await signUp('later.reader@example.test')).statusCode).toBe(202);
    const expired = await visitor.post('/api/v1/association/newsletter-sign-ups/confirm', {
      token: late.token,
    });
    expect(expired.statusCode).toBe(410);
    expect(json<{ error: { message: string } }>(expired).error.message).toBe(
      'This confirmation link has expired: a link works for 7 days. Sign up again and we will send you a new one.',
    );

    // The daily job, as the runner knows it.
    const purge = JOBS.find((j) => j.kind === 'newsletter.purge_unconfirmed');
    expect(purge?.everyMs).toBe(DAY);
    await purge!.run(t.deps, undefined as never);
    const left = await t.db
      .selectFrom('newsletter_subscribers')
      .select('email')
      .where('email', 'like', 'late%')
      .orderBy('email')
      .execute();
    expect(left.map((r) => r.email)).toEqual(['later.reader@example.test']);
    // The removed address may simply sign up again.
    expect((await signUp('late.reader@example.test')).statusCode).toBe(202);
    const fresh = await lastEmailTo(t.db, 'late.reader@example.test', 'newsletter-confirm');
    expect(
      json(await visitor.post('/api/v1/association/newsletter-sign-ups/confirm', { token: fresh.token })),
    ).toEqual({ email: 'late.reader@example.test', subscribed: true });
  });

  it('gives staff the sign-ups, searched by address, by state and day, a page at a time and as CSV', async () => {
    // A fresh sign-in: an earlier test moved the clock past the staff session.
    const desk = await signedInAs(t, { grants: [{ role: 'staff' }] });
    const visitor = new TestClient(t.app, '10.42.0.10');
    for (const email of [
      'list.one@staff-search.test',
      'list.two@staff-search.test',
      'list.three@staff-search.test',
    ]) {
      expect((await visitor.post('/api/v1/association/newsletter-sign-ups', { email })).statusCode).toBe(202);
      t.clock.advance(60_000);
    }
    const confirm = await lastEmailTo(t.db, 'list.two@staff-search.test', 'newsletter-confirm');
    await visitor.post('/api/v1/association/newsletter-sign-ups/confirm', { token: confirm.token });
    const page = async (query: string) => {
      const r = await desk.get(`/api/v1/association/newsletter-sign-ups?${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return json<{ rows: { email: string; status: string }[]; next: string | null }>(r);
    };
    // Newest first, two to a page.
    const first = await page('q=STAFF-SEARCH&limit=2');
    expect(first.rows.map((r) => r.email)).toEqual([
      'list.three@staff-search.test',
      'list.two@staff-search.test',
    ]);
    const second = await page(`q=staff-search&limit=2&after=${first.next}`);
    expect(second).toEqual({
      rows: [expect.objectContaining({ email: 'list.one@staff-search.test' })],
      next: null,
    });
    expect((await page('q=staff-search&status=confirmed')).rows.map((r) => r.email)).toEqual([
      'list.two@staff-search.test',
    ]);
    expect((await page(`q=staff-search&to=2020-01-01`)).rows).toEqual([]);
    expect((await page(`q=staff-search&from=2020-01-01&to=2099-12-31`)).rows).toHaveLength(3);

    for (const [query, field] of [
      ['from=2026-05-31&to=2026-05-01', 'to'],
      ['status=gone', 'status'],
      ['limit=101', 'limit'],
    ] as const) {
      const bad = await desk.get(`/api/v1/association/newsletter-sign-ups?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(Object.keys(json<{ error: { fields: object } }>(bad).error.fields)).toEqual([field]);
    }

    const csv = await desk.get('/api/v1/association/newsletter-sign-ups.csv?q=staff-search&status=pending');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('E-mail,State,Signed up,Confirmed,Unsubscribed');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
      'list.three@staff-search.test',
      'list.one@staff-search.test',
    ]);
    expect(lines[1]).toContain('Waiting for the address to confirm');
    const reader = await signedIn(t.app, await buildUser(t.deps));
    expect((await reader.get('/api/v1/association/newsletter-sign-ups')).statusCode).toBe(403);
    expect((await reader.get('/api/v1/association/newsletter-sign-ups.csv')).statusCode).toBe(403);
  });

  it('limits how many confirmation links one address gets in a day', async () => {
    const visitor = new TestClient(t.app, '10.42.0.8');
    const email = 'busy.reader@example.test';
    for (let i = 0; i < 3; i++) {
      expect((await visitor.post('/api/v1/association/newsletter-sign-ups', { email })).statusCode).toBe(202);
    }
    const refused = await visitor.post('/api/v1/association/newsletter-sign-ups', { email });
    expect(refused.statusCode).toBe(429);
  });

  it('refuses a Spanish page in Spanish, with the count and the wait; an English page in English', async () => {
    const spanish = { headers: { 'accept-language': 'es-US' } };
    // Two hours before the day's window ends, ten minutes before the hour's.
    const now = t.clock.now().getTime();
    t.clock.advance(Math.ceil(now / DAY) * DAY - 2 * HOUR - 10 * MINUTE - now);
    const sameEmail = new TestClient(t.app, '10.42.0.9');
    const email = 'lector.ocupado@example.test';
    for (let i = 0; i < 3; i++)
      expect(
        (await sameEmail.post('/api/v1/association/newsletter-sign-ups', { email }, spanish)).statusCode,
      ).toBe(202);
    const perEmail = await sameEmail.post('/api/v1/association/newsletter-sign-ups', { email }, spanish);
    expect(perEmail.statusCode).toBe(429);
    expect(json<{ error: { message: string } }>(perEmail).error.message).toBe(
      'Hoy ya enviamos 3 enlaces a esa dirección. Búsquelos en su correo electrónico o vuelva a intentarlo en unas 3 horas.',
    );
    const sameAddress = new TestClient(t.app, '10.42.0.10');
    for (let i = 0; i < 10; i++) {
      const r = await sameAddress.post(
        '/api/v1/association/newsletter-sign-ups',
        { email: `lector.${i}@example.test` },
        spanish,
      );
      expect(r.statusCode).toBe(202);
    }
    const signUp = (headers = {}) =>
      sameAddress.post(
        '/api/v1/association/newsletter-sign-ups',
        { email: 'otro@example.test' },
        { headers },
      );
    const perAddress = await signUp(spanish.headers);
    expect(perAddress.statusCode).toBe(429);
    expect(json<{ error: { message: string } }>(perAddress).error.message).toBe(
      'Usted ya inscribió 10 direcciones en esta hora, el máximo que permitimos. Vuelva a intentarlo en unos 10 minutos.',
    );
    expect(json<{ error: { message: string } }>(await signUp()).error.message).toBe(
      'You have signed up 10 addresses this hour, the most we allow. Please try again in about 10 minutes.',
    );
  });
});
