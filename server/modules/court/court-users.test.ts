import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { circuitScope } from '../../../domain/roles.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { familyCaseInMediation } from '../../../test/mediation.ts';
import { buildUser } from '../../db/seed/builders.ts';

/**
 * The courts' users: an administrator invites a circuit's clerk by e-mail, the clerk accepts and
 * sees that circuit's referred cases, and the administrator takes the access away again.
 * Run on SQLite and PostgreSQL.
 */
let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.app, await buildUser(t.deps, { grants: [{ role: 'admin' }] }));
});
afterAll(() => t.close());

describe('court users', () => {
  it('invites a clerk for a circuit, who accepts, sees its cases, and loses them when removed', async () => {
    const w = await familyCaseInMediation(t); // referred by the 13th Circuit
    const invited = await admin.post('/api/v1/court/users', {
      email: 'Clerk.Boone@Example.test',
      name: 'Robin Clerk',
      circuit: 13,
    });
    expect(invited.statusCode, invited.body).toBe(201);

    const email = await lastEmailTo(t.db, 'clerk.boone@example.test', 'invitation');
    expect(email.subject).toContain('the 13th Judicial Circuit');
    expect(email.text_body).toContain('Boone');
    expect(email.text_body).toContain('never shown');
    const visitor = new TestClient(t.app);
    expect(json(await visitor.post('/api/v1/invitations/lookup', { token: email.token }))).toMatchObject({
      role: 'court',
      programName: 'the 13th Judicial Circuit',
    });
    const accepted = await visitor.post('/api/v1/invitations/accept', {
      token: email.token,
      password: 'a long court password',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const me = json<{ grants: { role: string; scope: string }[] }>(await visitor.get('/api/v1/account'));
    expect(me.grants).toEqual([{ role: 'court', scope: circuitScope(13) }]);
    const cases = json<{ rows: { id: string }[] }>(await visitor.get('/api/v1/court/cases'));
    expect(cases.rows.map((c) => c.id)).toContain(w.caseId);

    const list = json<{
      circuits: { circuit: number; name: string; counties: string[] }[];
      users: { userId: string; email: string; circuit: number }[];
      invitations: { email: string; circuit: number; status: string }[];
    }>(await admin.get('/api/v1/court/users'));
    expect(list.circuits).toHaveLength(46);
    expect(list.circuits.find((c) => c.circuit === 13)?.counties).toEqual(['Boone', 'Callaway']);
    const clerk = list.users.find((u) => u.email === 'clerk.boone@example.test');
    expect(clerk).toMatchObject({ circuit: 13 });
    expect(list.invitations.find((i) => i.email === 'clerk.boone@example.test')).toMatchObject({
      circuit: 13,
      status: 'accepted',
    });

    // The same person cannot be invited twice for the circuit.
    const twice = await admin.post('/api/v1/court/users', {
      email: 'clerk.boone@example.test',
      name: 'Robin Clerk',
      circuit: 13,
    });
    expect(twice.statusCode).toBe(409);
    expect(json<{ error: { fields: Record<string, string> } }>(twice).error.fields).toHaveProperty('email');

    const removed = await admin.delete(`/api/v1/court/users/${clerk!.userId}/circuits/13`);
    expect(removed.statusCode).toBe(204);
    expect((await visitor.get('/api/v1/court/cases')).statusCode).toBe(403);
    expect((await admin.delete(`/api/v1/court/users/${clerk!.userId}/circuits/13`)).statusCode).toBe(404);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('kind')
      .where('subject_id', '=', clerk!.userId)
      .execute();
    expect(audit.map((a) => a.kind)).toEqual(expect.arrayContaining(['role.granted', 'court.user_removed']));
  });

  it('names the field of a bad invitation, and refuses anyone but an administrator', async () => {
    const bad = await admin.post('/api/v1/court/users', { email: 'not an address', name: '', circuit: 47 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(json<{ error: { fields: object } }>(bad).error.fields).sort()).toEqual([
      'circuit',
      'email',
      'name',
    ]);
    const staff = await signedIn(t.app, await buildUser(t.deps, { grants: [{ role: 'staff' }] }));
    expect(
      (await staff.post('/api/v1/court/users', { email: 'x@example.test', name: 'X', circuit: 1 }))
        .statusCode,
    ).toBe(403);
    // Nor does the program's invitation route give the court role.
    const viaProgram = await admin.post('/api/v1/invitations', {
      email: 'y@example.test',
      name: 'Y',
      role: 'court',
      programId: null,
    });
    expect(viaProgram.statusCode).toBe(400);
    expect(json<{ error: { fields: object } }>(viaProgram).error.fields).toHaveProperty('role');
  });
});
