import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueBoard } from '../../../contracts/issues.ts';
import type { Aid, AidList } from '../../../contracts/negotiation.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { everyCaseResponse } from '../../../test/case-responses.ts';
import { json, must, type TestClient } from '../../../test/client.ts';
import { exportOf } from '../../../test/data-export.ts';
import { familyCaseInMediation } from '../../../test/mediation.ts';
import { storedText } from '../../../test/stored-text.ts';

// The payer's first offer: a figure that must reach no one but the payer and (as the parties
// chose) the mediator. Written every way a page or a file might print it.
const CANARY_CENTS = 8_734_219;
const CANARY_FORMS = ['8734219', '87,342.19', '87342.19'];
const CANARY_ITEM = 'Canary grandmother quilt';

let t: TestApp;
let w: Awaited<ReturnType<typeof familyCaseInMediation>>;
const url = (rest: string) => `/api/v1/cases/${w.caseId}${rest}`;
type Refusal = { error: { code: string; message: string; fields: Record<string, string> } };

const aids = async (who: TestClient) => json<AidList>(await must(who.get(url('/aids'))));
const aid = async (who: TestClient, id: string) => (await aids(who)).aids.find((a) => a.id === id)!;
const addIssue = async (title: string) =>
  json<{ id: string }>(await must(w.mediator.post(url('/issues'), { title }))).id;

beforeAll(async () => {
  t = await createTestApp();
  w = await familyCaseInMediation(t);
}, 60_000);
afterAll(async () => t.close());

