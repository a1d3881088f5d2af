import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { inTransaction } from '../../db/database.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { notify, sendDigests } from './notifications.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const emailsTo = (address: string) =>
  t.db
    .selectFrom('outbox_emails')
    .select(['template', 'subject', 'text_body'])
    .where('to_address', '=', address.toLowerCase())
    .execute();

describe('notifications', () => {
  it('shows a notification under the bell and e-mails only what happened and the link', async () => {
    const person = await buildUser(t.deps, { name: 'Pat Parent' });
    const client = await signedIn(t.app, person);
    expect(json(await client.get('/api/v1/notifications/unread'))).toEqual({ unread: 0 });

    await inTransaction(t.db, (tx) =>
      notify(tx, t.deps, { userId: person.id, kind: 'message', link: '/cases/abc/messages' }),
    );
    const list = json<{
      items: { id: string; title: string; link: string; read: boolean }[];
      unread: number;
    }>(await client.get('/api/v1/notifications'));
    expect(list.unread).toBe(1);
    expect(list.items).toMatchObject([{ title: 'New message', link: '/cases/abc/messages', read: false }]);
    const email = await lastEmailTo(t.db, person.email, 'notification-message');
    expect(email.subject).toBe('Parley: New message');
    expect(email.text_body).toContain('/cases/abc/messages');

    const read = await client.post(`/api/v1/notifications/${list.items[0]!.id}/read`);
    expect(json(read)).toMatchObject({ read: true });
    expect(json(await client.get('/api/v1/notifications/unread'))).toEqual({ unread: 0 });
  });

  it('honors each kind’s choice: e-mail now, the daily digest, or none', async () => {
    const person = await buildUser(t.deps, { name: 'Dana Digest' });
    const client = await signedIn(t.app, person);
    expect(
      (await client.put('/api/v1/notifications/preferences/document', { channel: 'digest' })).statusCode,
    ).toBe(200);
    const prefs = json<{ preferences: { kind: string; channel: string }[] }>(
      await client.put('/api/v1/notifications/preferences/promise', { channel: 'none' }),
    );
    expect(prefs.preferences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'document', channel: 'digest' }),
        expect.objectContaining({ kind: 'promise', channel: 'none' }),
        expect.objectContaining({ kind: 'message', channel: 'email' }),
      ]),
    );

    await inTransaction(t.db, async (tx) => {
      await notify(tx, t.deps, { userId: person.id, kind: 'document', link: '/cases/c1/documents' });
      await notify(tx, t.deps, { userId: person.id, kind: 'document', link: '/cases/c2/documents' });
      await notify(tx, t.deps, { userId: person.id, kind: 'promise', link: '/cases/c1/compliance' });
    });
    // Nothing e-mailed yet: two wait for the digest, one is only under the bell.
    expect(await emailsTo(person.email)).toEqual([]);
    expect(json(await client.get('/api/v1/notifications/unread'))).toEqual({ unread: 3 });

    expect(await sendDigests(t.deps)).toBeGreaterThanOrEqual(1);
    const digests = await emailsTo(person.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.template).toBe('notification-digest');
    expect(digests[0]!.subject).toBe('Parley: your daily digest (2 notifications)');
    expect(digests[0]!.text_body).toContain('/cases/c1/documents');
    expect(digests[0]!.text_body).toContain('/cases/c2/documents');
    expect(digests[0]!.text_body).not.toContain('compliance');
    // Each notification is in one digest only.
    await sendDigests(t.deps);
    expect(await emailsTo(person.email)).toHaveLength(1);

    expect(json(await client.post('/api/v1/notifications/read-all'))).toEqual({ unread: 0 });
  });

  it('names each kind in the language the page asks in', async () => {
    const person = await buildUser(t.deps, { name: 'Lupe Lector' });
    const client = await signedIn(t.app, person);
    await inTransaction(t.db, (tx) =>
      notify(tx, t.deps, { userId: person.id, kind: 'message', link: '/cases/abc/messages' }),
    );
    const inLanguage = (language: string) => ({ headers: { 'accept-language': language } });
    type Listed = { items: { id: string; kindLabel: string }[] };
    type Chosen = { preferences: { kind: string; kindLabel: string }[] };
    const english = json<Listed>(await client.get('/api/v1/notifications', inLanguage('en-US')));
    const spanish = json<Listed>(await client.get('/api/v1/notifications', inLanguage('es-US')));
    expect(english.items.map((i) => i.kindLabel)).toEqual(['New message']);
    expect(spanish.items.map((i) => i.kindLabel)).toEqual(['Mensaje nuevo']);
    const read = await client.request(
      'POST',
      `/api/v1/notifications/${spanish.items[0]!.id}/read`,
      {},
      {
        headers: { 'accept-language': 'es-US' },
      },
    );
    expect(json(read)).toMatchObject({ kindLabel: 'Mensaje nuevo', read: true });

    const kinds = (r: Chosen) => Object.fromEntries(r.preferences.map((p) => [p.kind, p.kindLabel]));
    const en = kinds(
      json<Chosen>(await client.get('/api/v1/notifications/preferences', inLanguage('en-US'))),
    );
    const es = kinds(
      json<Chosen>(await client.get('/api/v1/notifications/preferences', inLanguage('es-US'))),
    );
    expect(en).toMatchObject({ message: 'New message', signature: 'Signature needed' });
    expect(es).toMatchObject({ message: 'Mensaje nuevo', signature: 'Se necesita su firma' });
    expect(Object.keys(es)).toEqual(Object.keys(en));
    for (const kind of Object.keys(es)) expect(es[kind]).not.toBe(en[kind]);
  });

  it('refuses a bad choice naming the field, and another person’s notification', async () => {
    const person = await buildUser(t.deps);
    const other = await buildUser(t.deps);
    const client = await signedIn(t.app, person);
    const bad = await client.put('/api/v1/notifications/preferences/message', { channel: 'pigeon' });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error).toMatchObject({
      fields: { channel: 'Choose e-mail now, a daily digest, or none' },
    });
    expect(
      (await client.put('/api/v1/notifications/preferences/gossip', { channel: 'email' })).statusCode,
    ).toBe(400);
    const { id } = await inTransaction(t.db, (tx) =>
      notify(tx, t.deps, { userId: other.id, kind: 'session', link: '/cases/x/sessions' }),
    );
    expect((await client.post(`/api/v1/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await client.get('/api/v1/notifications?limit=lots')).statusCode).toBe(400);
  });
});
