import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversations, Message } from '../../../contracts/conversations.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { everyCaseResponse } from '../../../test/case-responses.ts';
import { PARENT_ADDRESS, PARENT_PHONE } from '../../../test/cases.ts';
import { json, signedIn, signedInAs, type TestClient } from '../../../test/client.ts';
import { exportOf } from '../../../test/data-export.ts';
import { readySpecialEducationCase } from '../../../test/mediation.ts';
import { storedText } from '../../../test/stored-text.ts';
import { buildUser } from '../../db/seed/builders.ts';

// Words written to the mediator alone: they must never reach the other side, by any road.
const CANARY = 'Canary: please move Tuesday, Maya has her evaluation at 9 with Dr. Okafor';
const ANSWER = 'Canary answer: Thursday at 10 works, I will tell the district only the new time';

let t: TestApp;
let w: Awaited<ReturnType<typeof readySpecialEducationCase>>;
let admin: TestClient;
const url = (rest: string, caseId = w.caseId) => `/api/v1/cases/${caseId}${rest}`;
const threads = async (client: TestClient, caseId = w.caseId) => {
  const r = await client.get(url('/threads', caseId));
  expect(r.statusCode, r.body).toBe(200);
  return json<Conversations>(r);
};

beforeAll(async () => {
  t = await createTestApp();
  w = await readySpecialEducationCase(t);
  admin = await signedInAs(t, { grants: [{ role: 'admin' }] });
  const asked = await w.parent.post(url('/threads/requester/messages'), { body: CANARY });
  expect(asked.statusCode, asked.body).toBe(201);
  const answered = await w.mediator.post(url('/threads/requester/messages'), { body: ANSWER });
  expect(answered.statusCode, answered.body).toBe(201);
  expect(
    (await w.mediator.post(url('/threads/respondent/messages'), { body: 'Is Thursday at 10 fine?' }))
      .statusCode,
  ).toBe(201);
});
afterAll(async () => t.close());

/** Every GET route of the API about this case (and the caller's own lists), as this client. */
const everyResponse = (client: TestClient) =>
  everyCaseResponse(t, client, { caseId: w.caseId, programId: w.programId, participantId: w.parentId }, [
    '/api/v1/cases',
    '/api/v1/home',
    '/api/v1/notifications',
  ]);

