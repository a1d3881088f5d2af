import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, type TestClient } from '../../../test/client.ts';
import { buildUser } from '../../db/seed/builders.ts';

// Every text the public reads is held to the same rules: no claim that a mediator is "certified"
// (Missouri certifies none; Model Standards VII), and web addresses only over http or https.

let t: TestApp;
let member: TestClient;
let staff: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  member = await signedIn(t.app, await buildUser(t.deps, { grants: [{ role: 'member' }] }));
  staff = await signedIn(t.app, await buildUser(t.deps, { grants: [{ role: 'staff' }] }));
});
afterAll(async () => t.close());

type Refusal = { error: { code: string; message: string; fields: Record<string, string> } };
const refusal = (r: { statusCode: number; body: string }) => ({
  status: r.statusCode,
  ...json<Refusal>(r as never).error,
});

const profile = {
  displayName: 'Lee Park',
  practiceName: 'Park Mediation',
  bio: 'Family mediator in Boone County.',
  areas: ['family'],
  languages: ['en'],
  counties: ['29019'],
};

describe('a profile', () => {
  it('takes a website only over https or http, naming the field otherwise', async () => {
    for (const website of [
      'javascript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://files.example/me',
      'vbscript:msgbox(1)',
    ]) {
      const r = await member.put('/api/v1/directory/me', { ...profile, website });
      expect(r.statusCode, website).toBe(400);
      expect(refusal(r).fields, website).toHaveProperty('website');
    }
    const ok = await member.put('/api/v1/directory/me', { ...profile, website: 'https://park.example/' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<{ profile: { website: string } }>(ok).profile.website).toBe('https://park.example/');
  });

  it('refuses a certification claim in any field the public reads', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ employers: ['Ozark Certified Mediation Services'] }, 'employers.0'],
      [
        { degrees: [{ title: 'MSW', field: 'social_work', institution: 'Certified Mediator Institute' }] },
        'degrees.0.institution',
      ],
      [{ barAdmissions: [{ state: 'Missouri certified' }] }, 'barAdmissions.0.state'],
    ];
    for (const [change, field] of cases) {
      const r = await member.put('/api/v1/directory/me', { ...profile, ...change });
      expect(refusal(r), field).toMatchObject({ status: 422, code: 'CERTIFICATION_CLAIM' });
      expect(Object.keys(refusal(r).fields)).toEqual([field]);
    }
  });

  it('refuses a course whose title or provider calls it certification', async () => {
    const course = {
      provider: 'Association of Missouri Mediators',
      date: '2025-04-10',
      hours: 16,
      kind: 'civil_core',
    };
    let r = await member.post('/api/v1/directory/me/courses', {
      ...course,
      title: 'Certified Mediator Training',
    });
    expect(refusal(r)).toMatchObject({ status: 422, code: 'CERTIFICATION_CLAIM' });
    expect(refusal(r).fields.title).toContain('Certified Mediator');
    expect(refusal(r).message).toContain('a training cannot say');
    r = await member.post('/api/v1/directory/me/courses', {
      ...course,
      provider: 'Missouri Certified Mediators Academy',
    });
    expect(Object.keys(refusal(r).fields)).toEqual(['provider']);
    r = await member.post('/api/v1/directory/me/courses', { ...course, title: 'Civil mediation (16 hours)' });
    expect(r.statusCode, r.body).toBe(201);
  });
});

describe('the association’s public calendar and tiers', () => {
  const event = {
    kind: 'core_training',
    title: 'Family mediation (40 hours)',
    provider: 'Missouri State University',
    sessions: [{ startsAt: '2026-05-01T14:00:00Z', endsAt: '2026-05-01T22:00:00Z' }],
    place: 'Springfield',
  };

  it('an event’s title, description and provider may not promise certification', async () => {
    for (const [change, field] of [
      [{ title: 'Become a Certified Family Mediator' }, 'title'],
      [{ description: 'Graduates are certified by the Missouri Supreme Court.' }, 'description'],
      [{ provider: 'State-Certified Mediation Academy' }, 'provider'],
    ] as const) {
      const r = await staff.post('/api/v1/association/events', { ...event, ...change });
      expect(refusal(r), field).toMatchObject({ status: 422, code: 'CERTIFICATION_CLAIM' });
      expect(Object.keys(refusal(r).fields)).toEqual([field]);
    }
    const created = await staff.post('/api/v1/association/events', event);
    expect(created.statusCode, created.body).toBe(201);
    const id = json<{ id: string }>(created).id;
    const patched = await staff.patch(`/api/v1/association/events/${id}`, {
      title: 'Certified mediator course',
    });
    expect(refusal(patched)).toMatchObject({ status: 422, fields: { title: expect.any(String) } });
  });

  it('an event’s online link is only over https or http', async () => {
    const r = await staff.post('/api/v1/association/events', {
      ...event,
      place: null,
      onlineUrl: 'javascript:alert(1)',
    });
    expect(r.statusCode).toBe(400);
    expect(refusal(r).fields).toHaveProperty('onlineUrl');
  });

  it('a membership tier’s name, description and benefits may not either', async () => {
    const tier = { slug: 'plain', name: 'Practitioner', annualDuesCents: 9500 };
    let r = await staff.post('/api/v1/association/tiers', { ...tier, name: 'Certified Mediator' });
    expect(refusal(r)).toMatchObject({ status: 422, fields: { name: expect.any(String) } });
    r = await staff.post('/api/v1/association/tiers', {
      ...tier,
      benefits: ['Directory listing', 'Certified mediator badge'],
    });
    expect(Object.keys(refusal(r).fields)).toEqual(['benefits.1']);
    r = await staff.post('/api/v1/association/tiers', tier);
    expect(r.statusCode, r.body).toBe(201);
    const id = json<{ id: string }>(r).id;
    r = await staff.patch(`/api/v1/association/tiers/${id}`, { description: 'Missouri-certified members' });
    expect(refusal(r)).toMatchObject({ status: 422, fields: { description: expect.any(String) } });
  });
});
