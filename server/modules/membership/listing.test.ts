import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, signedInAs, TestClient } from '../../../test/client.ts';
import { buildMembership, buildTier } from '../../db/seed/association.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { buildMediatorProfile } from '../../db/seed/directory-builders.ts';
import { DAY } from '../../infra/clock.ts';
import { reviewMemberships } from './membership.jobs.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const publicProfile = (profileId: string) =>
  new TestClient(t.app).get(`/api/v1/directory/mediators/${profileId}`);

describe('the directory listing that full membership includes', () => {
  it('disappears when the membership lapses and comes back when it is renewed', async () => {
    const full = await buildTier(t.deps, { includesListing: true, annualDuesCents: 9500, graceDays: 30 });
    const user = await buildUser(t.deps, { password: 'a long password', grants: [{ role: 'member' }] });
    const { profileId } = await buildMediatorProfile(t.deps, { userId: user.id, name: 'Pat Quinn' });
    await buildMembership(t.deps, user.id, full.id, { expiresAt: new Date(t.clock.now().getTime() + DAY) });
    expect((await publicProfile(profileId)).statusCode).toBe(200);

    t.clock.advance(2 * DAY);
    await reviewMemberships(t.deps);
    expect((await publicProfile(profileId)).statusCode).toBe(200);

    t.clock.advance(30 * DAY);
    await reviewMemberships(t.deps);
    expect((await publicProfile(profileId)).statusCode).toBe(404);

    // Renewing brings it back: staff record the dues.
    const staff = await signedInAs(t, { grants: [{ role: 'staff' }] });
    const me = await signedIn(t.app, user);
    await me.post('/api/v1/association/membership', { tierId: full.id });
    const paid = await staff.post('/api/v1/association/payments', {
      userId: user.id,
      purpose: 'dues',
      method: 'cheque',
      amountCents: 9500,
      receivedOn: '2026-04-04',
    });
    expect(paid.statusCode).toBe(201);
    expect((await publicProfile(profileId)).statusCode).toBe(200);
  });

  it('leaves a mediator who chose to stay unlisted unlisted, and other tiers alone', async () => {
    const full = await buildTier(t.deps, { includesListing: true });
    const associate = await buildTier(t.deps, { includesListing: false, graceDays: 0 });
    const hidden = await buildUser(t.deps, { grants: [{ role: 'member' }] });
    const courtMediator = await buildUser(t.deps, { grants: [{ role: 'member' }] });
    const a = await buildMediatorProfile(t.deps, { userId: hidden.id, profile: { published: false } });
    const b = await buildMediatorProfile(t.deps, { userId: courtMediator.id });
    await buildMembership(t.deps, hidden.id, full.id, { expiresAt: new Date(t.clock.now().getTime() + DAY) });
    await buildMembership(t.deps, courtMediator.id, associate.id, {
      expiresAt: new Date(t.clock.now().getTime() + DAY),
    });
    t.clock.advance(40 * DAY);
    await reviewMemberships(t.deps);
    expect((await publicProfile(a.profileId)).statusCode).toBe(404);
    // An associate membership includes no listing, so its lapse does not touch one.
    expect((await publicProfile(b.profileId)).statusCode).toBe(200);
  });
});

describe('continuing education and the path to becoming a mediator', () => {
  it('counts verified hours this year, and ticks steps Parley can see', async () => {
    const tier = await buildTier(t.deps);
    const user = await buildUser(t.deps, { grants: [{ role: 'member' }] });
    const year = t.clock.now().getUTCFullYear();
    await buildMediatorProfile(t.deps, {
      userId: user.id,
      courses: [
        { kind: 'civil_core', hours: 16, date: `${year}-01-20` },
        { kind: 'continuing_education', hours: 1.5, date: `${year}-02-10` },
        { kind: 'continuing_education', hours: 3, date: `${year}-02-11`, verified: false },
      ],
    });
    await buildMembership(t.deps, user.id, tier.id);
    const me = await signedIn(t.app, user);
    const ce = json<{
      earnedHours: number;
      remainingHours: number;
      byKind: { kind: string; hours: number }[];
    }>(await me.get('/api/v1/association/continuing-education'));
    expect(ce).toMatchObject({ earnedHours: 17.5, remainingHours: 0 });
    expect(ce.byKind.find((k) => k.kind === 'continuing_education')?.hours).toBe(1.5);

    const path = json<{ step: string; done: boolean; tickedBy: string | null }[]>(
      await me.get('/api/v1/association/path'),
    );
    expect(path.find((s) => s.step === 'core-training')).toMatchObject({ done: true, tickedBy: 'parley' });
    const refused = await me.put('/api/v1/association/path/core-training', { done: false });
    expect(refused.statusCode).toBe(400);
    expect(json(refused).error).toMatchObject({ fields: { step: expect.any(String) } });
    const badStep = await me.put('/api/v1/association/path/fly', { done: true });
    expect(json(badStep).error).toMatchObject({ fields: { step: expect.any(String) } });
    const ticked = json<{ step: string; done: boolean; tickedBy: string | null }[]>(
      await me.put('/api/v1/association/path/rule-17-list', { done: true }),
    );
    expect(ticked.find((s) => s.step === 'rule-17-list')).toMatchObject({ done: true, tickedBy: 'you' });
    // Anyone signed in can follow the path; continuing-education progress is for members.
    const visitor = await signedInAs(t);
    expect((await visitor.get('/api/v1/association/path')).statusCode).toBe(200);
    expect((await visitor.get('/api/v1/association/continuing-education')).statusCode).toBe(403);
  });

  it("writes each step's detail in the page's language", async () => {
    const user = await buildUser(t.deps, { grants: [{ role: 'member' }] });
    const year = t.clock.now().getUTCFullYear();
    await buildMediatorProfile(t.deps, {
      userId: user.id,
      courses: [{ kind: 'civil_core', hours: 2.5, date: `${year}-01-20` }],
    });
    const me = await signedIn(t.app, user);
    const details = async (headers = {}) =>
      json<{ detail: string }[]>(await me.get('/api/v1/association/path', { headers })).map((s) => s.detail);
    expect(await details({ 'accept-language': 'es-US' })).toEqual([
      '2.5 de 16 horas hasta ahora. Le faltan 13.5.',
      'The Missouri Bar lleva la lista de la Rule 17. Estar en ella es gratis.',
      'Observe y co-medie con un programa que recibe a mediadores nuevos.',
      'Atienda al menos un caso al mes para mantener sus habilidades.',
      '2.5 de 6 horas este año. Le faltan 3.5.',
    ]);
    expect(await details()).toEqual([
      '2.5 of 16 hours so far. 13.5 to go.',
      'The Missouri Bar keeps the Rule 17 list. Being on it is free.',
      'Watch and co-mediate with a program that welcomes new mediators.',
      'Handle at least one case a month to keep your skills.',
      '2.5 of 6 hours this year. 3.5 to go.',
    ]);
    const ticked = await me.request(
      'PUT',
      '/api/v1/association/path/rule-17-list',
      { done: true },
      { headers: { 'accept-language': 'es-US' } },
    );
    expect(json<{ detail: string }[]>(ticked)[0]?.detail).toBe(
      '2.5 de 16 horas hasta ahora. Le faltan 13.5.',
    );
  });
});