describe('a message between a side and the mediator', () => {
  it('the parent and the mediator read it in their conversation, in order, with who wrote it', async () => {
    const mine = await threads(w.parent);
    expect(mine.threads.map((th) => th.id)).toEqual(['requester']);
    const [thread] = mine.threads;
    expect(thread!.label).toBe('You and the mediator');
    expect(thread!.can.write).toBe(true);
    expect(thread!.messages.map((m) => [m.body, m.mine])).toEqual([
      [CANARY, true],
      [ANSWER, false],
    ]);
    expect(thread!.messages[1]!.author).toBe('Quinn Neutral');
    const theirs = await threads(w.mediator);
    expect(theirs.threads.map((th) => th.id)).toEqual(['requester', 'respondent', 'program']);
    expect(theirs.threads[0]!.label).toBe('With Rosa Lopez');
    expect(theirs.can.openEveryone).toBe(true);
  });

  it('the other side reads only its own conversation; the program reads only its own', async () => {
    const district = await threads(w.district);
    expect(district.threads.map((th) => th.id)).toEqual(['respondent']);
    expect(district.threads[0]!.messages.map((m) => m.body)).toEqual(['Is Thursday at 10 fine?']);
    expect(district.can.openEveryone).toBe(false);
    const program = await threads(w.coordinator);
    expect(program.threads.map((th) => th.id)).toEqual(['program']);
    // Writing into the other side's conversation is refused.
    const r = await w.district.post(url('/threads/requester/messages'), { body: 'Let me in' });
    expect(r.statusCode).toBe(403);
    expect((await w.coordinator.post(url('/threads/requester/messages'), { body: 'x' })).statusCode).toBe(
      403,
    );
  });

  it('never reaches the other party, the program or an administrator in any answer', async () => {
    const mediator = await everyResponse(w.mediator);
    expect(mediator).toContain(CANARY);
    expect(await everyResponse(w.parent)).toContain(ANSWER);
    for (const client of [w.district, w.coordinator, admin]) {
      const all = await everyResponse(client);
      expect(all).not.toContain(CANARY);
      expect(all).not.toContain(ANSWER);
    }
  });

  it('each other reader is notified, with the link to the messages and nothing of the words', async () => {
    const list = json<{ items: { kind: string; title: string; link: string }[] }>(
      await w.parent.get('/api/v1/notifications'),
    );
    expect(list.items.filter((n) => n.kind === 'message')).toEqual([
      expect.objectContaining({ title: 'New message', link: `/cases/${w.caseId}/messages` }),
    ]);
    const district = json<{ items: { kind: string }[] }>(await w.district.get('/api/v1/notifications'));
    expect(district.items.filter((n) => n.kind === 'message')).toHaveLength(1);
  });

  it('e-mails only say there is a new message, with the link; no e-mail, audit event or log line carries the words', async () => {
    const mails = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('template', '=', 'notification-message')
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(
      [w.mediatorUser.email, w.parentUser.email, w.districtEmail].sort(),
    );
    for (const m of mails) {
      expect(m.subject).toMatch(/New message/);
      expect(m.text_body).toContain(`/cases/${w.caseId}/messages`);
    }
    const all = await t.db.selectFrom('outbox_emails').selectAll().execute();
    for (const m of all)
      for (const s of [CANARY, ANSWER])
        expect([m.subject, m.text_body, m.html_body ?? '', m.attachments].join('\n')).not.toContain(s);
    const audit = await t.db.selectFrom('audit_events').select(['kind', 'data']).execute();
    expect(audit.filter((e) => e.kind === 'case_message.sent')).toHaveLength(3);
    for (const e of audit) for (const s of [CANARY, ANSWER]) expect(e.data).not.toContain(s);
    const logs = t.logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const s of [CANARY, ANSWER]) expect(logs).not.toContain(s);
  });

  it('the writer’s own export holds their messages; the other party’s export holds none of them', async () => {
    const { text: parent } = await exportOf(w.parent);
    expect(parent).toContain(CANARY);
    expect(parent).not.toContain(ANSWER);
    expect((await exportOf(w.mediator)).text).toContain(ANSWER);
    const { text: district } = await exportOf(w.district);
    for (const s of [CANARY, ANSWER]) expect(district).not.toContain(s);
  });

  it('the database holds the words only as ciphertext', async () => {
    const stored = await storedText(t);
    expect(stored.length).toBeGreaterThan(10_000);
    expect(stored).toContain('case_message.sent');
    for (const s of [CANARY, ANSWER]) expect(stored).not.toContain(s);
  });
});

describe('the conversation with everyone', () => {
  it('exists only once the mediator opens it; then everyone at the table reads it', async () => {
    const before = await w.parent.post(url('/threads/everyone/messages'), { body: 'Hello all' });
    expect(before.statusCode).toBe(400);
    expect((await w.parent.post(url('/threads/everyone/open'))).statusCode).toBe(403);
    const opened = await w.mediator.post(url('/threads/everyone/open'));
    expect(opened.statusCode, opened.body).toBe(200);
    expect(json<Conversations>(opened).threads.map((th) => th.id)).toContain('everyone');
    expect((await w.mediator.post(url('/threads/everyone/open'))).statusCode).toBe(409);
    const hello = await w.parent.post(url('/threads/everyone/messages'), { body: 'Hello all' });
    expect(hello.statusCode, hello.body).toBe(201);
    const district = await threads(w.district);
    expect(district.threads.map((th) => th.id)).toEqual(['respondent', 'everyone']);
    expect(district.threads[1]!.messages.map((m) => m.body)).toEqual(['Hello all']);
    expect((await threads(w.coordinator)).threads.map((th) => th.id)).toEqual(['program']);
  });

  it('only "everyone" is opened', async () => {
    const r = await w.mediator.post(url('/threads/program/open'));
    expect(r.statusCode).toBe(400);
    expect(json<{ error: { fields: Record<string, string> } }>(r).error.fields).toHaveProperty('thread');
  });
});

