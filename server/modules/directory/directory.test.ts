import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, TestClient } from '../../../test/client.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';
import { buildMediatorProfile, FAMILY_QUALIFIED } from '../../db/seed/directory-builders.ts';
import { HOUR } from '../../infra/clock.ts';
import { eligibleMediators } from './roster.service.ts';
import { addTrainingCourse } from './training.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const base = {
  displayName: 'Ana Ruiz',
  practiceName: 'Ruiz Family Mediation',
  bio: 'Licensed clinical social worker. I help parents make parenting plans.',
  areas: ['family', 'child_custody'],
  languages: ['en', 'es'],
  counties: ['29077', '29043'],
  slidingScale: true,
};

type Own = {
  profile: {
    id: string;
    eligibility: { roster: string; met: boolean; missing: { code: string; text: string }[] }[];
  };
};

describe('a mediator keeps a profile; eligibility is computed from the training record', () => {
  it('refuses a certification claim with the explanation and accepts a real licence', async () => {
    const person = await buildUser(t.deps, { grants: [{ role: 'member' }] });
    const client = await new TestClient(t.app).signIn(person.email, person.password);
    const refused = await client.put('/api/v1/directory/me', {
      ...base,
      bio: 'I am a certified mediator in Greene County.',
    });
    expect(refused.statusCode).toBe(422);
    const error = json<{ error: { code: string; message: string; fields: Record<string, string> } }>(
      refused,
    ).error;
    expect(error.code).toBe('CERTIFICATION_CLAIM');
    expect(error.message).toMatch(/Missouri does not certify mediators/);
    expect(error.message).toMatch(/Standard VII/);
    expect(error.fields.bio).toMatch(/certified mediator/);

    const saved = await client.put('/api/v1/directory/me', base);
    expect(saved.statusCode).toBe(200);
    const own = json<Own>(saved).profile;
    const rule17 = own.eligibility.find((e) => e.roster === 'rule17')!;
    expect(rule17.met).toBe(false);
    expect(rule17.missing[0]!.text).toMatch(/16 hours/);
  });

  it('a course counts once verified by staff, and the public profile shows it', async () => {
    const person = await buildUser(t.deps, {
      grants: [{ role: 'mediator', programId: (await buildProgram(t.deps)).id }],
    });
    const client = await new TestClient(t.app).signIn(person.email, person.password);
    expect((await client.put('/api/v1/directory/me', { ...base, displayName: 'Ben Ortiz' })).statusCode).toBe(
      200,
    );
    const added = await client.post('/api/v1/directory/me/courses', {
      provider: 'Association of Missouri Mediators',
      date: '2025-04-10',
      hours: 16,
      kind: 'civil_core',
      certificate: { filename: 'certificate.png', contentBase64: PNG.toString('base64') },
    });
    expect(added.statusCode).toBe(201);
    const own = json<
      Own & { profile: { courses: { id: string; verified: boolean; certificateFileId: string }[] } }
    >(added).profile;
    const course = own.courses[0]!;
    expect(course.verified).toBe(false);
    expect(own.eligibility.find((e) => e.roster === 'rule17')!.missing[0]!.text).toMatch(
      /16 hours recorded are waiting/,
    );

    // The mediator cannot verify their own course; staff can.
    expect((await client.post(`/api/v1/directory/courses/${course.id}/verify`)).statusCode).toBe(403);
    const staff = await buildUser(t.deps, { grants: [{ role: 'staff' }] });
    const staffClient = await new TestClient(t.app).signIn(staff.email, staff.password);
    const queue = json<{ courses: { id: string }[] }>(await staffClient.get('/api/v1/directory/review'));
    expect(queue.courses.map((c) => c.id)).toContain(course.id);
    expect(
      (await staffClient.get(`/api/v1/directory/documents/${course.certificateFileId}`)).headers[
        'content-type'
      ],
    ).toBe('image/png');
    expect((await staffClient.post(`/api/v1/directory/courses/${course.id}/verify`)).statusCode).toBe(200);

    const pub = json<{
      eligibility: { roster: string; met: boolean; metText: string }[];
      training: unknown[];
    }>(await new TestClient(t.app).get(`/api/v1/directory/mediators/${own.id}`));
    const rule17 = pub.eligibility.find((e) => e.roster === 'rule17')!;
    expect(rule17).toMatchObject({ met: true, metText: 'Meets the Rule 17 training requirement' });
    expect(pub.training).toHaveLength(1);
    expect(JSON.stringify(pub)).not.toContain(person.email);
  });

  it('refuses uploads by their bytes, not their names', async () => {
    const person = await buildUser(t.deps, { grants: [{ role: 'member' }] });
    const client = await new TestClient(t.app).signIn(person.email, person.password);
    await client.put('/api/v1/directory/me', { ...base, displayName: 'Cy Photo' });
    const fake = await client.put('/api/v1/directory/me/photo', {
      filename: 'me.jpg',
      contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64'),
    });
    expect(fake.statusCode).toBe(415);
    expect(json<{ error: { fields: Record<string, string> } }>(fake).error.fields.photo).toBeDefined();
    const huge = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    const big = await client.put('/api/v1/directory/me/photo', {
      filename: 'big.png',
      contentBase64: huge.toString('base64'),
    });
    expect(big.statusCode).toBe(413);
    const ok = await client.put('/api/v1/directory/me/photo', {
      filename: 'me.png',
      contentBase64: PNG.toString('base64'),
    });
    expect(ok.statusCode).toBe(200);
    const url = json<{ profile: { photoUrl: string } }>(ok).profile.photoUrl;
    const photo = await new TestClient(t.app).get(url);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
  });

  it('people without a mediator or member role cannot keep a profile', async () => {
    const parent = await buildUser(t.deps, { grants: [{ role: 'party' }] });
    const client = await new TestClient(t.app).signIn(parent.email, parent.password);
    expect((await client.put('/api/v1/directory/me', base)).statusCode).toBe(403);
  });
});

