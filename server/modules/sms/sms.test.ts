import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, type TestClient } from '../../../test/client.ts';
import { jointSession, readySpecialEducationCase } from '../../../test/mediation.ts';
import { inTransaction } from '../../db/database.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { DAY, MINUTE } from '../../infra/clock.ts';
import { type Texter, TextSendError, twilioSignature } from '../../infra/texter.ts';
import { JOBS } from '../../jobs/jobs.ts';
import { createJobRunner } from '../../jobs/runner.ts';
import { notify } from '../notifications/notifications.service.ts';
import { sendDueReminders } from '../sessions/reminders.ts';
import { inboundUrl, queueText, textPerson } from './sms.service.ts';
import { SMS_TEXTS } from './sms.texts.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const textsTo = (phone: string) =>
  t.db.selectFrom('outbox_texts').selectAll().where('to_phone', '=', phone).orderBy('id').execute();

/** Adds, confirms (with the code read from the text outbox) and opts in a number. */
async function confirmAndOptIn(client: TestClient, typed: string, phone: string) {
  expect((await client.put('/api/v1/account/mobile', { phone: typed })).statusCode).toBe(200);
  const code = /\b(\d{6})\b/.exec((await textsTo(phone)).at(-1)!.body)![1]!;
  expect((await client.post('/api/v1/account/mobile/confirm', { code })).statusCode).toBe(200);
  return json(await client.put('/api/v1/account/mobile/texts', { optedIn: true }));
}

/** The provider's inbound webhook, signed as Twilio signs it. */
function inbound(fields: Record<string, string>, signature?: string) {
  const token = t.deps.config.texts!.authToken;
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/texts/inbound',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature ?? twilioSignature(token, inboundUrl(t.deps), fields),
    },
    payload: new URLSearchParams(fields).toString(),
  });
}

