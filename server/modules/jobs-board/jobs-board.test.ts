import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, signedInAs, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { buildMembership, buildTier } from '../../db/seed/association.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { DAY } from '../../infra/clock.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('job listings', () => {
  it('lets a member post an opening with an expiry date and alerts subscribers', async () => {
    const tier = await buildTier(t.deps);
    const poster = await buildUser(t.deps);
    const reader = await buildUser(t.deps);
    await buildMembership(t.deps, poster.id, tier.id);
    await buildMembership(t.deps, reader.id, tier.id);
    const posterClient = await signedIn(t.app, poster);
    const readerClient = await signedIn(t.app, reader);
    expect(json(await readerClient.put('/api/v1/association/job-alerts', { subscribed: true }))).toEqual({
      subscribed: true,
    });

    const job = {
      title: 'Staff mediator',
      organization: 'Conflict Resolution Center',
      location: 'St. Louis',
      description: 'Mediate small claims and housing disputes three days a week.',
      howToApply: 'E-mail a letter and resume to jobs@example.test',
      expiresOn: '2026-04-15',
    };
    const past = await posterClient.post('/api/v1/association/jobs', { ...job, expiresOn: '2026-01-01' });
    expect(past.statusCode).toBe(400);
    expect(json(past).error).toMatchObject({
      fields: { expiresOn: expect.stringContaining('must be between') },
    });
    const badDate = await posterClient.post('/api/v1/association/jobs', { ...job, expiresOn: 'next week' });
    expect(json(badDate).error).toMatchObject({ fields: { expiresOn: 'Use the form YYYY-MM-DD' } });

    expect((await posterClient.post('/api/v1/association/jobs', job)).statusCode).toBe(201);
    const alert = await lastEmailTo(t.db, reader.email, 'job-alert');
    expect(alert.subject).toBe('New opening: Staff mediator, Conflict Resolution Center');
    expect(
      json<{ title: string }[]>(await readerClient.get('/api/v1/association/jobs')).map((j) => j.title),
    ).toEqual(['Staff mediator']);

    // The public jobs board shows the opening to anyone, without who posted it.
    const board = json<Record<string, unknown>[]>(
      await new TestClient(t.app).get('/api/v1/association/job-board'),
    );
    expect(board.map((j) => j.title)).toContain('Staff mediator');
    expect(board[0]).not.toHaveProperty('postedBy');

    // Only members see the listings; after the expiry date the listing is gone.
    const outsider = await signedInAs(t, { grants: [{ role: 'mediator' }] });
    expect((await outsider.get('/api/v1/association/jobs')).statusCode).toBe(403);
    t.clock.advance(45 * DAY);
    await readerClient.signIn(reader.email, reader.password);
    expect(json<unknown[]>(await readerClient.get('/api/v1/association/jobs'))).toEqual([]);
    expect(json<unknown[]>(await new TestClient(t.app).get('/api/v1/association/job-board'))).toEqual([]);
  });

  it('gives staff every listing, searched, by state and day, a page at a time and as CSV', async () => {
    const staff = await signedInAs(t, { grants: [{ role: 'staff' }] });
    const today = t.clock.now().toISOString().slice(0, 10);
    const until = new Date(t.clock.now().getTime() + 30 * DAY).toISOString().slice(0, 10);
    const post = async (title: string, location: string) => {
      const r = await staff.post('/api/v1/association/jobs', {
        title,
        organization: 'Ozarks Search Center',
        location,
        description: 'Mediate neighbor and landlord disputes two evenings a week.',
        howToApply: 'Write to the center director.',
        expiresOn: until,
      });
      expect(r.statusCode, r.body).toBe(201);
      t.clock.advance(60_000);
      return json<{ id: string }>(r).id;
    };
    await post('Evening mediator', 'Springfield');
    const second = await post('Family mediator', 'Joplin');
    await post('Court mediator', 'Branson');
    expect((await staff.post(`/api/v1/association/jobs/${second}/withdraw`)).statusCode).toBeLessThan(300);

    const page = async (query: string) => {
      const r = await staff.get(`/api/v1/association/job-postings?${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return json<{
        rows: { title: string; state: string; can: { withdraw: boolean } }[];
        next: string | null;
      }>(r);
    };
    const first = await page('q=ozarks search&limit=2');
    expect(first.rows.map((r) => [r.title, r.state])).toEqual([
      ['Court mediator', 'open'],
      ['Family mediator', 'withdrawn'],
    ]);
    expect(first.rows.map((r) => r.can.withdraw)).toEqual([true, false]);
    const rest = await page(`q=ozarks search&limit=2&after=${first.next}`);
    expect(rest).toMatchObject({ rows: [{ title: 'Evening mediator' }], next: null });
    expect((await page('q=JOPLIN')).rows.map((r) => r.title)).toEqual(['Family mediator']);
    expect((await page('q=ozarks search&state=open')).rows.map((r) => r.title)).toEqual([
      'Court mediator',
      'Evening mediator',
    ]);
    expect((await page(`q=ozarks search&from=${today}&to=${today}`)).rows).toHaveLength(3);
    expect((await page('q=ozarks search&to=2020-01-01')).rows).toEqual([]);

    for (const [query, field] of [
      ['state=gone', 'state'],
      ['from=2026-05-31&to=2026-05-01', 'to'],
      ['after=not-a-page', 'after'],
    ] as const) {
      const bad = await staff.get(`/api/v1/association/job-postings?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(Object.keys(json<{ error: { fields: object } }>(bad).error.fields)).toEqual([field]);
    }

    const csv = await staff.get('/api/v1/association/job-postings.csv?q=ozarks search&state=withdrawn');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('Title,Organization,Place,State,Posted,Ends,Posted by');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Family mediator,Ozarks Search Center,Joplin,Taken down,/);

    const member = await signedInAs(t, { grants: [{ role: 'member' }] });
    expect((await member.get('/api/v1/association/job-postings')).statusCode).toBe(403);
    expect((await member.get('/api/v1/association/job-postings.csv')).statusCode).toBe(403);
  });
});
