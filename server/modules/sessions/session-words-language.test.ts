import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasePolls, Poll, PollByLink } from '../../../contracts/session-polls.ts';
import type { CaseSessions } from '../../../contracts/sessions.ts';
import type { TestApp } from '../../../test/app.ts';
import { json, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { appWithReadyCase, jointSession, pollBody, type ReadyCase } from '../../../test/mediation.ts';
import { MINUTE } from '../../infra/clock.ts';

// A session's place is one text in each reader's language (e-mails, pages); the poll link page
// names the kind of session in the page's language; someone without an account is asked to find a
// time in the language of the mediator who proposed it.

let t: TestApp;
let world: ReadyCase;
beforeAll(async () => {
  ({ t, world } = await appWithReadyCase());
});
afterAll(async () => t.close());

const inSpanish = { headers: { 'accept-language': 'es-US' } };
const inEnglish = { headers: { 'accept-language': 'en-US' } };

describe('a session’s words in the reader’s language', () => {
  it('the place reads in each person’s language in the e-mail, and in the page’s on the sessions page', async () => {
    expect((await world.parent.patch('/api/v1/account', { language: 'es-US' })).statusCode).toBe(200);
    const r = await world.mediator.post(`/api/v1/cases/${world.caseId}/sessions`, jointSession('2026-03-06'));
    expect(r.statusCode, r.body).toBe(201);
    const parentMail = await lastEmailTo(t.db, world.parentUser.email, 'session-invite');
    expect(parentMail.text_body).toContain(
      '205 Jefferson St, Jefferson City MO 65101. Sala: Room 4B. Accesibilidad: Step-free entrance on Jefferson St',
    );
    const districtMail = await lastEmailTo(t.db, world.districtEmail, 'session-invite');
    expect(districtMail.text_body).toContain('Room: Room 4B. Access: Step-free entrance on Jefferson St');

    const page = async (options: typeof inSpanish) =>
      json<CaseSessions>(await world.parent.get(`/api/v1/cases/${world.caseId}/sessions`, options))
        .sessions[0]!;
    const spanish = await page(inSpanish);
    expect(spanish.placeText).toContain('Sala: Room 4B. Accesibilidad:');
    expect(spanish.shown).toContain('6 de marzo de 2026');
    const english = await page(inEnglish);
    expect(english.placeText).toContain('Room: Room 4B. Access:');
    expect(english.shown).toContain('March 6, 2026');
    expect((await world.parent.patch('/api/v1/account', { language: 'en-US' })).statusCode).toBe(200);
  });

  it('someone without an account is asked in the proposing mediator’s language; the link page reads in its own', async () => {
    // The district's representative as someone the mediator added by address alone: no account.
    const noAccount = 'office@riverside-r4.example';
    await t.db
      .updateTable('case_participants')
      .set({ user_id: null, email: noAccount })
      .where('id', '=', world.districtId)
      .execute();
    // An English-reading mediator: the district's representative (no account) reads English.
    const first = await world.mediator.post(`/api/v1/cases/${world.caseId}/polls`, pollBody('2026-03-20'));
    expect(first.statusCode, first.body).toBe(201);
    const english = await lastEmailTo(t.db, noAccount, 'session-poll');
    expect(english.subject).toContain('which times can you attend');
    expect(english.text_body).toContain('Friday, March 20, 2026 at 9:00 AM CDT');

    // A Spanish-reading mediator: the representative reads Spanish; the parent, English, their own.
    expect((await world.mediator.patch('/api/v1/account', { language: 'es-US' })).statusCode).toBe(200);
    t.clock.advance(MINUTE);
    const second = await world.mediator.post(`/api/v1/cases/${world.caseId}/polls`, pollBody('2026-03-23'));
    expect(second.statusCode, second.body).toBe(201);
    const spanish = await lastEmailTo(t.db, noAccount, 'session-poll');
    expect(spanish.subject).toContain('¿a qué horas puede asistir?');
    expect(spanish.text_body).toContain('propone estas horas para una sesión conjunta');
    expect(spanish.text_body).toContain('lunes, 23 de marzo de 2026');
    const parent = await lastEmailTo(t.db, world.parentUser.email, 'session-poll');
    expect(parent.text_body).toContain('Monday, March 23, 2026');
    expect((await world.mediator.patch('/api/v1/account', { language: 'en-US' })).statusCode).toBe(200);

    const visitor = new TestClient(t.app, '10.9.9.8');
    const link = `/api/v1/poll-links/${spanish.token}`;
    const es = json<PollByLink>(await visitor.get(link, inSpanish));
    expect(es.kind).toBe('joint');
    expect(es.placeText).toContain('Sala: Room 4B');
    expect(es.slots[0]!.shown).toContain('23 de marzo de 2026');
    const en = json<PollByLink>(await visitor.get(link, inEnglish));
    expect(en.placeText).toContain('Room: Room 4B');
    expect(en.slots[0]!.shown).toContain('March 23, 2026');
    const answered = await visitor.request('PUT', link, { times: [es.slots[0]!.id] }, inSpanish);
    expect(answered.statusCode, answered.body).toBe(200);
    expect(json<PollByLink>(answered).placeText).toContain('Sala: Room 4B');

    // The mediator's list of polls reads in the page's language too.
    const polls = async (options: typeof inSpanish) =>
      json<CasePolls>(await world.mediator.get(`/api/v1/cases/${world.caseId}/polls`, options)).polls;
    expect((await polls(inSpanish)).map((p: Poll) => p.placeText)).toEqual([
      expect.stringContaining('Sala: Room 4B'),
      expect.stringContaining('Sala: Room 4B'),
    ]);
    expect((await polls(inEnglish))[0]!.placeText).toContain('Room: Room 4B');
  });
});