describe('Adjusted Winner on an issue', () => {
  let aidId: string;
  let items: { id: string; name: string }[];
  let issueId: string;

  it('is turned on by the mediator, with the items listed', async () => {
    issueId = await addIssue('Property and debts');
    expect((await w.mom.post(url(`/issues/${issueId}/aids`), { kind: 'adjusted_winner' })).statusCode).toBe(
      403,
    );
    const started = await w.mediator.post(url(`/issues/${issueId}/aids`), { kind: 'adjusted_winner' });
    expect(started.statusCode).toBe(201);
    aidId = json<Aid>(started).id;
    expect(json<Aid>(started).can.editItems).toBe(true);
    const again = await w.mediator.post(url(`/issues/${issueId}/aids`), { kind: 'adjusted_winner' });
    expect(again.statusCode).toBe(409);
  });

  it('lets the parties list the items, refusing a bad list naming the item', async () => {
    const same = await w.mom.put(url(`/aids/${aidId}/items`), { items: [{ name: 'Car' }, { name: 'car' }] });
    expect(same.statusCode).toBe(400);
    expect(json<Refusal>(same).error.fields).toHaveProperty('items.1.name');
    const five = ['House', 'Car', 'Savings', 'Pension', CANARY_ITEM].map((name) => ({ name }));
    const listed = json<Aid>(await must(w.dad.put(url(`/aids/${aidId}/items`), { items: five })));
    items = listed.adjustedWinner!.items;
    expect(items.map((i) => i.name)).toEqual(five.map((i) => i.name));
    expect(listed.can).toMatchObject({ editItems: true, sendPoints: true, revealPoints: false });
    // The attorney beside a party sees their side's view and acts for no one.
    const lawyers = await aid(w.lawyer, aidId);
    expect(lawyers.mySide).toBe('requester');
    expect(lawyers.can).toMatchObject({ editItems: false, sendPoints: false });
    expect((await w.coordinator.get(url('/aids'))).statusCode).toBe(403);
  });

  it('refuses points that are negative, not whole, or do not add up to 100, naming the field', async () => {
    const by = (values: number[]) => ({ points: Object.fromEntries(items.map((i, n) => [i.id, values[n]])) });
    const short = await w.mom.put(url(`/aids/${aidId}/points`), by([40, 30, 10, 10, 0]));
    expect(short.statusCode).toBe(400);
    expect(json<Refusal>(short).error.fields.points).toMatch(/add up to 90.*10 left/);
    const negative = await w.mom.put(url(`/aids/${aidId}/points`), by([60, 30, 10, 10, -10]));
    expect(negative.statusCode).toBe(400);
    expect(json<Refusal>(negative).error.fields[`points.${items[4]!.id}`]).toMatch(/less than 0/);
    const half = await w.mom.put(url(`/aids/${aidId}/points`), by([40.5, 29.5, 10, 10, 10]));
    expect(half.statusCode).toBe(400);
    expect(json<Refusal>(half).error.fields[`points.${items[0]!.id}`]).toMatch(/whole number/);
    const text = await w.mom.put(url(`/aids/${aidId}/points`), { points: { [items[0]!.id]: 'many' } });
    expect(text.statusCode).toBe(400);
    expect(Object.keys(json<Refusal>(text).error.fields)).toEqual([`points.${items[0]!.id}`]);
    expect((await aid(w.mom, aidId)).adjustedWinner!.sent).toEqual({ requester: false, respondent: false });
  });

  it('keeps each side’s points private until both have sent them, and freezes the list', async () => {
    const by = (values: number[]) => ({ points: Object.fromEntries(items.map((i, n) => [i.id, values[n]])) });
    const mine = json<Aid>(await must(w.mom.put(url(`/aids/${aidId}/points`), by([50, 10, 20, 10, 10]))));
    expect(mine.adjustedWinner!.myPoints).toEqual(
      Object.fromEntries(items.map((i, n) => [i.id, [50, 10, 20, 10, 10][n]])),
    );
    expect(mine.adjustedWinner!.result).toBeNull();
    const dads = await aid(w.dad, aidId);
    expect(dads.adjustedWinner).toMatchObject({
      myPoints: null,
      frozen: true,
      sent: { requester: true, respondent: false },
    });
    expect(JSON.stringify(dads)).not.toContain('"50"');
    const frozen = await w.mediator.put(url(`/aids/${aidId}/items`), {
      items: [{ name: 'A' }, { name: 'B' }],
    });
    expect(frozen.statusCode).toBe(409);
    expect((await w.mom.put(url(`/aids/${aidId}/points`), by([50, 10, 20, 10, 10]))).statusCode).toBe(409);
    await must(w.dad.put(url(`/aids/${aidId}/points`), by([30, 30, 10, 20, 10])));
  });

  it('shows both the division in exact fractions, each its own points, and the mediator all of them', async () => {
    // Mom: House 50, Savings 20 (first 70); Dad: Car 30, Pension 20 (first 50); the quilt tied
    // (10, 10) goes to Dad, who is behind: 70 against 60. Mom gives up the House first (ratio
    // 50/30 < 20/10): a gap of 10 over 50 + 30 → 1/8 of the House moves. Both end with 63 3/4.
    const moms = (await aid(w.mom, aidId)).adjustedWinner!.result!;
    expect(moms.points).toEqual({
      requester: { numerator: 255, denominator: 4 },
      respondent: { numerator: 255, denominator: 4 },
    });
    expect(moms.splitItemId).toBe(items[0]!.id);
    expect(moms.items.map((i) => i.owner)).toEqual([
      'split',
      'respondent',
      'requester',
      'respondent',
      'respondent',
    ]);
    expect(moms.items[0]!.share.respondent).toEqual({ numerator: 1, denominator: 8 });
    expect(moms.items.every((i) => i.points.respondent === undefined)).toBe(true);
    expect(moms.howReached).toBeNull();
    const dads = (await aid(w.dad, aidId)).adjustedWinner!.result!;
    expect(dads.items.every((i) => i.points.requester === undefined)).toBe(true);
    const mediators = await aid(w.mediator, aidId);
    expect(mediators.adjustedWinner!.result!.items[0]!.points).toEqual({ requester: 50, respondent: 30 });
    expect(mediators.can).toMatchObject({ revealPoints: true, makeOption: true });
  });

  it('lets the mediator reveal the points to both sides', async () => {
    expect((await w.mom.put(url(`/aids/${aidId}/reveal`), { revealed: true })).statusCode).toBe(403);
    await must(w.mediator.put(url(`/aids/${aidId}/reveal`), { revealed: true }));
    const moms = (await aid(w.mom, aidId)).adjustedWinner!;
    expect(moms.pointsRevealed).toBe(true);
    expect(moms.result!.items[0]!.points).toEqual({ requester: 50, respondent: 30 });
    expect(moms.result!.howReached).not.toBeNull();
  });

  it('turns the result into a shared option on the issue, once', async () => {
    expect((await w.mom.post(url(`/aids/${aidId}/option`))).statusCode).toBe(403);
    const made = json<Aid>(await must(w.mediator.post(url(`/aids/${aidId}/option`))));
    expect(made.optionId).not.toBeNull();
    expect(made.can.makeOption).toBe(false);
    const board = json<IssueBoard>(await must(w.dad.get(url('/issues'))));
    const option = board.issues.find((i) => i.id === issueId)!.options[0]!;
    expect(option.visibility).toBe('shared');
    expect(option.text).toContain('Alex Rivera: 7/8 of House; Savings.');
    expect(option.text).toContain('Each side ends with 63 3/4 points');
    expect(option.text).toContain('not a decision');
    expect((await w.mediator.post(url(`/aids/${aidId}/option`))).statusCode).toBe(409);
  });
});

