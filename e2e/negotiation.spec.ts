import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page, type TestInfo, test } from '@playwright/test';
import { NEGOTIATION_DEMO } from '../server/db/seed/negotiation-demo.ts';
import { apiAs, type Playwright } from './api.ts';
import { DEMO_PASSWORD, expectNoAxeViolations, signInAs } from './support.ts';

/** The other side's page learns of a change by polling every 4 s: a few polls on a loaded machine. */
const POLLED = { timeout: 20_000 };

/**
 * The negotiation aids on the issues board, on the demo's family and civil cases in mediation:
 * the mediator turns an aid on for a new issue, each party answers in private from their own
 * browser, and the result comes back to the table as an option. Each project adds its own issue,
 * so the desktop and phone runs share the seeded cases without meeting.
 */
const SHOTS = 'test-results/screenshots/negotiation';

async function personPage(page: Page, email: string) {
  const browser = page.context().browser()!;
  const ctx = await browser.newContext({
    baseURL: new URL(page.url()).origin,
    viewport: page.viewportSize(),
  });
  const p = await ctx.newPage();
  p.on('pageerror', (error) => console.error(`page error for ${email}: ${error.message}`));
  await signInAs(p, email, DEMO_PASSWORD);
  return p;
}

/** The seeded case's id, as its mediator's list of cases has it. */
async function caseIdOf(playwright: Playwright, baseURL: string, title: string) {
  const mediator = await apiAs(playwright, baseURL, 'mediator@demo.parley.test');
  const list = (await (await mediator.get('/api/v1/cases')).json()) as
    | { id: string; title: string }[]
    | { cases: { id: string; title: string }[] };
  const cases = Array.isArray(list) ? list : list.cases;
  return cases.find((c) => c.title === title)!.id;
}

async function openBoard(p: Page, caseId: string) {
  await p.goto(`/cases/${caseId}/issues`);
  await expect(p.getByRole('heading', { level: 1, name: 'Issues and options' })).toBeVisible();
}

/** The mediator adds an issue and returns its section of the board. */
async function addIssue(mediator: Page, title: string): Promise<Locator> {
  await mediator.getByLabel('Or name another issue').fill(title);
  await mediator.getByRole('button', { name: 'Add my issue' }).click();
  const issue = mediator.getByRole('region', { name: title, exact: true });
  await expect(issue).toBeVisible();
  return issue;
}

/**
 * A journey's scene: its screenshots' names, the seeded case (family for Adjusted Winner, civil
 * for blind bidding), and the mediator on its board with a new issue (named for the project)
 * whose aid form is open.
 */
async function scene(
  { page, playwright, baseURL }: { page: Page; playwright: Playwright; baseURL: string | undefined },
  info: TestInfo,
  aid: 'aw' | 'bb',
) {
  const story = NEGOTIATION_DEMO[aid === 'aw' ? 'family' : 'civil'];
  const issueTitle = aid === 'aw' ? 'Property and debts' : 'The amount to settle the claim';
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const project = info.project.name;
  const shot = (p: Page, name: string) =>
    p.screenshot({ path: `${SHOTS}/${project}-${aid}-${name}.png`, fullPage: true });
  const caseId = await caseIdOf(playwright, baseURL!, story.title);
  const title = `${issueTitle} (${project})`;
  await signInAs(page, 'mediator@demo.parley.test');
  await openBoard(page, caseId);
  const onMediators = await addIssue(page, title);
  await onMediators.getByText(`Use a negotiation aid for “${title}”`).click();
  return { shot, caseId, title, onMediators };
}

test('a family case divides five items by Adjusted Winner', async ({ page, playwright, baseURL }, info) => {
  const { shot, caseId, title, onMediators } = await scene({ page, playwright, baseURL }, info, 'aw');
  const mediator = page;
  const [casey, riley] = NEGOTIATION_DEMO.family.parties;
  await onMediators
    .getByLabel('Items to divide, one on each line')
    .fill(['House', 'Car', 'Savings', 'Pension', 'Grandmother’s quilt'].join('\n'));
  await onMediators.getByRole('button', { name: 'Turn on Adjusted Winner' }).click();
  await expect(onMediators.getByRole('region', { name: 'Adjusted Winner' })).toBeVisible();
  await expectNoAxeViolations(mediator);

  // Each parent spreads 100 points in private, from their own browser.
  const points = async (email: string, values: number[], who: string) => {
    const p = await personPage(page, email);
    await openBoard(p, caseId);
    const aid = p
      .getByRole('region', { name: title, exact: true })
      .getByRole('region', { name: 'Adjusted Winner' });
    await aid.getByText('How Adjusted Winner works').click();
    await expect(aid.getByText('This is a suggestion for discussion, not a decision.').first()).toBeVisible();
    const labels = ['House', 'Car', 'Savings', 'Pension', 'Grandmother’s quilt'];
    // A total short of 100 is refused with the reason beside the form.
    for (const [i, label] of labels.entries())
      await aid.getByLabel(`Points for “${label}”`).fill(String(values[i]! - (i === 0 ? 10 : 0)));
    await aid.getByRole('button', { name: 'Send my points' }).click();
    await expect(aid.getByText(/add up to 90/).first()).toBeVisible();
    await aid.getByLabel('Points for “House”').fill(String(values[0]));
    await expect(aid.getByText('You have given 100 of 100 points.')).toBeVisible();
    await expectNoAxeViolations(p);
    await shot(p, `${who}-points`);
    await aid.getByRole('button', { name: 'Send my points' }).click();
    await expect(aid.getByText(`${who === 'casey' ? casey.name : riley.name}: points sent.`)).toBeVisible();
    return { p, aid };
  };
  const first = await points(casey.email, [50, 10, 20, 10, 10], 'casey');
  const second = await points(riley.email, [30, 30, 10, 20, 10], 'riley');

  // The division: the house shared 7/8 and 1/8, 63 3/4 points each; each sees only their own points.
  for (const { p, aid } of [first, second]) {
    await expect(aid.getByText('Each side ends with 63 3/4 points, by their own count.')).toBeVisible(POLLED);
    const house = aid.getByRole('row', { name: /^House/ });
    await expect(house.getByRole('cell').nth(0)).toContainText('7/8');
    await expect(house.getByRole('cell').nth(1)).toContainText('1/8');
    await expectNoAxeViolations(p);
  }
  await expect(first.aid.getByRole('row', { name: /^House/ })).toContainText('gave 50 points');
  await expect(first.aid.getByRole('row', { name: /^House/ })).not.toContainText('gave 30 points');
  await shot(first.p, 'casey-division');

  // The mediator shows both sides the points and puts the suggestion on the issue.
  const aid = onMediators.getByRole('region', { name: 'Adjusted Winner' });
  await mediator.reload();
  await aid.getByRole('button', { name: 'Show both sides each other’s points' }).click();
  await aid.getByRole('button', { name: 'Put this suggestion on the issue as an option' }).click();
  await expect(aid.getByText('This suggestion is on the issue as an option.')).toBeVisible();
  await expect(
    onMediators.getByText(/Adjusted Winner suggestion\. Casey Morgan: 7\/8 of House; Savings\./),
  ).toBeVisible();
  await expectNoAxeViolations(mediator);
  await shot(mediator, 'mediator-option');
  await first.p.reload();
  await expect(first.aid.getByRole('row', { name: /^House/ })).toContainText('gave 30 points');
});

