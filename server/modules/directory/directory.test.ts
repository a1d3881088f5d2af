import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicProfile } from '../../../contracts/directory.ts';
import { OwnProfile } from '../../../contracts/directory-profiles.ts';
import { ReviewQueue } from '../../../contracts/directory-review.ts';
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
      certificate: { filename: 'certificate.png', contentBase64: PNG.toString('base64') },
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

describe('what each person may do, as the answers say it', () => {
  const client = async (grants: NonNullable<Parameters<typeof buildUser>[1]>['grants']) => {
    const person = await buildUser(t.deps, { grants });
    return new TestClient(t.app).signIn(person.email, person.password);
  };

  it('offers the editor to those who keep a profile, and a course to remove until it is verified', async () => {
    const parent = await client([{ role: 'party' }]);
    expect(OwnProfile.parse(json(await parent.get('/api/v1/directory/me'))).can).toEqual({
      save: false,
      recordFederalPanels: false,
    });
    expect((await parent.put('/api/v1/directory/me', base)).statusCode).toBe(403);

    const member = await client([{ role: 'member' }]);
    expect(OwnProfile.parse(json(await member.get('/api/v1/directory/me'))).can).toEqual({
      save: true,
      recordFederalPanels: false,
    });
    await member.put('/api/v1/directory/me', { ...base, displayName: 'Hal Record' });
    const added = await member.post('/api/v1/directory/me/courses', {
      provider: 'Hal’s course',
      date: '2025-02-01',
      hours: 2,
      kind: 'continuing_education',
    });
    const course = OwnProfile.parse(json(added)).profile!.courses[0]!;
    expect(course.can).toEqual({ remove: true });
    const staff = await client([{ role: 'staff' }]);
    // Staff see the record, but a course is removed only by its own mediator (the route is theirs).
    const profileId = OwnProfile.parse(json(added)).profile!.id;
    const seen = OwnProfile.parse(json(await staff.get(`/api/v1/directory/profiles/${profileId}`)));
    expect(seen.can).toEqual({ save: true, recordFederalPanels: true });
    expect(seen.profile!.courses[0]!.can).toEqual({ remove: false });
    expect((await staff.post(`/api/v1/directory/courses/${course.id}/verify`)).statusCode).toBe(200);
    const after = OwnProfile.parse(json(await member.get('/api/v1/directory/me')));
    expect(after.profile!.courses[0]!.can).toEqual({ remove: false });
    expect((await member.delete(`/api/v1/directory/me/courses/${course.id}`)).statusCode).toBe(409);
  });

  it('offers the special-education list to its program’s coordinator alone', async () => {
    const sped = await buildProgram(t.deps, { kind: 'special_education' });
    const family = await buildProgram(t.deps, { kind: 'family' });
    const m = await buildMediatorProfile(t.deps, { name: 'Ida Listed' });
    const url = `/api/v1/directory/mediators/${m.profileId}`;
    const can = async (c: TestClient) => PublicProfile.parse(json(await c.get(url))).can;
    expect(await can(new TestClient(t.app))).toMatchObject({ setSpecialEducationAdmission: false });
    expect(await can(await client([{ role: 'coordinator', programId: family.id }]))).toMatchObject({
      setSpecialEducationAdmission: false,
    });
    expect(await can(await client([{ role: 'admin' }]))).toMatchObject({
      setSpecialEducationAdmission: false,
    });
    expect(await can(await client([{ role: 'coordinator', programId: sped.id }]))).toMatchObject({
      setSpecialEducationAdmission: true,
    });
  });

  it('offers the check of degrees and bar admissions to staff, and of affidavits to coordinators too', async () => {
    const program = await buildProgram(t.deps, { kind: 'civil' });
    const member = await client([{ role: 'member' }]);
    await member.put('/api/v1/directory/me', {
      ...base,
      displayName: 'Jo Pending',
      barAdmissions: [{ state: 'Missouri', year: 2010 }],
    });
    await member.put('/api/v1/directory/me/affidavit', {
      filename: 'affidavit.png',
      contentBase64: PNG.toString('base64'),
    });
    const waiting = async (c: TestClient) =>
      ReviewQueue.parse(json(await c.get('/api/v1/directory/review'))).profiles.find(
        (p) => p.mediator === 'Jo Pending',
      )!;
    const coordinator = await client([{ role: 'coordinator', programId: program.id }]);
    const staff = await client([{ role: 'staff' }]);
    expect((await waiting(coordinator)).can).toEqual({
      verifyCredentials: false,
      verifyAffidavit: true,
      edit: false,
    });
    expect((await waiting(staff)).can).toEqual({
      verifyCredentials: true,
      verifyAffidavit: true,
      edit: true,
    });
    const id = (await waiting(staff)).id;
    expect((await coordinator.post(`/api/v1/directory/profiles/${id}/credentials/verify`)).statusCode).toBe(
      403,
    );
    expect((await staff.post(`/api/v1/directory/profiles/${id}/credentials/verify`)).statusCode).toBe(200);
    expect((await waiting(staff)).can).toEqual({
      verifyCredentials: false,
      verifyAffidavit: true,
      edit: true,
    });

    // Staff edit the profile (a bad field is named), record a federal panel, and the public sees both.
    const record = OwnProfile.parse(json(await staff.get(`/api/v1/directory/profiles/${id}`)));
    expect(record.can).toEqual({ save: true, recordFederalPanels: true });
    const bad = await staff.put(`/api/v1/directory/profiles/${id}`, {
      ...base,
      website: 'not a web address',
    });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { fields: object } }>(bad).error.fields).toHaveProperty('website');
    const saved = await staff.put(`/api/v1/directory/profiles/${id}`, {
      ...base,
      displayName: 'Jo Pending',
      practiceName: 'Pending Mediation',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(
      json(
        await staff.post(`/api/v1/directory/profiles/${id}/federal-panels`, {
          eastern: true,
          western: false,
        }),
      ),
    ).toEqual({ eastern: true, western: false });
    const bareBody = await staff.post(`/api/v1/directory/profiles/${id}/federal-panels`, { eastern: true });
    expect(json<{ error: { fields: object } }>(bareBody).error.fields).toHaveProperty('western');
    expect(
      (
        await coordinator.post(`/api/v1/directory/profiles/${id}/federal-panels`, {
          eastern: false,
          western: false,
        })
      ).statusCode,
    ).toBe(403);
    const pub = PublicProfile.parse(
      json(await new TestClient(t.app).get(`/api/v1/directory/mediators/${id}`)),
    );
    expect(pub.practiceName).toBe('Pending Mediation');
    expect(pub.eligibility.find((e) => e.roster === 'federal_ed')).toMatchObject({ met: true });
    const kinds = (
      await t.db.selectFrom('audit_events').select('kind').where('subject_id', '=', id).execute()
    ).map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['directory.profile_updated', 'directory.federal_panels']));
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
    expect(json<{ error: { message: string } }>(limited).error.message).toMatch(/5 messages this hour/);
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

  it('refuses a Spanish page in Spanish, with the count and the wait', async () => {
    const m = await buildMediatorProfile(t.deps, { name: 'Lupe Contacto' });
    const visitor = new TestClient(t.app, '10.20.30.41');
    const body = { name: 'Ana Madre', email: 'ana@example.test', message: 'Necesitamos ayuda.' };
    const spanish = { headers: { 'accept-language': 'es-US' } };
    // Ten minutes before the hour's window ends.
    t.clock.set(new Date(Math.ceil(t.clock.now().getTime() / HOUR) * HOUR + 50 * 60 * 1000));
    for (let i = 0; i < 5; i++) {
      expect(
        (await visitor.post(`/api/v1/directory/mediators/${m.profileId}/contact`, body, spanish)).statusCode,
      ).toBe(202);
    }
    const limited = await visitor.post(`/api/v1/directory/mediators/${m.profileId}/contact`, body, spanish);
    expect(limited.statusCode).toBe(429);
    expect(json<{ error: { message: string } }>(limited).error.message).toBe(
      'Usted ya envió 5 mensajes en esta hora, el máximo que permitimos, para proteger a los mediadores del correo no deseado. Vuelva a intentarlo en unos 10 minutos.',
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

describe('asking a mediator from Find a Mediator to mediate', () => {
  it('names them in a request, held to the program’s roster and selection rules', async () => {
    const unlisted = await buildMediatorProfile(t.deps, { name: 'Una Unlisted' });
    const listed = await buildMediatorProfile(t.deps, { name: 'Fay Family', ...FAMILY_QUALIFIED });
    const family = await buildProgram(t.deps, { kind: 'family' });
    const community = await buildProgram(t.deps, { kind: 'community' });
    const person = await buildUser(t.deps, { grants: [{ role: 'party' }] });
    const party = await new TestClient(t.app).signIn(person.email, person.password);
    const request = (programId: string, preferredMediator: string) => ({
      form: 'community',
      programId,
      respondent: { name: 'Lee Neighbour', email: 'lee.neighbour@example.test' },
      description: 'The fence between our yards.',
      caseType: 'neighbour',
      preferredMediator,
    });
    // The community center appoints its mediators: the name is a wish the center sees.
    const asked = await party.post('/api/v1/cases', request(community.id, unlisted.profileId));
    expect(asked.statusCode).toBe(201);
    const seen = json<{ details: { preferredMediator?: unknown } }>(
      await party.get(`/api/v1/cases/${json<{ id: string }>(asked).id}`),
    );
    expect(seen.details.preferredMediator).toEqual({
      profileId: unlisted.profileId,
      name: 'Una Unlisted',
      how: 'wish',
    });
    // A family court program draws from the Rule 88.05 list: a mediator not on it is refused, naming the field.
    const referral = (preferredMediator: string) => ({
      form: 'court_referral',
      programId: family.id,
      respondent: { name: 'Lee Parent', email: 'lee.parent@example.test' },
      description: 'Parenting time.',
      caseType: 'family',
      court: 'Greene County Circuit Court',
      circuit: 31,
      caseNumber: '2531-DR00001',
      rule: '88',
      orderDate: '2026-02-20',
      issues: ['parenting_time'],
      preferredMediator,
    });
    const refused = await party.post('/api/v1/cases', referral(unlisted.profileId));
    expect(refused.statusCode, refused.body).toBe(400);
    expect(
      json<{ error: { fields: Record<string, string> } }>(refused).error.fields.preferredMediator,
    ).toMatch(/Una Unlisted is not on the Rule 88\.05/);
    // One on the list is proposed: the parties may choose their mediator together (Rule 88.04).
    const proposed = await party.post('/api/v1/cases', {
      ...referral(listed.profileId),
      respondent: { name: 'Lee Parent', email: 'lee.parent2@example.test' },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const kept = json<{ details: { preferredMediator?: { how: string } } }>(
      await party.get(`/api/v1/cases/${json<{ id: string }>(proposed).id}`),
    );
    expect(kept.details.preferredMediator?.how).toBe('proposed');
    const unknown = await party.post('/api/v1/cases', request(community.id, 'no-such-profile'));
    expect(unknown.statusCode).toBe(400);
  });
});
