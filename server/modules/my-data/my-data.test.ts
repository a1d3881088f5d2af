import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, must, signedIn, TestClient } from '../../../test/client.ts';
import { exportOf } from '../../../test/data-export.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';
import { inTransaction } from '../../db/database.ts';
import { type BuiltUser, buildUser } from '../../db/seed/builders.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';
import { notify } from '../notifications/notifications.service.ts';

// The parent's own words, which their export must hold.
const MINE = 'My daughter needs her speech therapy back';
const MY_OPTION = 'We would accept a tutor on Saturdays';
// Other people's confidential words, which it must never hold.
const DISTRICT_PREP = 'CANARY-district budget is frozen until July';
const DISTRICT_OPTION = 'CANARY-district could fund an aide quietly';
const CAUCUS = 'CANARY-caucus the parent seems ready to settle';
const PREP_NOTE = 'CANARY-mediator note on the parent preparation';
const MY_MOVE = 'Could we meet after school hours instead?';
const DISTRICT_MOVE = 'CANARY-district wants the session moved for its own reasons';
const CANARIES = [DISTRICT_PREP, DISTRICT_OPTION, CAUCUS, PREP_NOTE, DISTRICT_MOVE];

let t: TestApp;
let w: Awaited<ReturnType<typeof readySpecialEducationCase>>;
const url = (rest: string) => `/api/v1/cases/${w.caseId}${rest}`;
const preparationsOf = (participantId: string) =>
  t.db.selectFrom('case_preparations').select('id').where('participant_id', '=', participantId).execute();

beforeAll(async () => {
  t = await createTestApp();
  w = await readySpecialEducationCase(t);
  await must(
    w.parent.put(url('/preparation'), { perspective: MINE, goals: 'Therapy', concerns: '', solutions: '' }),
  );
  await must(
    w.district.put(url('/preparation'), {
      perspective: DISTRICT_PREP,
      goals: 'A plan',
      concerns: '',
      solutions: '',
    }),
  );
  await must(w.mediator.put(url(`/preparation/${w.parentId}/note`), { note: PREP_NOTE }));
  const session = json<{ id: string }>(
    await must(w.mediator.post(url('/sessions'), jointSession('2026-03-04'))),
  );
  await must(w.mediator.post(url('/notes'), { kind: 'caucus', sessionId: session.id, body: CAUCUS }));
  // The parent marks a time in a poll and asks to move the session; so does the district.
  const poll = json<{ id: string; slots: { id: string }[] }>(
    await must(
      w.mediator.post(url('/polls'), {
        kind: 'joint',
        minutes: 60,
        place: { kind: 'video', url: 'https://video.example/my-data' },
        times: [
          { date: '2026-03-09', time: '09:00' },
          { date: '2026-03-10', time: '09:00' },
        ],
      }),
    ),
  );
  await must(w.parent.put(url(`/polls/${poll.id}/answer`), { times: [poll.slots[1]!.id] }));
  await must(w.parent.post(url(`/sessions/${session.id}/move-requests`), { reason: MY_MOVE }));
  await must(w.district.post(url(`/sessions/${session.id}/move-requests`), { reason: DISTRICT_MOVE }));
  const issue = json<{ id: string }>(
    await must(w.mediator.post(url('/issues'), { templateId: 'provision_of_services' })),
  );
  await must(w.parent.post(url(`/issues/${issue.id}/options`), { text: MY_OPTION, visibility: 'private' }));
  await must(
    w.district.post(url(`/issues/${issue.id}/options`), { text: DISTRICT_OPTION, visibility: 'private' }),
  );
}, 60_000);
afterAll(async () => t.close());