describe('bad input', () => {
  it('is refused with 400 naming the field in words', async () => {
    const cases: [string, unknown, string][] = [
      ['/threads/requester/messages', { body: '   ' }, 'body'],
      ['/threads/requester/messages', {}, 'body'],
      ['/threads/requester/messages', { body: 'x'.repeat(10_001) }, 'body'],
      ['/threads/requester/messages', { body: 'See this', documentIds: ['nope'] }, 'documentIds'],
      ['/threads/requester/messages', { body: 'See this', documentIds: 'nope' }, 'documentIds'],
      ['/threads/neighbors/messages', { body: 'Hi' }, 'thread'],
    ];
    for (const [path, body, field] of cases) {
      const r = await w.parent.post(url(path), body);
      expect(r.statusCode, `${path} ${JSON.stringify(body).slice(0, 60)}`).toBe(400);
      const error = json<{ error: { message: string; fields: Record<string, string> } }>(r).error;
      expect(Object.keys(error.fields)).toContain(field);
      expect(error.message).not.toMatch(/Invalid|expected|received/);
    }
  });
});

describe('a case with a screening safeguard', () => {
  let s: Awaited<ReturnType<typeof readySpecialEducationCase>>;
  beforeAll(async () => {
    s = await readySpecialEducationCase(t, { separateSessions: true });
    const contact = await s.parent.put(url('/my-contact', s.caseId), {
      phone: PARENT_PHONE,
      address: PARENT_ADDRESS,
    });
    expect(contact.statusCode, contact.body).toBe(200);
  });

  it('offers no conversation with everyone: the mediator cannot open it, nobody can write in it', async () => {
    const mediator = await threads(s.mediator, s.caseId);
    expect(mediator.threads.map((th) => th.id)).toEqual(['requester', 'respondent', 'program']);
    expect(mediator.can.openEveryone).toBe(false);
    expect(mediator.everyoneRefused).toMatch(/safeguard/);
    const open = await s.mediator.post(url('/threads/everyone/open', s.caseId));
    expect(open.statusCode).toBe(422);
    for (const client of [s.parent, s.district, s.mediator])
      expect(
        (await client.post(url('/threads/everyone/messages', s.caseId), { body: 'Hi all' })).statusCode,
      ).toBe(422);
    // Each party still writes to the mediator, and only to the mediator.
    expect((await threads(s.parent, s.caseId)).threads.map((th) => th.id)).toEqual(['requester']);
    expect((await threads(s.district, s.caseId)).threads.map((th) => th.id)).toEqual(['respondent']);
    expect(
      (await s.parent.post(url('/threads/requester/messages', s.caseId), { body: 'Only to you' })).statusCode,
    ).toBe(201);
  });

  it('no message to the other side carries the protected parent’s contact details', async () => {
    const leak = await s.mediator.post(url('/threads/respondent/messages', s.caseId), {
      body: `She can be reached at (${PARENT_PHONE.slice(0, 3)}) ${PARENT_PHONE.slice(4)}`,
    });
    expect(leak.statusCode).toBe(400);
    const error = json<{ error: { message: string; fields: Record<string, string> } }>(leak).error;
    expect(error.fields).toHaveProperty('body');
    expect(error.message).not.toContain('555');
    const email = await s.mediator.post(url('/threads/respondent/messages', s.caseId), {
      body: `Write to ${s.parentUser.email.toUpperCase()}`,
    });
    expect(email.statusCode).toBe(400);
    const street = await s.mediator.post(url('/threads/respondent/messages', s.caseId), {
      body: 'Her home: 1417 hidden hollow lane.',
    });
    expect(street.statusCode).toBe(400);
    // To the parent's own side the mediator may repeat them.
    const own = await s.mediator.post(url('/threads/requester/messages', s.caseId), {
      body: `Is ${PARENT_PHONE} still your number?`,
    });
    expect(own.statusCode, own.body).toBe(201);
    const mails = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('case_id', '=', s.caseId)
      .execute();
    for (const m of mails.filter((m) => m.to_address !== s.parentUser.email))
      expect(`${m.subject}\n${m.text_body}`).not.toContain(PARENT_PHONE);
  });
});