describe('rosters for the cases area', () => {
  it('special education: admitted by the state program coordinator, never offered to an employer', async () => {
    const sped = await buildProgram(t.deps, { kind: 'special_education' });
    const family = await buildProgram(t.deps, { kind: 'family' });
    const employed = await buildMediatorProfile(t.deps, {
      name: 'Dee Employed',
      profile: { employers: ['Springfield R-12 School District'] },
    });
    const free = await buildMediatorProfile(t.deps, { name: 'Eve Independent' });

    const familyCoordinator = await buildUser(t.deps, {
      grants: [{ role: 'coordinator', programId: family.id }],
    });
    const fc = await new TestClient(t.app).signIn(familyCoordinator.email, familyCoordinator.password);
    expect(
      (await fc.post(`/api/v1/directory/profiles/${free.profileId}/special-education`, { admitted: true }))
        .statusCode,
    ).toBe(403);

    const coordinator = await buildUser(t.deps, { grants: [{ role: 'coordinator', programId: sped.id }] });
    const cc = await new TestClient(t.app).signIn(coordinator.email, coordinator.password);
    for (const m of [employed, free]) {
      const r = await cc.post(`/api/v1/directory/profiles/${m.profileId}/special-education`, {
        admitted: true,
      });
      expect(r.statusCode).toBe(200);
    }
    const all = await eligibleMediators(t.db, { roster: 'special_education' });
    expect(all.map((m) => m.name)).toEqual(expect.arrayContaining(['Dee Employed', 'Eve Independent']));
    const forDistrict = await eligibleMediators(t.db, {
      roster: 'special_education',
      excludeEmployers: ['springfield r12 school dist.', 'DESE'],
    });
    expect(forDistrict.map((m) => m.name)).toContain('Eve Independent');
    expect(forDistrict.map((m) => m.name)).not.toContain('Dee Employed');
    expect(forDistrict[0]).toEqual({
      userId: expect.any(String),
      profileId: expect.any(String),
      name: expect.any(String),
    });
  });

  it('Rule 88.05 follows the record, and addTrainingCourse recomputes it', async () => {
    const m = await buildMediatorProfile(t.deps, {
      name: 'Fay Family',
      ...FAMILY_QUALIFIED,
      courses: [
        { hours: 16, kind: 'family_custody' },
        { hours: 3.5, kind: 'violence_power_imbalance' },
      ],
    });
    expect((await eligibleMediators(t.db, { roster: 'rule88' })).map((x) => x.name)).not.toContain(
      'Fay Family',
    );
    await t.db.transaction().execute((tx) =>
      addTrainingCourse(tx, t.deps, {
        userId: m.userId,
        provider: 'Association of Missouri Mediators',
        date: '2025-05-01',
        hours: 0.5,
        kind: 'family_custody',
        verified: true,
        source: 'association',
        sourceRef: 'training-1',
      }),
    );
    expect((await eligibleMediators(t.db, { roster: 'rule88' })).map((x) => x.name)).toContain('Fay Family');
    // The same attendance written twice is one course.
    await t.db.transaction().execute((tx) =>
      addTrainingCourse(tx, t.deps, {
        userId: m.userId,
        provider: 'x',
        date: '2025-05-01',
        hours: 0.5,
        kind: 'family_custody',
        verified: true,
        source: 'association',
        sourceRef: 'training-1',
      }),
    );
    const courses = await t.db
      .selectFrom('directory_courses')
      .select('id')
      .where('profile_id', '=', m.profileId)
      .execute();
    expect(courses).toHaveLength(3);
  });
});

