import { buildUser } from '../../server/db/seed/builders.ts';
import { iso } from '../../server/infra/clock.ts';
import { newId } from '../../server/infra/ids.ts';
import { insertDistrict } from '../../server/modules/programs/programs.repository.ts';
import type { TestApp } from '../app.ts';
import { specialEducationRequest } from '../cases.ts';
import { signedIn, signedInAs } from '../client.ts';
import { lastEmailTo } from '../mailbox.ts';
import { address, own, PASSWORD } from './foundation.access.ts';
import { type AccessEntry, type AccessWorld, CALLERS } from './matrix.ts';

// Programs (their districts, roster and rules) and the invitations that bring people in.

/**
 * For each caller: a school district and a rostered mediator to remove, an invitation to accept,
 * and a case invitation to decline (each on its own case). One invitation to look up.
 */
export async function setup(t: TestApp, world: AccessWorld) {
  const admin = await signedIn(t.app, world.people.admin);
  const invite = async (email: string) => {
    const sent = await admin.post('/api/v1/invitations', {
      email,
      name: 'Matrix Invitee',
      role: 'mediator',
      programId: world.program.id,
    });
    if (sent.statusCode !== 201) throw new Error(`foundation matrix setup: ${sent.body}`);
    return (await lastEmailTo(t.db, email, 'invitation')).token!;
  };
  for (const caller of CALLERS) {
    const districtId = newId();
    await insertDistrict(t.db, {
      id: districtId,
      program_id: world.program.id,
      name: `Matrix R-${caller} School District`,
      email: address('district', caller),
      created_at: iso(t.clock.now()),
    });
    world.extra[`district:${caller}`] = districtId;
    const rostered = await buildUser(t.deps, {
      email: address('rostered', caller),
      grants: [{ role: 'mediator', programId: world.program.id }],
    });
    world.extra[`rostered:${caller}`] = rostered.id;
    world.extra[`accept:${caller}`] = await invite(address('accept', caller));

    // A parent of their own per caller: one person may ask for mediation only a few times a day.
    const parent = await signedInAs(t, { email: address('parent', caller), grants: [{ role: 'party' }] });
    const district = address('district', caller);
    const created = await parent.post('/api/v1/cases', specialEducationRequest(world.program.id, district));
    if (created.statusCode !== 201) throw new Error(`foundation matrix setup: ${created.body}`);
    world.extra[`decline:${caller}`] = (await lastEmailTo(t.db, district, 'invitation-case-party')).token!;
  }
  world.extra.lookup = await invite('matrix-lookup@example.test');
}

export const entries: AccessEntry[] = [
  {
    method: 'POST',
    route: '/api/v1/invitations/decline',
    allowed: 'everyone',
    request: (w, { caller }) => ({ body: { token: own(w, 'decline', caller) } }),
    note: 'the e-mailed link is the proof: a case invitation may be declined without an account',
  },
  {
    method: 'POST',
    route: '/api/v1/invitations',
    allowed: ['coordinator', 'admin'],
    status: 201,
    request: (w, { caller }) => ({
      body: { email: address('invitee', caller), name: 'Invitee', role: 'mediator', programId: w.program.id },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/invitations/lookup',
    allowed: 'everyone',
    request: (w) => ({ body: { token: w.extra.lookup } }),
  },
  {
    method: 'POST',
    route: '/api/v1/invitations/accept',
    allowed: 'everyone',
    request: (w, { caller }) => ({ body: { token: own(w, 'accept', caller), password: PASSWORD } }),
    endsSession: true,
    note: 'an invitation to someone without an account: accepting makes one and signs them in',
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/invitations',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/invitations` }),
  },
  { method: 'GET', route: '/api/v1/programs', allowed: 'everyone' },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId',
    allowed: 'everyone',
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/programs',
    allowed: ['admin'],
    status: 201,
    request: (_, { caller }) => ({
      body: { kind: 'community', slug: `matrix-${caller.toLowerCase()}`, name: 'Matrix program' },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/districts',
    allowed: 'everyone',
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/districts` }),
    note: 'a parent picks their district before signing in',
  },
  {
    method: 'POST',
    route: '/api/v1/programs/:programId/districts',
    allowed: ['coordinator', 'admin'],
    status: 201,
    request: (w, { caller }) => ({
      url: `/api/v1/programs/${w.program.id}/districts`,
      body: { name: `Added by ${caller} R-I School District`, email: `district-${caller}@example.test` },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/programs/:programId/districts/:districtId',
    allowed: ['coordinator', 'admin'],
    status: 204,
    request: (w, { caller }) => ({
      url: `/api/v1/programs/${w.program.id}/districts/${w.extra[`district:${caller}`]}`,
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/roster',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/roster` }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/programs/:programId/roster/:userId',
    allowed: ['coordinator', 'admin'],
    status: 204,
    request: (w, { caller }) => ({
      url: `/api/v1/programs/${w.program.id}/roster/${w.extra[`rostered:${caller}`]}`,
    }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/programs/:programId',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}`, body: { description: 'Updated' } }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/people',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/people` }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/rules',
    allowed: 'everyone',
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/rules` }),
  },
  {
    method: 'PUT',
    route: '/api/v1/programs/:programId/rules/choices',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({
      url: `/api/v1/programs/${w.program.id}/rules/choices`,
      body: { courtReport: { value: 'settlement_only', cite: 'Local rule 1' } },
    }),
  },
  {
    method: 'PUT',
    route: '/api/v1/programs/:programId/rules/local',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({
      url: `/api/v1/programs/${w.program.id}/rules/local`,
      body: { reportDeadlineDays: { value: 10, cite: 'Local rule 1' } },
    }),
  },
];
