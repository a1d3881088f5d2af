import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.ts';
import { appWithReadyCase, jointSession, type ReadyCase } from '../../../test/mediation.ts';

// Issue 19: each person's calendar invitation reads in their language; the time is the same
// instant for everyone (any calendar shows it in its own zone).

let t: TestApp;
let world: ReadyCase;

beforeAll(async () => {
  ({ t, world } = await appWithReadyCase());
});
afterAll(async () => t.close());

const inviteTo = async (address: string) => {
  const mail = await t.db
    .selectFrom('outbox_emails')
    .selectAll()
    .where('template', '=', 'session-invite')
    .where('to_address', '=', address.toLowerCase())
    .executeTakeFirstOrThrow();
  const [file] = JSON.parse(mail.attachments) as { content: string }[];
  const [event] = new ICAL.Component(ICAL.parse(file!.content))
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v));
  return event!;
};

describe('a session’s calendar invitation', () => {
  it('is in Spanish for a parent who reads Spanish, and in English for the district', async () => {
    expect((await world.parent.patch('/api/v1/account', { language: 'es-US' })).statusCode).toBe(200);
    const r = await world.mediator.post(`/api/v1/cases/${world.caseId}/sessions`, jointSession('2026-03-06'));
    expect(r.statusCode, r.body).toBe(201);

    const parent = await inviteTo(world.parentUser.email);
    expect(parent.summary).toMatch(/^Mediación .+: Sesión conjunta$/);
    expect(parent.description).toMatch(/^Sesión conjunta del caso .+\. .*Sala: Room 4B/);
    const district = await inviteTo(world.districtEmail);
    expect(district.summary).toMatch(/^Mediation .+: Joint session$/);
    expect(district.description).toContain('Room: Room 4B');
    expect(parent.startDate.toJSDate().getTime()).toBe(district.startDate.toJSDate().getTime());
    expect(parent.uid).toBe(district.uid);
  });
});