describe("a person's export", () => {
  it('holds their account, their case, their own words and signatures, and nothing of others’ confidential words', async () => {
    const { data, text } = await exportOf(w.parent);
    expect(data.account).toMatchObject({ email: w.parentUser.email, name: 'Rosa Lopez' });
    expect(JSON.stringify(data.cases)).toContain(w.caseId);
    expect(text).toContain(MINE);
    expect(text).toContain(MY_OPTION);
    expect((data.yourSignatures as unknown[]).length).toBeGreaterThan(0);
    expect(data.yourAnswersToFindingATime).toMatchObject([
      {
        caseId: w.caseId,
        timesProposed: ['2026-03-09T14:00:00.000Z', '2026-03-10T14:00:00.000Z'],
        timesYouCanAttend: ['2026-03-10T14:00:00.000Z'],
      },
    ]);
    expect(data.yourRequestsToMoveASession).toMatchObject([
      { caseId: w.caseId, reason: MY_MOVE, status: 'open' },
    ]);
    expect((data.emailsToYou as unknown[]).length).toBeGreaterThan(0);
    expect((data.whatYouDidAsTheAuditTrailRecordsIt as unknown[]).length).toBeGreaterThan(0);
    for (const canary of CANARIES) expect(text).not.toContain(canary);
    expect(text).not.toMatch(/password_hash|totp_secret|argon2/);
  });

  it("the mediator's export holds no party's words either (their notes are about others)", async () => {
    const { data, text } = await exportOf(w.mediator);
    for (const s of [...CANARIES, MINE, MY_OPTION, MY_MOVE]) expect(text).not.toContain(s);
    expect((data.yourDirectoryProfile as { profile: object } | null)?.profile).toMatchObject({
      display_name: 'Quinn Neutral',
    });
  });

  it("names each kind of notification in the person's own language", async () => {
    const spanish = await buildUser(t.deps);
    await t.db.updateTable('users').set({ language: 'es-US' }).where('id', '=', spanish.id).execute();
    const english = await buildUser(t.deps);
    for (const person of [spanish, english])
      await inTransaction(t.db, (tx) =>
        notify(tx, t.deps, { userId: person.id, kind: 'message', link: '/cases/c1/messages' }),
      );
    const kinds = async (person: BuiltUser) =>
      ((await exportOf(await signedIn(t.app, person))).data.yourNotifications as { kind: string }[]).map(
        (n) => n.kind,
      );
    expect(await kinds(spanish)).toEqual(['Mensaje nuevo']);
    expect(await kinds(english)).toEqual(['New message']);
  });

  it("writes what it says about itself and the kind of each poll's session in the person's own language", async () => {
    const setLanguage = (language: 'en-US' | 'es-US') =>
      t.db.updateTable('users').set({ language }).where('id', '=', w.parentUser.id).execute();
    await setLanguage('es-US');
    const spanish = (await exportOf(w.parent)).data;
    await setLanguage('en-US');
    const english = (await exportOf(w.parent)).data;
    expect(spanish.about).toBe(
      'Todo lo que Parley guarda sobre usted, a la hora indicada arriba. Las fechas y horas están en UTC.',
    );
    expect(spanish.yourAnswersToFindingATime).toMatchObject([{ session: 'Sesión conjunta' }]);
    expect(english.about).toBe(
      'Everything Parley holds about you, as of the time above. Dates and times are UTC.',
    );
    expect(english.yourAnswersToFindingATime).toMatchObject([{ session: 'Joint session' }]);
  });

  it('is refused to a visitor, and audited for the person', async () => {
    expect((await new TestClient(t.app, '10.3.3.3').get('/api/v1/account/data/export')).statusCode).toBe(401);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('actor_id')
      .where('kind', '=', 'my_data.exported')
      .execute();
    expect(audit.map((a) => a.actor_id)).toContain(w.parentUser.id);
  });
});