test('a civil case settles a claim by blind bidding in three rounds', async ({
  page,
  playwright,
  baseURL,
}, info) => {
  const { shot, caseId, title, onMediators } = await scene({ page, playwright, baseURL }, info, 'bb');
  const mediator = page;
  const [dana, chris] = NEGOTIATION_DEMO.civil.parties;
  await onMediators.getByLabel(/^Blind bidding/).check();
  await expect(onMediators.getByLabel('Who asks for money')).toHaveValue('requester');
  await onMediators.getByLabel('The agreed gap, in percent').fill('5');
  await onMediators.getByLabel('Most rounds').fill('3');
  await expectNoAxeViolations(mediator);
  await onMediators.getByRole('button', { name: 'Turn on blind bidding' }).click();
  const bidding = onMediators.getByRole('region', { name: 'Blind bidding' });
  await expect(bidding.getByText('There are at most 3 rounds.')).toBeVisible();

  const party = async (email: string) => {
    const p = await personPage(page, email);
    await openBoard(p, caseId);
    const aid = p
      .getByRole('region', { name: title, exact: true })
      .getByRole('region', { name: 'Blind bidding' });
    await aid.getByRole('button', { name: 'We agree to these terms' }).click();
    return { p, aid };
  };
  const claimant = await party(dana.email);
  const payer = await party(chris.email);
  await expect(payer.aid.getByText('Round 1 of 3.')).toBeVisible(POLLED);
  await expectNoAxeViolations(payer.p);

  const send = async (side: { aid: Locator }, name: 'demand' | 'offer', round: number, dollars: string) => {
    const field = side.aid.getByLabel(`Your ${name} for round ${round}, in dollars`);
    await expect(field).toBeVisible();
    await field.fill(dollars);
    await side.aid.getByRole('button', { name: `Send my ${name}` }).click();
  };
  // A negative offer is refused, naming the figure.
  await send(payer, 'offer', 1, '-500');
  await expect(payer.aid.getByText('Your offer cannot be less than $0.')).toBeVisible();
  await send(claimant, 'demand', 1, '100,000');
  await expect(
    claimant.aid.getByText('You have sent your demand for this round. Waiting for the other side.'),
  ).toBeVisible();
  await send(payer, 'offer', 1, '80,000');
  await expect(claimant.aid.getByText('Round 1: No overlap yet.')).toBeVisible(POLLED);
  await expect(claimant.aid).not.toContainText('80,000');
  await shot(claimant.p, 'dana-round-1');
  await send(claimant, 'demand', 2, '95,000');
  await send(payer, 'offer', 2, '90,000');
  await expect(payer.aid.getByText('Round 2: No overlap yet.')).toBeVisible();
  await expect(payer.aid).not.toContainText('95,000');
  await send(payer, 'offer', 3, '91,000');
  await send(claimant, 'demand', 3, '94,000');
  for (const side of [claimant, payer]) {
    await expect(side.aid.getByText('Parley suggests settling at $92,500.00', { exact: true })).toBeVisible(
      POLLED,
    );
    await expectNoAxeViolations(side.p);
  }
  await expect(claimant.aid).not.toContainText('91,000');
  await shot(payer.p, 'chris-settled');

  // The mediator sees every round's figures, as the terms allowed, and brings the figure to the table.
  await mediator.reload();
  await expect(
    bidding.getByText('Round 1: No overlap yet. Demand: $100,000.00. Offer: $80,000.00.'),
  ).toBeVisible();
  await bidding.getByRole('button', { name: 'Put this suggestion on the issue as an option' }).click();
  await expect(onMediators.getByText(/Blind bidding suggestion: settle at \$92,500\.00/)).toBeVisible();
  await expectNoAxeViolations(mediator);
  await shot(mediator, 'mediator-option');
});