describe('the contact form', () => {
  it('e-mails the mediator without revealing the address, and is throttled', async () => {
    const m = await buildMediatorProfile(t.deps, { name: 'Gus Contact', email: 'gus.private@example.test' });
    const visitor = new TestClient(t.app, '10.20.30.40');
    const body = {
      name: 'Pat Parent',
      email: 'pat@example.test',
      message: 'We need help with a parenting plan.',
    };
    for (let i = 0; i < 5; i++) {
      const r = await visitor.post(`/api/v1/directory/mediators/${m.profileId}/contact`, body);
      expect(r.statusCode).toBe(202);
      expect(r.body).not.toContain('gus.private');
    }
    const limited = await visitor.post(`/api/v1/directory/mediators/${m.profileId}/contact`, body);
    expect(limited.statusCode).toBe(429);
    expect(json<{ error: { message: string } }>(limited).error.message).toMatch(
      /5 messages in the last hour/,
    );
    expect(limited.headers['retry-after']).toBeDefined();
    const email = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', 'gus.private@example.test')
      .executeTakeFirstOrThrow();
    expect(email.text_body).toContain('Reply to them at: pat@example.test');
    const page = await new TestClient(t.app).get(`/api/v1/directory/mediators/${m.profileId}`);
    expect(page.body).not.toContain('gus.private');
    t.clock.advance(HOUR + 1000);
    expect((await visitor.post(`/api/v1/directory/mediators/${m.profileId}/contact`, body)).statusCode).toBe(
      202,
    );
  });
});

describe('bad search input', () => {
  it.each([
    ['area=knitting', 'area'],
    ['county=12345', 'county'],
    ['circuit=99', 'circuit'],
    ['roster=gold', 'roster'],
    ['fee=cheap', 'fee'],
    ['limit=500', 'limit'],
    ['accepting=maybe', 'accepting'],
    ['sort=distance', 'near'],
    ['cursor=garbage', 'cursor'],
  ])('%s → 400 naming %s', async (query, field) => {
    const r = await new TestClient(t.app).get(`/api/v1/directory/mediators?${query}`);
    expect(r.statusCode).toBe(400);
    expect(Object.keys(json<{ error: { fields: Record<string, string> } }>(r).error.fields)).toContain(field);
  });
});
