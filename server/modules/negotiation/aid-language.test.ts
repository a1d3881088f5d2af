import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueBoard } from '../../../contracts/issues.ts';
import type { Aid, AidList } from '../../../contracts/negotiation.ts';
import { formatMoney } from '../../../domain/money.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, must, type TestClient } from '../../../test/client.ts';
import { familyCaseInMediation } from '../../../test/mediation.ts';

// The aids' words in each reader's language: each side's people joined as the reader's language
// joins names, the side's own name when it has none, and the suggestion an aid puts on the
// issues board, written again from the aid for each reader.

let t: TestApp;
let w: Awaited<ReturnType<typeof familyCaseInMediation>>;
const url = (rest: string) => `/api/v1/cases/${w.caseId}${rest}`;
const SPANISH = { 'accept-language': 'es-US' };

const optionOn = async (who: TestClient, issueId: string, headers = {}) =>
  json<IssueBoard>(await must(who.get(url('/issues'), { headers }))).issues.find((i) => i.id === issueId)!
    .options[0]!.text;
const addIssue = async (title: string) =>
  json<{ id: string }>(await must(w.mediator.post(url('/issues'), { title }))).id;

beforeAll(async () => {
  t = await createTestApp();
  w = await familyCaseInMediation(t);
  // A second parent on the side that asked for mediation.
  await t.db
    .insertInto('case_participants')
    .values({
      id: randomUUID(),
      case_id: w.caseId,
      user_id: null,
      side: 'requester',
      role: 'party',
      name: 'Sam Rivera',
      email: null,
      organization: null,
      address: null,
      phone: null,
      status: 'active',
      invitation_id: null,
      added_by: null,
      created_at: new Date(t.clock.now().getTime() + 1000).toISOString(),
    })
    .execute();
}, 60_000);
afterAll(async () => t.close());

describe("the negotiation aids in the reader's language", () => {
  let awIssue: string;

  it("joins each side's people as the page's language does", async () => {
    awIssue = await addIssue('Property');
    await must(w.mediator.post(url(`/issues/${awIssue}/aids`), { kind: 'adjusted_winner' }));
    expect(json<AidList>(await must(w.mom.get(url('/aids'), { headers: SPANISH }))).sides).toEqual({
      requester: 'Alex Rivera y Sam Rivera',
      respondent: 'Jordan Rivera',
    });
    expect(json<AidList>(await must(w.mom.get(url('/aids')))).sides.requester).toBe(
      'Alex Rivera and Sam Rivera',
    );
  });

  it("writes an Adjusted Winner suggestion on the board in each reader's language", async () => {
    const aid = json<AidList>(await must(w.mom.get(url('/aids')))).aids[0]!;
    const items = json<Aid>(
      await must(w.dad.put(url(`/aids/${aid.id}/items`), { items: [{ name: 'House' }, { name: 'Car' }] })),
    ).adjustedWinner!.items;
    const by = (values: number[]) => ({ points: Object.fromEntries(items.map((i, n) => [i.id, values[n]])) });
    await must(w.mom.put(url(`/aids/${aid.id}/points`), by([60, 40])));
    await must(w.dad.put(url(`/aids/${aid.id}/points`), by([40, 60])));
    await must(w.mediator.post(url(`/aids/${aid.id}/option`)));
    expect(await optionOn(w.dad, awIssue, SPANISH)).toBe(
      'Sugerencia de Ganador Ajustado. Alex Rivera y Sam Rivera: House. Jordan Rivera: Car. Cada parte termina con 60 puntos, según su propia cuenta. Esto es una sugerencia para conversar, no una decisión.',
    );
    expect(await optionOn(w.dad, awIssue)).toBe(
      'Adjusted Winner suggestion. Alex Rivera and Sam Rivera: House. Jordan Rivera: Car. Each side ends with 60 points by their own count. This is a suggestion for discussion, not a decision.',
    );
  });

  it('names a side with no one at the table by its own name; a suggestion keeps the names it was made with', async () => {
    await t.db
      .updateTable('case_participants')
      .set({ status: 'removed' })
      .where('case_id', '=', w.caseId)
      .where('name', '=', 'Jordan Rivera')
      .execute();
    expect(json<AidList>(await must(w.mom.get(url('/aids'), { headers: SPANISH }))).sides.respondent).toBe(
      'La otra parte',
    );
    expect(json<AidList>(await must(w.mom.get(url('/aids')))).sides.respondent).toBe('The other side');
    expect(await optionOn(w.mom, awIssue, SPANISH)).toContain('Jordan Rivera: Car.');
    await t.db
      .updateTable('case_participants')
      .set({ status: 'active' })
      .where('case_id', '=', w.caseId)
      .where('name', '=', 'Jordan Rivera')
      .execute();
  });

  it("writes a blind bidding suggestion on the board in each reader's language", async () => {
    const issueId = await addIssue('Buy-out');
    const started = json<Aid>(
      await must(
        w.mediator.post(url(`/issues/${issueId}/aids`), {
          kind: 'blind_bidding',
          claimantSide: 'requester',
          gap: { kind: 'none' },
          roundLimit: 1,
          history: 'mediator',
        }),
      ),
    );
    await must(w.mom.post(url(`/aids/${started.id}/agree`)));
    await must(w.dad.post(url(`/aids/${started.id}/agree`)));
    await must(w.mom.post(url(`/aids/${started.id}/bids`), { amountCents: 1_000_000 }));
    await must(w.dad.post(url(`/aids/${started.id}/bids`), { amountCents: 1_200_000 }));
    await must(w.mediator.post(url(`/aids/${started.id}/option`)));
    expect(await optionOn(w.mom, issueId, SPANISH)).toBe(
      `Sugerencia de ofertas a ciegas: un acuerdo por ${formatMoney(1_100_000, 'es-US')}, a mitad de camino entre lo que se pidió y la oferta en la ronda 1. Esto es una sugerencia para conversar, no una decisión.`,
    );
    expect(await optionOn(w.mom, issueId)).toBe(
      'Blind bidding suggestion: settle at $11,000.00, halfway between the demand and the offer in round 1. This is a suggestion for discussion, not a decision.',
    );
  });
});
