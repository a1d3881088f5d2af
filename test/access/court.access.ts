import { circuitScope } from '../../domain/roles.ts';
import { packForKind } from '../../domain/rule-packs/index.ts';
import { inTransaction } from '../../server/db/database.ts';
import { buildUser } from '../../server/db/seed/builders.ts';
import { iso } from '../../server/infra/clock.ts';
import type { TestApp } from '../app.ts';
import { json, signedIn } from '../client.ts';
import type { AccessEntry, AccessWorld } from './matrix.ts';
import { copyMatrixCase, insertDisqualificationRequest } from './matrix-case.ts';

/**
 * The court's pages. The matrix's court user is a clerk of the 16th Circuit; its case is a family
 * (Rule 88) referral from that circuit, in mediation with the matrix's people, whose agreement
 * everyone signed (it waits for the court's approval) and whose mediator the other party
 * answered with a denial of an application to disqualify (it waits for the court's decision).
 * No one else's case is the court's, and no route of the mediation answers the court.
 */
export async function setup(t: TestApp, world: AccessWorld) {
  // A copy of the cases area's matrix case (its setup runs first), so the party asks only once.
  const base = world.extra.caseId;
  if (!base) throw new Error('the cases area’s matrix case comes first');
  const family = packForKind('family')!;
  const now = iso(t.clock.now());
  const caseId = await inTransaction(t.db, async (tx) => {
    const id = await copyMatrixCase(tx, base, 'court');
    await tx
      .updateTable('cases')
      .set({
        rule_pack: family.id,
        rule_pack_version: family.version,
        state: 'in_mediation',
        ready_at: now,
        court_circuit: 16,
        details: JSON.stringify({
          form: 'court_referral',
          description: 'Matrix referral',
          caseType: 'family',
          court: 'Circuit Court of Jackson County',
          circuit: 16,
          caseNumber: '2616-FC09999',
          rule: '88',
          orderDate: now.slice(0, 10),
          issues: ['parenting_time'],
        }),
      })
      .where('id', '=', id)
      .execute();
    return id;
  });
  const mediator = await signedIn(t.app, world.people.mediator);
  const issue = json<{ id: string }>(
    await mediator.post(`/api/v1/cases/${caseId}/issues`, { templateId: 'parenting_time' }),
  );
  await mediator.patch(`/api/v1/cases/${caseId}/issues/${issue.id}`, { status: 'agreed' });
  const drafted = await mediator.post(`/api/v1/cases/${caseId}/agreement/versions`, {
    terms: [{ issueId: issue.id, text: 'Matrix term', responsible: 'Both parents' }],
    settledIssueIds: [issue.id],
  });
  if (drafted.statusCode !== 201) throw new Error(`court agreement: ${drafted.statusCode} ${drafted.body}`);
  await mediator.post(`/api/v1/cases/${caseId}/agreement/send`, { version: 1 });
  const dq = await inTransaction(t.db, async (tx) => {
    // Everyone signed (in ink): it waits for the court.
    await tx
      .updateTable('settlement_agreements')
      .set({ signed_at: now })
      .where('case_id', '=', caseId)
      .execute();
    return insertDisqualificationRequest(tx, world, caseId, now, {
      deny_by: now,
      denied_at: now,
      denied_by: world.people.party.id,
      denial_reason: 'matrix',
      outcome: 'denied',
    });
  });
  // A clerk of the 5th Circuit, whom the administrator takes off.
  const clerk = await buildUser(t.deps, { grants: [{ role: 'court', scope: circuitScope(5) }] });
  Object.assign(world.extra, { courtCase: caseId, courtDq: dq, courtClerk: clerk.id });
}

const courtCase = (w: AccessWorld, rest = '') => `/api/v1/court/cases/${w.extra.courtCase}${rest}`;

export const entries: AccessEntry[] = [
  {
    method: 'GET',
    route: '/api/v1/court/cases',
    allowed: ['court'],
    note: 'a court clerk or judge’s staff: the cases their circuit referred, searched and paged',
    request: () => ({ url: '/api/v1/court/cases?q=a&state=in_mediation&limit=5' }),
  },
  {
    method: 'GET',
    route: '/api/v1/court/cases/:caseId',
    allowed: ['court'],
    request: (w) => ({ url: courtCase(w) }),
  },
  {
    method: 'POST',
    route: '/api/v1/court/cases/:caseId/disqualification-requests/:requestId/decision',
    allowed: ['court'],
    request: (w) => ({
      url: courtCase(w, `/disqualification-requests/${w.extra.courtDq}/decision`),
      body: { grant: false, courtOrder: 'Order of March 2, 2026' },
    }),
    note: 'Rule 88.04: the court decides a denied application; the program records it on its own route',
  },
  {
    method: 'POST',
    route: '/api/v1/court/cases/:caseId/agreement-approval',
    allowed: ['court'],
    request: (w) => ({ url: courtCase(w, '/agreement-approval'), body: { approvedOn: '2026-03-01' } }),
    note: 'Rule 88.06(c); the mediator and the program record it on the agreement’s own route',
  },
  {
    method: 'PUT',
    route: '/api/v1/court/cases/:caseId/record',
    allowed: ['coordinator', 'admin', 'court'],
    request: (w) => ({
      url: courtCase(w, '/record'),
      body: { caseNumber: '2616-FC09999', judge: 'Hon. Matrix', division: 'Division 4' },
    }),
    note: 'the program’s coordinators (the matrix case is in their program) and the referring court',
  },
  {
    method: 'GET',
    route: '/api/v1/court/users',
    allowed: ['admin'],
    note: 'whoever gives roles across Parley (roles:grant)',
  },
  {
    method: 'POST',
    route: '/api/v1/court/users',
    allowed: ['admin'],
    request: () => ({ body: { email: 'matrix.clerk@example.test', name: 'Matrix Clerk', circuit: 5 } }),
    status: 201,
  },
  {
    method: 'DELETE',
    route: '/api/v1/court/users/:userId/circuits/:circuit',
    allowed: ['admin'],
    request: (w) => ({ url: `/api/v1/court/users/${w.extra.courtClerk}/circuits/5` }),
    status: 204,
  },
];
