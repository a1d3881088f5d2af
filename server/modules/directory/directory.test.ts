/**
 * A mediator's profile and its eligibility computed from the training record, and the rosters the
 * cases area reads from it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicProfile } from '../../../contracts/directory.ts';
import { OwnProfile } from '../../../contracts/directory-profiles.ts';
import { ReviewQueue } from '../../../contracts/directory-review.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, TestClient } from '../../../test/client.ts';
import { attached, PNG_BYTES } from '../../../test/uploads.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';
import { buildMediatorProfile, FAMILY_QUALIFIED } from '../../db/seed/directory-builders.ts';
import { base } from './profile-fixtures.ts';
import { eligibleMediators } from './roster.service.ts';
import { addTrainingCourse } from './training.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('a mediator keeps a profile; eligibility is computed from the training record', () => {
  it('refuses a certification claim with the explanation and accepts a real license', async () => {
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
    const own = OwnProfile.parse(json(saved)).profile!;
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
      certificate: attached('certificate.png', PNG_BYTES),
    });
    expect(added.statusCode).toBe(201);
    const own = OwnProfile.parse(json(added)).profile!;
    const course = own.courses[0]!;
    expect(course.verified).toBe(false);
    expect(own.eligibility.find((e) => e.roster === 'rule17')!.missing[0]!.text).toMatch(
      /16 hours recorded are waiting/,
    );

    // The mediator cannot verify their own course; staff can.
    expect((await client.post(`/api/v1/directory/courses/${course.id}/verify`)).statusCode).toBe(403);
    const staff = await buildUser(t.deps, { grants: [{ role: 'staff' }] });
    const staffClient = await new TestClient(t.app).signIn(staff.email, staff.password);
    const queue = ReviewQueue.parse(json(await staffClient.get('/api/v1/directory/review')));
    expect(queue.courses.map((c) => c.id)).toContain(course.id);
    expect(
      (await staffClient.get(`/api/v1/directory/documents/${course.certificateFileId}`)).headers[
        'content-type'
      ],
    ).toBe('image/png');
    expect((await staffClient.post(`/api/v1/directory/courses/${course.id}/verify`)).statusCode).toBe(200);

    const pub = PublicProfile.parse(
      json(await new TestClient(t.app).get(`/api/v1/directory/mediators/${own.id}`)),
    );
    const rule17 = pub.eligibility.find((e) => e.roster === 'rule17')!;
    expect(rule17).toMatchObject({ met: true, metText: 'Meets the Rule 17 training requirement' });
    expect(pub.training).toHaveLength(1);
    expect(JSON.stringify(pub)).not.toContain(person.email);

    // The public sees only the lists the mediator is on; what is missing for the others is for the
    // mediator and staff alone.
    expect(pub.eligibility.every((e) => e.met)).toBe(true);
    expect(JSON.stringify(pub)).not.toMatch(/hours of formal|Membership|missing":\[\{/);
    const mine = PublicProfile.parse(json(await client.get(`/api/v1/directory/mediators/${own.id}`)));
    const staffs = PublicProfile.parse(json(await staffClient.get(`/api/v1/directory/mediators/${own.id}`)));
    for (const seen of [mine, staffs]) {
      expect(seen.eligibility.some((e) => !e.met && e.missing.length > 0)).toBe(true);
    }
    // Anyone but the mediator may ask them to mediate while they take new cases.
    expect(pub.can.askToMediate).toBe(true);
    expect(mine.can.askToMediate).toBe(false);
  });

  it('refuses uploads by their bytes, not their names', async () => {
    const person = await buildUser(t.deps, { grants: [{ role: 'member' }] });
    const client = await new TestClient(t.app).signIn(person.email, person.password);
    await client.put('/api/v1/directory/me', { ...base, displayName: 'Cy Photo' });
    const fake = await client.put(
      '/api/v1/directory/me/photo',
      attached('me.jpg', Buffer.from('<script>alert(1)</script>')),
    );
    expect(fake.statusCode).toBe(415);
    expect(json<{ error: { fields: Record<string, string> } }>(fake).error.fields.photo).toBeDefined();
    const huge = Buffer.concat([PNG_BYTES, Buffer.alloc(2 * 1024 * 1024)]);
    const big = await client.put('/api/v1/directory/me/photo', attached('big.png', huge));
    expect(big.statusCode).toBe(413);
    const ok = await client.put('/api/v1/directory/me/photo', attached('me.png', PNG_BYTES));
    expect(ok.statusCode).toBe(200);
    const url = OwnProfile.parse(json(ok)).profile!.photoUrl!;
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
    const attended = (provider: string) =>
      t.db.transaction().execute((tx) =>
        addTrainingCourse(tx, t.deps, {
          userId: m.userId,
          provider,
          date: '2025-05-01',
          hours: 0.5,
          kind: 'family_custody',
          verified: true,
          source: 'association',
          sourceRef: 'training-1',
        }),
      );
    await attended('Association of Missouri Mediators');
    expect((await eligibleMediators(t.db, { roster: 'rule88' })).map((x) => x.name)).toContain('Fay Family');
    // The same attendance written twice is one course.
    await attended('x');
    const courses = await t.db
      .selectFrom('directory_courses')
      .select('id')
      .where('profile_id', '=', m.profileId)
      .execute();
    expect(courses).toHaveLength(3);
  });
});