describe('deleting an account', () => {
  it('is blocked while a case of theirs is open, and says so', async () => {
    const preview = json<{ blockers: string[]; can: { delete: boolean } }>(
      await w.parent.get('/api/v1/account/data/deletion'),
    );
    expect(preview.can.delete).toBe(false);
    expect(preview.blockers.join(' ')).toMatch(/still open/);
    const refused = await w.parent.post('/api/v1/account/data/deletion', {
      password: 'correct horse battery',
      confirm: true,
    });
    expect(refused.statusCode).toBe(409);
  });

  it('once the case is closed: previews what goes and what stays, then needs the password and the tick', async () => {
    t.clock.set('2026-03-04T19:00:00Z');
    w.mediator = await signedIn(t.app, w.mediatorUser);
    w.parent = await signedIn(t.app, w.parentUser);
    expect((await w.mediator.post(url('/outcome'), { outcome: 'no_agreement' })).statusCode).toBe(200);
    const preview = json<{
      deleted: { what: string }[];
      kept: { what: string; why: string }[];
      blockers: string[];
      can: { delete: boolean };
    }>(await w.parent.get('/api/v1/account/data/deletion'));
    expect(preview.can.delete).toBe(true);
    expect(preview.deleted.map((d) => d.what).join(' ')).toMatch(/preparation/);
    const caseKept = preview.kept.find((k) => k.what.includes('records of case'))!;
    expect(caseKept.why).toMatch(/until March 4, 2031 under its retention schedule/);
    expect(preview.kept.map((k) => k.what)).toContain('Documents you signed');
    // In the page's language: the same plan in Spanish, its date in Spanish.
    const spanish = json<typeof preview>(
      await w.parent.get('/api/v1/account/data/deletion', { headers: { 'accept-language': 'es-US' } }),
    );
    expect(spanish.deleted.map((d) => d.what)).toContain('Sus respuestas de preparación');
    expect(spanish.kept.find((k) => k.what.includes('registros del caso'))!.why).toMatch(
      /hasta el 4 de marzo de 2031 según su plan de conservación/,
    );
    expect(spanish.kept.map((k) => k.what)).toContain('Los documentos que usted firmó');
    const noTick = await w.parent.post('/api/v1/account/data/deletion', {
      password: 'correct horse battery',
    });
    expect(noTick.statusCode).toBe(400);
    expect(noTick.body).toMatch(/confirm/);
    const wrong = await w.parent.post('/api/v1/account/data/deletion', { password: 'not it', confirm: true });
    expect(wrong.statusCode).toBe(400);
    expect(json<{ error: { fields: Record<string, string> } }>(wrong).error.fields).toHaveProperty(
      'password',
    );
  });

  it('deletes what is not kept, de-identifies what is, and signs the person out for good', async () => {
    const done = await w.parent.post('/api/v1/account/data/deletion', {
      password: 'correct horse battery',
      confirm: true,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await w.parent.get('/api/v1/account')).statusCode).toBe(401);
    const again = new TestClient(t.app, '10.4.4.4');
    expect(
      (
        await again.post('/api/v1/auth/sign-in', {
          email: w.parentUser.email,
          password: 'correct horse battery',
        })
      ).statusCode,
    ).toBe(401);
    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', w.parentUser.id)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ name: 'Deleted person', password_hash: null });
    expect(user.email).not.toContain('example');
    expect(
      await t.db.selectFrom('role_grants').select('id').where('user_id', '=', w.parentUser.id).execute(),
    ).toEqual([]);
    expect(
      await t.db
        .selectFrom('outbox_emails')
        .select('id')
        .where('to_address', '=', w.parentUser.email.toLowerCase())
        .execute(),
    ).toEqual([]);
    expect(await preparationsOf(w.parentId)).toEqual([]);
    // The case record stays, without the parent's contact details; the signature stays as signed.
    const place = await t.db
      .selectFrom('case_participants')
      .selectAll()
      .where('id', '=', w.parentId)
      .executeTakeFirstOrThrow();
    expect(place).toMatchObject({ name: 'Rosa Lopez', email: null, phone: null, address: null });
    const signatures = await t.db
      .selectFrom('signatures')
      .selectAll()
      .where('signer_user_id', '=', w.parentUser.id)
      .execute();
    expect(signatures.length).toBeGreaterThan(0);
    expect(signatures[0]!.signer_name).toBe('Rosa Lopez');
    // The other side's words are untouched; the audit trail is whole and still verifies.
    expect(await preparationsOf(w.districtId)).toHaveLength(1);
    const kinds = (
      await t.db.selectFrom('audit_events').select('kind').where('actor_id', '=', w.parentUser.id).execute()
    ).map((e) => e.kind);
    expect(kinds).toContain('my_data.account_deleted');
    expect(kinds.length).toBeGreaterThan(3);
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: true });
  });

  it('a mediator whose cases are closed can delete theirs: the Find a Mediator listing goes too', async () => {
    const profiles = () =>
      t.db.selectFrom('directory_profiles').select('id').where('user_id', '=', w.mediatorUser.id).execute();
    expect(await profiles()).toHaveLength(1);
    const done = await w.mediator.post('/api/v1/account/data/deletion', {
      password: w.mediatorUser.password,
      confirm: true,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(await profiles()).toEqual([]);
  });
});