describe('blind bidding on an issue', () => {
  let aidId: string;
  let issueId: string;
  const terms = { kind: 'blind_bidding', claimantSide: 'requester', roundLimit: 3, history: 'mediator' };

  it('refuses terms that break a rule, naming the field', async () => {
    issueId = await addIssue('Maintenance');
    const bad = await w.mediator.post(url(`/issues/${issueId}/aids`), {
      ...terms,
      gap: { kind: 'percent', percent: 80 },
      roundLimit: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(json<Refusal>(bad).error.fields).sort()).toEqual(['gap.percent', 'roundLimit']);
    const noSide = await w.mediator.post(url(`/issues/${issueId}/aids`), {
      ...terms,
      claimantSide: undefined,
      gap: { kind: 'none' },
    });
    expect(json<Refusal>(noSide).error.fields).toHaveProperty('claimantSide');
  });

  it('waits for both sides to agree the terms before the first round', async () => {
    const started = json<Aid>(
      await must(
        w.mediator.post(url(`/issues/${issueId}/aids`), { ...terms, gap: { kind: 'percent', percent: 5 } }),
      ),
    );
    aidId = started.id;
    expect(started.blindBidding).toMatchObject({
      state: 'agreeing',
      agreed: { requester: false, respondent: false },
    });
    expect(started.blindBidding!.termsText[0]).toContain('within 5% of it');
    expect((await w.mom.post(url(`/aids/${aidId}/bids`), { amountCents: 10_000_000 })).statusCode).toBe(409);
    expect((await aid(w.mom, aidId)).can).toMatchObject({ agreeTerms: true, bid: false });
    await must(w.mom.post(url(`/aids/${aidId}/agree`)));
    const dads = json<Aid>(await must(w.dad.post(url(`/aids/${aidId}/agree`))));
    expect(dads.blindBidding).toMatchObject({ state: 'bidding', round: 1, myRole: 'payer' });
    expect(dads.can).toMatchObject({ agreeTerms: false, bid: true });
  });

  it('refuses a negative or fractional offer naming the field', async () => {
    const negative = await w.dad.post(url(`/aids/${aidId}/bids`), { amountCents: -500 });
    expect(negative.statusCode).toBe(400);
    expect(json<Refusal>(negative).error.fields).toEqual({
      amountCents: 'Your offer cannot be less than $0.',
    });
    const cents = await w.dad.post(url(`/aids/${aidId}/bids`), { amountCents: 10.5 });
    expect(json<Refusal>(cents).error.fields).toHaveProperty('amountCents');
    const words = await w.dad.post(url(`/aids/${aidId}/bids`), { amountCents: 'a lot' });
    expect(json<Refusal>(words).error.fields).toHaveProperty('amountCents');
  });

  it('tells each side only "no overlap yet" until the figures come within the gap, then suggests the midpoint', async () => {
    await must(w.mom.post(url(`/aids/${aidId}/bids`), { amountCents: 10_000_000 }));
    const waiting = await aid(w.dad, aidId);
    expect(waiting.blindBidding).toMatchObject({ waitingFor: ['payer'] });
    expect(waiting.blindBidding!.rounds[0]!.figures).toEqual({ claimant: null, payer: null });
    const first = json<Aid>(
      await must(w.dad.post(url(`/aids/${aidId}/bids`), { amountCents: CANARY_CENTS })),
    );
    expect(first.blindBidding!.rounds[0]).toMatchObject({
      result: 'no_overlap',
      text: 'No overlap yet.',
      figures: { claimant: null, payer: CANARY_CENTS },
    });
    // Round 2: $95,000 against $90,000 is $5,000 apart, more than 5% of the demand ($4,750).
    await must(w.mom.post(url(`/aids/${aidId}/bids`), { amountCents: 9_500_000 }));
    const back = await w.dad.post(url(`/aids/${aidId}/bids`), { amountCents: 8_000_000 });
    expect(json<Refusal>(back).error.fields.amountCents).toMatch(/cannot be lower than your last one/);
    await must(w.dad.post(url(`/aids/${aidId}/bids`), { amountCents: 9_000_000 }));
    expect((await aid(w.mom, aidId)).blindBidding).toMatchObject({
      state: 'bidding',
      round: 3,
      roundsLeft: 1,
    });
    // Round 3: $94,000 against $91,000 is $3,000 apart, within 5% ($4,700): settle at $92,500.
    await must(w.dad.post(url(`/aids/${aidId}/bids`), { amountCents: 9_100_000 }));
    const settled = json<Aid>(await must(w.mom.post(url(`/aids/${aidId}/bids`), { amountCents: 9_400_000 })));
    expect(settled.blindBidding).toMatchObject({
      state: 'settled',
      settlement: { amountCents: 9_250_000, basis: 'within_gap' },
    });
    expect(settled.blindBidding!.rounds.map((r) => r.result)).toEqual(['no_overlap', 'no_overlap', 'settle']);
    expect(settled.blindBidding!.rounds[2]!.text).toContain('$92,500.00');
    expect(settled.blindBidding!.rounds.map((r) => r.figures.payer)).toEqual([null, null, null]);
    expect(settled.can.bid).toBe(false);
    expect((await w.dad.post(url(`/aids/${aidId}/bids`), { amountCents: 9_200_000 })).statusCode).toBe(409);
  });

  it('shows the mediator every figure, as the parties chose', async () => {
    const mediators = await aid(w.mediator, aidId);
    expect(mediators.blindBidding!.rounds.map((r) => r.figures)).toEqual([
      { claimant: 10_000_000, payer: CANARY_CENTS },
      { claimant: 9_500_000, payer: 9_000_000 },
      { claimant: 9_400_000, payer: 9_100_000 },
    ]);
    const made = json<Aid>(await must(w.mediator.post(url(`/aids/${aidId}/option`))));
    const board = json<IssueBoard>(await must(w.mom.get(url('/issues'))));
    expect(board.issues.find((i) => i.id === issueId)!.options[0]!.text).toContain('settle at $92,500.00');
    expect(made.optionId).not.toBeNull();
  });

  it('settles crossing figures at the midpoint, and hides every figure from the mediator if the parties so chose', async () => {
    const other = await addIssue('Buy-out of the business');
    const started = json<Aid>(
      await must(
        w.mediator.post(url(`/issues/${other}/aids`), {
          ...terms,
          claimantSide: 'respondent',
          history: 'no_one',
          gap: { kind: 'amount', cents: 0 },
        }),
      ),
    );
    await must(w.mom.post(url(`/aids/${started.id}/agree`)));
    await must(w.dad.post(url(`/aids/${started.id}/agree`)));
    await must(w.dad.post(url(`/aids/${started.id}/bids`), { amountCents: 5_000_000 }));
    const crossed = json<Aid>(
      await must(w.mom.post(url(`/aids/${started.id}/bids`), { amountCents: 6_000_001 })),
    );
    expect(crossed.blindBidding).toMatchObject({
      myRole: 'payer',
      state: 'settled',
      settlement: { amountCents: 5_500_000, basis: 'crossed' },
    });
    const mediators = await aid(w.mediator, started.id);
    expect(mediators.blindBidding!.rounds[0]!.figures).toEqual({ claimant: null, payer: null });
  });
});

describe('a figure sent by one side reaches no one else', () => {
  /** Every GET route of the API about this case (and the caller's list of cases), as this client. */
  const everyResponse = (client: TestClient) =>
    everyCaseResponse(t, client, { caseId: w.caseId, programId: w.program.id });
  const carries = (text: string) => CANARY_FORMS.some((f) => text.includes(f));

  it('the payer and the mediator see it (so the checks below are not vacuous)', async () => {
    expect(carries(await everyResponse(w.dad))).toBe(true);
    expect(carries(await everyResponse(w.mediator))).toBe(true);
  });

  it('no response to the other side, the attorney beside them or the program carries it', async () => {
    for (const client of [w.mom, w.lawyer, w.coordinator])
      expect(carries(await everyResponse(client))).toBe(false);
  });

  it('no e-mail, export, audit event or log line carries it', async () => {
    const mails = await t.db.selectFrom('outbox_emails').selectAll().execute();
    for (const m of mails)
      expect(carries([m.subject, m.text_body, m.html_body ?? '', m.attachments].join('\n'))).toBe(false);
    for (const client of [w.mom, w.dad]) expect(carries((await exportOf(client)).text)).toBe(false);
    const audit = await t.db.selectFrom('audit_events').select(['kind', 'data']).execute();
    expect(audit.filter((e) => e.kind === 'aid.bid_sent').length).toBeGreaterThan(5);
    for (const e of audit) expect(carries(e.data)).toBe(false);
    const logs = t.logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    expect(carries(logs)).toBe(false);
  });

  it('the database holds the figures, points and items only as ciphertext', async () => {
    const stored = await storedText(t);
    expect(stored).toContain('Property and debts');
    for (const s of [...CANARY_FORMS, CANARY_ITEM]) expect(stored).not.toContain(s);
  });
});