describe('a message is answered to its writer as sent', () => {
  it('with its author, time and no attachments', async () => {
    const r = await w.district.post(url('/threads/respondent/messages'), { body: 'Thursday is fine' });
    expect(r.statusCode).toBe(201);
    expect(json<Message>(r)).toMatchObject({
      body: 'Thursday is fine',
      mine: true,
      attachments: [],
      hiddenAttachments: 0,
    });
  });
});

describe('the mediators’ own conversations', () => {
  it('a co-mediator reads the sides’ and the mediators’ conversations; the program writes to the mediators', async () => {
    const co = await buildUser(t.deps, {
      name: 'Casey Comediator',
      grants: [{ role: 'mediator', programId: w.programId }],
    });
    expect((await w.mediator.post(url('/co-mediators'), { userId: co.id })).statusCode).toBe(201);
    const coClient = await signedIn(t.app, co);
    const theirs = await threads(coClient);
    expect(theirs.threads.map((th) => th.id)).toEqual([
      'requester',
      'respondent',
      'mediators',
      'program',
      'everyone',
    ]);
    expect(theirs.threads[0]!.messages.map((m) => m.body)).toContain(CANARY);
    const between = await coClient.post(url('/threads/mediators/messages'), {
      body: 'I will take the district caucus',
    });
    expect(between.statusCode, between.body).toBe(201);
    expect(
      (await threads(w.mediator)).threads.find((th) => th.id === 'mediators')!.messages.map((m) => m.body),
    ).toEqual(['I will take the district caucus']);
    for (const client of [w.parent, w.district, w.coordinator])
      expect((await client.post(url('/threads/mediators/messages'), { body: 'x' })).statusCode).toBe(403);
    const asked = await w.coordinator.post(url('/threads/program/messages'), {
      body: 'Please record the session hours',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const told = json<{ items: { kind: string; link: string }[] }>(
      await coClient.get('/api/v1/notifications'),
    );
    expect(told.items.filter((n) => n.kind === 'message')).toHaveLength(1);
    const parentView = await threads(w.parent);
    expect(parentView.threads.map((th) => th.id)).toEqual(['requester', 'everyone']);
    expect(JSON.stringify(parentView)).not.toContain('district caucus');
  });
});

describe("the conversations' names", () => {
  const named = async (client: TestClient, language: string) => {
    const r = await client.get(url('/threads'), { headers: { 'accept-language': language } });
    expect(r.statusCode, r.body).toBe(200);
    return json<Conversations>(r).threads.map((th) => [th.id, th.label, th.readers]);
  };

  it("are in the page's language, for a party and for the mediator", async () => {
    // By now the mediator has opened the conversation with everyone, too.
    expect(await named(w.parent, 'en-US')).toEqual([
      ['requester', 'You and the mediator', 'Your side and the mediator. The other side never reads it.'],
      ['everyone', 'Everyone in the case', 'Everyone at the table and the mediator.'],
    ]);
    expect(await named(w.parent, 'es-US')).toEqual([
      ['requester', 'Usted y el mediador', 'Su parte y el mediador. La otra parte nunca la lee.'],
      ['everyone', 'Todos en el caso', 'Todas las personas en la mesa y el mediador.'],
    ]);
    const mediator = await named(w.mediator, 'es-MX,es;q=0.9');
    expect(mediator).toContainEqual([
      'requester',
      'Con Rosa Lopez',
      'Rosa Lopez, las personas que les acompañan y los mediadores. La otra parte nunca la lee.',
    ]);
    expect(mediator).toContainEqual([
      'program',
      'Con el programa',
      'Los mediadores y los coordinadores del programa.',
    ]);
    expect(await named(w.mediator, 'en-US')).toContainEqual([
      'program',
      'With the program',
      'The mediators and the program’s coordinators.',
    ]);
  });
});
