import type { Aid } from '../../contracts/negotiation.ts';
import { inTransaction } from '../../server/db/database.ts';
import { buildUser } from '../../server/db/seed/builders.ts';
import { iso } from '../../server/infra/clock.ts';
import type { TestApp } from '../app.ts';
import { json, signedIn, type TestClient } from '../client.ts';
import type { AccessEntry, AccessWorld } from './matrix.ts';
import { AT_TABLE, addMatrixParticipant, copyMatrixCase } from './matrix-case.ts';

/**
 * A case in mediation for the negotiation aids: the matrix's party asked for it (the advocate
 * beside them), a second party answers for the other side, the matrix's mediator has it. It has
 * an issue with no aid yet, an Adjusted Winner aid still taking its items, one whose two sides
 * have sent their points, blind bidding waiting for the parties to agree its terms, and blind
 * bidding under way.
 */
export async function setup(t: TestApp, world: AccessWorld) {
  const other = await buildUser(t.deps, { name: 'Matrix Other Party', grants: [{ role: 'party' }] });
  // A copy of the mediation area's matrix case (set up before this file's, in name order), so the
  // matrix's party does not ask for mediation once more than the daily limit allows.
  const caseId = await inTransaction(t.db, async (tx) => {
    const id = await copyMatrixCase(tx, world.extra.m2Case!, 'NEG');
    const now = iso(t.clock.now());
    await addMatrixParticipant(
      tx,
      id,
      other,
      { side: 'respondent', role: 'party', name: 'Matrix Other' },
      now,
    );
    return id;
  });
  const party = await signedIn(t.app, world.people.party);
  const mediator = await signedIn(t.app, world.people.mediator);
  const respondent = await signedIn(t.app, other);
  const c = (rest: string) => `/api/v1/cases/${caseId}${rest}`;
  const must = async <R extends { statusCode: number; body: string }>(p: Promise<R>) => {
    const r = await p;
    if (r.statusCode >= 300) throw new Error(`negotiation matrix setup: ${r.statusCode} ${r.body}`);
    return r;
  };
  const issue = async (title: string) =>
    json<{ id: string }>(await must(mediator.post(c('/issues'), { title }))).id;
  const start = async (body: Record<string, unknown>) =>
    json<Aid>(await must(mediator.post(c(`/issues/${await issue(String(body.kind))}/aids`), body)));
  const items = [{ name: 'House' }, { name: 'Car' }];
  const terms = {
    kind: 'blind_bidding',
    claimantSide: 'requester',
    gap: { kind: 'none' },
    history: 'mediator',
  };

  const listing = await start({ kind: 'adjusted_winner', items });
  const divided = await start({ kind: 'adjusted_winner', items });
  const points = (aid: Aid, first: number) => ({
    points: { [aid.adjustedWinner!.items[0]!.id]: first, [aid.adjustedWinner!.items[1]!.id]: 100 - first },
  });
  await must(party.put(c(`/aids/${divided.id}/points`), points(divided, 70)));
  await must(respondent.put(c(`/aids/${divided.id}/points`), points(divided, 40)));
  const agreeing = await start({ ...terms, roundLimit: 3 });
  const bidding = await start({ ...terms, roundLimit: 10 });
  await must(party.post(c(`/aids/${bidding.id}/agree`)));
  await must(respondent.post(c(`/aids/${bidding.id}/agree`)));

  Object.assign(world.extra, {
    negCase: caseId,
    negIssue: await issue('Matrix issue with no aid'),
    negListing: listing.id,
    negDivided: divided.id,
    negAgreeing: agreeing.id,
    negBidding: bidding.id,
  });
}

const c = (w: AccessWorld, rest: string) => `/api/v1/cases/${w.extra.negCase}${rest}`;

/** The listing aid's current items, as the caller sees them (none when they may not). */
async function currentItems(w: AccessWorld, client: TestClient) {
  const r = await client.get(c(w, '/aids'));
  if (r.statusCode !== 200) return [];
  return json<{ aids: Aid[] }>(r).aids.find((a) => a.id === w.extra.negListing)!.adjustedWinner!.items;
}

export const entries: AccessEntry[] = [
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/aids',
    allowed: AT_TABLE,
    request: (w) => ({ url: c(w, '/aids') }),
    note: 'the people at the table, each seeing their own side; not the program',
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/issues/:issueId/aids',
    allowed: ['mediator'],
    request: (w) => ({
      url: c(w, `/issues/${w.extra.negIssue}/aids`),
      body: { kind: 'adjusted_winner', items: [{ name: 'A' }, { name: 'B' }] },
    }),
  },
  {
    method: 'PUT',
    route: '/api/v1/cases/:caseId/aids/:aidId/items',
    allowed: ['party', 'mediator'],
    request: (w) => ({
      url: c(w, `/aids/${w.extra.negListing}/items`),
      body: { items: [{ name: 'House' }, { name: 'Car' }, { name: 'Savings' }] },
    }),
    note: 'the mediator or the parties list the items; the advocate does not',
  },
  {
    method: 'PUT',
    route: '/api/v1/cases/:caseId/aids/:aidId/points',
    allowed: ['party'],
    request: async (w, { client }) => {
      const items = await currentItems(w, client);
      return {
        url: c(w, `/aids/${w.extra.negListing}/points`),
        body: { points: Object.fromEntries(items.map((item, i) => [item.id, i === 0 ? 100 : 0])) },
      };
    },
    note: 'each party sends their own side’s points',
  },
  {
    method: 'PUT',
    route: '/api/v1/cases/:caseId/aids/:aidId/reveal',
    allowed: ['mediator'],
    request: (w) => ({ url: c(w, `/aids/${w.extra.negDivided}/reveal`), body: { revealed: true } }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/aids/:aidId/option',
    allowed: ['mediator'],
    request: (w) => ({ url: c(w, `/aids/${w.extra.negDivided}/option`) }),
    status: 201,
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/aids/:aidId/agree',
    allowed: ['party'],
    request: (w) => ({ url: c(w, `/aids/${w.extra.negAgreeing}/agree`) }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/aids/:aidId/bids',
    allowed: ['party'],
    request: (w) => ({ url: c(w, `/aids/${w.extra.negBidding}/bids`), body: { amountCents: 5_000_000 } }),
    status: 201,
    note: 'each party sends their own side’s figure',
  },
];