describe('a mobile number', () => {
  it('is confirmed with a code sent by text, then opted in; bad input names the field', async () => {
    const person = await buildUser(t.deps);
    const client = await signedIn(t.app, person);
    expect(json(await client.get('/api/v1/account/mobile'))).toMatchObject({
      available: true,
      phone: null,
      can: { add: true, confirm: false, optIn: false },
    });
    const bad = await client.put('/api/v1/account/mobile', { phone: '555-0142' });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error).toMatchObject({
      fields: { phone: 'Enter a US mobile number, like 573-555-0142' },
      message: expect.stringContaining('mobile number'),
    });
    expect(json((await client.put('/api/v1/account/mobile', {})) as never).error).toMatchObject({
      fields: { phone: 'Enter your mobile number' },
    });

    const added = json(await client.put('/api/v1/account/mobile', { phone: '(573) 555-0101' }));
    expect(added).toMatchObject({
      phone: '(573) 555-0101',
      confirmed: false,
      codeSent: true,
      can: { confirm: true },
    });
    const [codeText] = await textsTo('+15735550101');
    expect(codeText).toMatchObject({ template: 'mobile-code', status: 'held' });
    const code = /\b(\d{6})\b/.exec(codeText!.body)![1]!;

    const early = await client.put('/api/v1/account/mobile/texts', { optedIn: true });
    expect(json(early).error).toMatchObject({ fields: { optedIn: 'Confirm your mobile number first' } });
    const notDigits = await client.post('/api/v1/account/mobile/confirm', { code: 'abc' });
    expect(json(notDigits).error).toMatchObject({ fields: { code: 'Enter the 6-digit code from the text' } });
    const wrong = await client.post('/api/v1/account/mobile/confirm', {
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(json(wrong).error).toMatchObject({
      fields: { code: 'That code is not right: check the text and try again' },
    });

    expect(json(await client.post('/api/v1/account/mobile/confirm', { code }))).toMatchObject({
      confirmed: true,
      optedIn: false,
      can: { optIn: true },
    });
    expect(json(await client.put('/api/v1/account/mobile/texts', { optedIn: true }))).toMatchObject({
      optedIn: true,
      can: { optOut: true },
    });
    expect(json(await client.put('/api/v1/account/mobile/texts', { optedIn: 'yes' })).error).toMatchObject({
      fields: { optedIn: expect.any(String) },
    });
  });

  it('is sent at most 5 times a day, and a Spanish page is told so in Spanish', async () => {
    const client = await signedIn(t.app, await buildUser(t.deps));
    const save = (headers = {}) =>
      client.request('PUT', '/api/v1/account/mobile', { phone: '573-555-0109' }, { headers });
    for (let i = 0; i < 5; i++) expect((await save()).statusCode).toBe(200);
    const spanish = await save({ 'accept-language': 'es-US' });
    expect(spanish.statusCode).toBe(429);
    expect(json<{ error: { message: string } }>(spanish).error.message).toBe(
      'Hoy Parley ya le envió 5 códigos, el máximo que envía a una persona. Vuelva a intentarlo mañana.',
    );
    expect(json<{ error: { message: string } }>(await save()).error.message).toBe(
      'Parley has sent you 5 codes today, the most it sends one person. Please try again tomorrow.',
    );
  });

  it('stops working after 15 minutes', async () => {
    const person = await buildUser(t.deps);
    const client = await signedIn(t.app, person);
    await client.put('/api/v1/account/mobile', { phone: '573-555-0102' });
    const code = /\b(\d{6})\b/.exec((await textsTo('+15735550102'))[0]!.body)![1]!;
    t.clock.advance(16 * MINUTE);
    await client.signIn(person.email, person.password);
    const late = await client.post('/api/v1/account/mobile/confirm', { code });
    expect(json(late).error).toMatchObject({ fields: { code: expect.stringContaining('expired') } });
  });
});

describe("texts in the reader's language", () => {
  it('go in the language on the account of the person texted', async () => {
    const lupe = await buildUser(t.deps, { name: 'Lupe Lector' });
    await t.db.updateTable('users').set({ language: 'es-US' }).where('id', '=', lupe.id).execute();
    const pat = await buildUser(t.deps, { name: 'Pat Parent' });
    await confirmAndOptIn(await signedIn(t.app, lupe), '573-555-0121', '+15735550121');
    await confirmAndOptIn(await signedIn(t.app, pat), '573-555-0122', '+15735550122');
    const [spanishCode] = await textsTo('+15735550121');
    const [englishCode] = await textsTo('+15735550122');
    expect(spanishCode!.body).toMatch(/^Parley: su código para confirmar este número de celular es \d{6}\./);
    expect(englishCode!.body).toMatch(/^Parley: your code to confirm this mobile number is \d{6}\./);

    for (const person of [lupe, pat]) {
      await inTransaction(t.db, async (tx) => {
        await notify(tx, t.deps, { userId: person.id, kind: 'signature', link: '/cases/c9/agreement' });
        await textPerson(tx, t.deps, person.id, {
          template: 'session-reminder',
          body: SMS_TEXTS.sessionReminder('2026-12-03T16:00:00.000Z', 'SE-2026-0042', 'https://p.test/s'),
        });
      });
    }
    const said = async (phone: string, template: string) =>
      (await textsTo(phone)).find((x) => x.template === template)!.body;
    expect(await said('+15735550121', 'notification-signature')).toMatch(
      /^Parley: Se necesita su firma\. Inicie sesión para verlo: .*\/cases\/c9\/agreement Responda STOP/,
    );
    expect(await said('+15735550122', 'notification-signature')).toMatch(
      /^Parley: Signature needed\. Sign in to see it: .*\/cases\/c9\/agreement Reply STOP/,
    );
    expect(await said('+15735550121', 'session-reminder')).toMatch(
      /^Recordatorio de Parley: su sesión de mediación del caso SE-2026-0042 es el jueves, 3 de diciembre de 2026, 10:00 .*Responda STOP/,
    );
    expect(await said('+15735550122', 'session-reminder')).toMatch(
      /^Parley reminder: your mediation session for case SE-2026-0042 is .*Dec.* 3, 2026.*10:00.*Reply STOP/,
    );
  });
});

describe('texts', () => {
  it('remind an opted-in parent of a session and say a signature is needed, with no confidential words', async () => {
    const world = await readySpecialEducationCase(t);
    await confirmAndOptIn(world.parent, '573-555-0103', '+15735550103');
    const at = new Date(t.clock.now().getTime() + 3 * DAY);
    const date = at.toISOString().slice(0, 10);
    expect(
      (await world.mediator.post(`/api/v1/cases/${world.caseId}/sessions`, jointSession(date))).statusCode,
    ).toBe(201);
    // The booked session is a notification under the parent's bell.
    const bell = json<{ items: { kind: string; title: string; link: string }[] }>(
      await world.parent.get('/api/v1/notifications'),
    );
    expect(bell.items[0]).toMatchObject({ kind: 'session', link: `/cases/${world.caseId}/sessions` });
    expect(bell.items[0]!.title).toMatch(/^Session booked: /);

    t.clock.advance(2 * DAY + 12 * 60 * MINUTE);
    await world.parent.signIn(world.parentUser.email, world.parentUser.password);
    await sendDueReminders(t.deps);
    const reminder = (await textsTo('+15735550103')).find((x) => x.template === 'session-reminder');
    expect(reminder).toBeDefined();
    expect(reminder!.body).toContain('Reply STOP');
    expect(reminder!.body).toContain(`/cases/${world.caseId}/sessions`);
    // The place (an address) and nobody's contact details ride in a text.
    expect(reminder!.body).not.toContain('Jefferson');
    expect(reminder!.body).not.toMatch(/@/);

    await inTransaction(t.db, (tx) =>
      notify(tx, t.deps, {
        userId: world.parentUser.id,
        kind: 'signature',
        caseId: world.caseId,
        link: `/cases/${world.caseId}/agreement`,
        title: 'Signature needed: the written agreement',
      }),
    );
    const signature = (await textsTo('+15735550103')).find((x) => x.template === 'notification-signature');
    expect(signature!.body).toContain('Signature needed: the written agreement');
    // Kinds that do not go by text do not.
    await inTransaction(t.db, (tx) =>
      notify(tx, t.deps, { userId: world.parentUser.id, kind: 'message', link: '/cases' }),
    );
    expect((await textsTo('+15735550103')).some((x) => x.template === 'notification-message')).toBe(false);
  });

  it('stop at STOP from the phone, checked by the signature; a text queued before it does not go', async () => {
    const person = await buildUser(t.deps);
    const client = await signedIn(t.app, person);
    await confirmAndOptIn(client, '573-555-0104', '+15735550104');
    const sent: string[] = [];
    const texter: Texter = {
      kind: 'twilio',
      async send(m) {
        sent.push(m.body);
        return { providerId: 'SM1' };
      },
    };
    const deps = { ...t.deps, texter };
    expect(
      await inTransaction(t.db, (tx) => textPerson(tx, deps, person.id, { template: 'x', body: 'queued' })),
    ).toBe(true);

    const forged = await inbound({ From: '+15735550104', Body: 'STOP' }, 'bm90IHR3aWxpbw==');
    expect(forged.statusCode).toBe(403);
    expect(json(forged).error).toMatchObject({ fields: { 'x-twilio-signature': 'does not match' } });
    expect(json(await client.get('/api/v1/account/mobile'))).toMatchObject({ optedIn: true });

    const ignored = await inbound({ From: '+15735550104', Body: 'see you tomorrow', MessageSid: 'SM2' });
    expect(ignored.statusCode).toBe(204);
    expect(json(await client.get('/api/v1/account/mobile'))).toMatchObject({ optedIn: true });

    expect((await inbound({ From: '+15735550104', Body: 'Stop', MessageSid: 'SM3' })).statusCode).toBe(204);
    expect(json(await client.get('/api/v1/account/mobile'))).toMatchObject({
      optedIn: false,
      stopped: true,
      can: { optIn: true },
    });
    await createJobRunner(deps, JOBS, 'texts-worker').runDueJobs();
    expect(sent).toEqual([]);
    expect((await textsTo('+15735550104')).find((x) => x.body === 'queued')?.status).toBe('stopped');
    expect(
      await inTransaction(t.db, (tx) => textPerson(tx, deps, person.id, { template: 'x', body: 'after' })),
    ).toBe(false);
    // Opting in again on the account page is the way back.
    expect(json(await client.put('/api/v1/account/mobile/texts', { optedIn: true }))).toMatchObject({
      optedIn: true,
      stopped: false,
    });
  });

  it('are retried with back-off, and a number the provider refuses is not tried again', async () => {
    let failures = 2;
    const sent: string[] = [];
    const flaky: Texter = {
      kind: 'twilio',
      async send(m) {
        if (m.body === 'refused') throw new TextSendError('Twilio answered 400 (error 21211)', true);
        if (failures > 0) {
          failures -= 1;
          throw new TextSendError('Twilio answered 429 (error 20429): Too Many Requests', false);
        }
        sent.push(m.body);
        return { providerId: 'SM9' };
      },
    };
    const deps = { ...t.deps, texter: flaky };
    await inTransaction(t.db, async (tx) => {
      await queueText(tx, deps, { to: '+15735550105', template: 'x', body: 'try me' });
      await queueText(tx, deps, { to: '+15735550106', template: 'x', body: 'refused' });
    });
    const runner = createJobRunner(deps, JOBS, 'texts-retry');
    await runner.runDueJobs();
    await runner.runDueJobs();
    expect(sent).toEqual([]);
    t.clock.advance(MINUTE);
    await runner.runDueJobs();
    t.clock.advance(5 * MINUTE);
    await runner.runDueJobs();
    expect(sent).toEqual(['try me']);
    expect((await textsTo('+15735550105'))[0]).toMatchObject({
      status: 'sent',
      attempts: 3,
      provider_id: 'SM9',
    });
    expect((await textsTo('+15735550106'))[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('shows the development text outbox outside production', async () => {
    const list = json<{ to: string; template: string }[]>(
      await t.app.inject({ url: '/api/v1/dev/texts?limit=5' }),
    );
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]).toHaveProperty('to');
  });
});
