import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramRoster } from '../../../contracts/programs.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEvents } from '../../../test/audit.ts';
import { buildRosterMediator, inviteToProgram } from '../../../test/cases.ts';
import { json, signedInAs } from '../../../test/client.ts';
import { readySpecialEducationCase } from '../../../test/mediation.ts';
import { buildProgram } from '../../db/seed/builders.ts';

/** The program's roster: its coordinators see who may be appointed and why not, invite and remove. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Refusal = { error: { message: string; fields?: Record<string, string> } };

describe('the program’s roster of mediators', () => {
  it('lists who may be appointed and why not; removes a mediator unless they mediate an open case', async () => {
    const program = await buildProgram(t.deps, { kind: 'special_education' });
    const other = await buildProgram(t.deps, { kind: 'special_education' });
    const ready = await readySpecialEducationCase(t, { programId: program.id });
    const coordinator = await signedInAs(t, { grants: [{ role: 'coordinator', programId: program.id }] });
    const otherCoordinator = await signedInAs(t, { grants: [{ role: 'coordinator', programId: other.id }] });
    const sped = { programId: program.id, rosters: ['special_education' as const] };
    await buildRosterMediator(t, { ...sped, name: 'Avery Neutral' });
    const drew = await buildRosterMediator(t, {
      ...sped,
      name: 'Drew State',
      employers: ['Missouri Department of Elementary and Secondary Education'],
    });
    const emery = await buildRosterMediator(t, {
      programId: program.id,
      name: 'Emery Civil',
      rosters: ['rule17'],
    });
    const url = `/api/v1/programs/${program.id}/roster`;

    const roster = json<ProgramRoster>(await coordinator.get(url));
    const row = (name: string, r = roster) => r.mediators.find((m) => m.name === name);
    expect(roster.mediators.map((m) => m.name)).toEqual([
      'Avery Neutral',
      'Drew State',
      'Emery Civil',
      'Quinn Neutral',
    ]);
    expect(row('Avery Neutral')).toMatchObject({ mayBeAppointed: true, reason: null, can: { remove: true } });
    expect(row('Quinn Neutral')?.mayBeAppointed).toBe(true);
    expect(row('Emery Civil')).toMatchObject({
      mayBeAppointed: false,
      reason: 'Not eligible for the State special-education mediator list (DESE) in the directory.',
    });
    expect(row('Drew State')).toMatchObject({
      mayBeAppointed: false,
      reason: 'Employed by Missouri Department of Elementary and Secondary Education.',
    });
    expect(roster.can.invite).toBe(true);
    expect(row('Drew State')?.email).toBe(drew.email);

    // Another program's coordinator, and the mediators themselves, are refused.
    expect((await otherCoordinator.get(url)).statusCode).toBe(403);
    expect((await otherCoordinator.delete(`${url}/${emery.id}`)).statusCode).toBe(403);
    expect((await ready.mediator.get(url)).statusCode).toBe(403);

    // The mediator of an open case stays: the roster offers no Remove, and the refusal names the case.
    expect(roster.mediators.find((m) => m.userId === ready.mediatorUser.id)?.can.remove).toBe(false);
    const refused = await coordinator.delete(`${url}/${ready.mediatorUser.id}`);
    expect(refused.statusCode).toBe(409);
    const caseRow = await t.deps.db
      .selectFrom('cases')
      .select('reference')
      .where('id', '=', ready.caseId)
      .executeTakeFirstOrThrow();
    expect(json<Refusal>(refused).error.message).toContain(caseRow.reference);

    const removed = await coordinator.delete(`${url}/${emery.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await coordinator.delete(`${url}/${emery.id}`)).statusCode).toBe(404);
    const after = json<ProgramRoster>(await coordinator.get(url));
    expect(after.mediators.map((m) => m.name)).not.toContain('Emery Civil');
    const audit = await auditEvents(t.deps.db, 'program.mediator_removed', { subjectId: emery.id });
    expect(audit).toHaveLength(1);

    // Adding a mediator is an invitation to the role; a bad address is named.
    const bad = await inviteToProgram(coordinator, program.id, {
      email: 'not-an-address',
      name: 'Jordan Helper',
    });
    expect(bad.statusCode).toBe(400);
    expect(json<Refusal>(bad).error.fields?.email).toBeTruthy();
    const invited = await inviteToProgram(coordinator, program.id, {
      email: 'jordan.helper@example.test',
      name: 'Jordan Helper',
    });
    expect(invited.statusCode).toBe(201);
    const withInvite = json<ProgramRoster>(await coordinator.get(url));
    expect(withInvite.invitations.map((i) => i.email)).toEqual(['jordan.helper@example.test']);
  });
});
