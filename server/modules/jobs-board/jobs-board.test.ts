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
});
