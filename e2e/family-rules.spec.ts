import { expect, type Page, test } from '@playwright/test';
import { unconcernedFor } from '../domain/screening.ts';
import { apiAs, call, mailsTo, type Playwright } from './api.ts';
import { expectNoAxeViolations, signInAs, uniqueEmail } from './support.ts';

const SHOTS = 'test-results/screenshots/family-rules';
const PARENT_PASSWORD = 'a long parent password';

async function shot(page: Page, name: string, project: string) {
  await page.screenshot({ path: `${SHOTS}/${project}-${name}.png`, fullPage: true });
}

/**
 * A Rule 88 family case at the Agreement to Mediate, set through the API: the family program's
 * coordinator enters the court's referral, both parents join by their links and answer screening,
 * the coordinator appoints the demo mediator, who accepts.
 */
async function familyCaseAtAgreement(playwright: Playwright, baseURL: string, project: string) {
  const coordinator = await apiAs(playwright, baseURL, 'family.coordinator@demo.parley.test');
  const programs = (await (await coordinator.get('/api/v1/programs')).json()) as {
    id: string;
    kind: string;
  }[];
  const programId = programs.find((p) => p.kind === 'family')!.id;
  const emails = { pat: uniqueEmail('pat', project), riley: uniqueEmail('riley', project) };
  const created = await call(coordinator, 'POST', '/api/v1/cases', {
    form: 'court_referral',
    programId,
    requester: { name: 'Pat Lane', email: emails.pat },
    respondent: { name: 'Riley Lane', email: emails.riley },
    description: 'Parenting time after separation.',
    caseType: 'family',
    court: 'Circuit Court of Jackson County',
    circuit: 16,
    caseNumber: `2616-FC-${project}`,
    rule: '88',
    orderDate: '2026-02-20',
    issues: ['parenting_time'],
  });
  const { id: caseId } = (await created.json()) as { id: string };
  const c = `/api/v1/cases/${caseId}`;
  const parents = [];
  for (const [email, side] of [
    [emails.pat, 'requester'],
    [emails.riley, 'respondent'],
  ] as const) {
    const invite = (await mailsTo(coordinator, email, 'invitation-case-party'))[0]!;
    const token = /#token=([A-Za-z0-9_-]+)/.exec(invite.text)![1];
    const parent = await apiAs(playwright, baseURL);
    await call(parent, 'POST', '/api/v1/invitations/accept', { token, password: PARENT_PASSWORD });
    parents.push({ parent, side });
  }
  // Screening opens once both sides are taking part.
  for (const { parent, side } of parents)
    await call(parent, 'PUT', `${c}/screening`, { answers: unconcernedFor('abuse', side), note: '' });
  await call(coordinator, 'POST', `${c}/screening/decision`, { decision: 'proceed', safeguards: [] });
  const options = (await (await coordinator.get(`${c}/mediator-options`)).json()) as {
    roster: { userId: string; name: string }[];
  };
  // The demo mediator (mediator@demo.parley.test) is Helen Park, on the family roster.
  const helen = options.roster.find((r) => r.name === 'Helen Park')!.userId;
  await call(coordinator, 'POST', `${c}/mediator/appointment`, { mediatorId: helen });
  return { caseId, emails };
}

test('Rule 88.06: the mediator writes the fees in figures into the Agreement to Mediate before the parents sign', async ({
  page,
  playwright,
  baseURL,
}, info) => {
  const project = info.project.name;
  const { caseId, emails } = await familyCaseAtAgreement(playwright, baseURL!, project);

  // The mediator accepts the appointment and finds the disclosure form on the case page.
  await signInAs(page, 'mediator@demo.parley.test');
  await page.goto(`/cases/${caseId}`);
  await page.getByRole('button', { name: 'Accept this case' }).click();
  const form = page.getByRole('region', { name: /Your written disclosure/ });
  await expect(form).toBeVisible();
  await expectNoAxeViolations(page);
  await form.getByLabel('Fee per hour, in dollars').fill('0');
  await form.getByRole('button', { name: 'Write into the agreement' }).click();
  await expect(form.getByText(/more than \$0/)).toBeVisible();
  await form.getByLabel('Fee per hour, in dollars').fill('125');
  await form.getByLabel('I have a relationship with a party').check();
  await form.getByLabel('Describe the relationship or interest').fill('I coached Pat’s soccer team in 2019.');
  await form.getByRole('button', { name: 'Write into the agreement' }).click();
  await expect(page.getByText(/Written into the agreement/)).toBeVisible();
  await expect(page.getByRole('document', { name: 'Agreement to Mediate text' })).toContainText(
    'the mediator charges $125.00 an hour',
  );
  await expectNoAxeViolations(page);
  await shot(page, 'mediator-disclosure', project);

  // A parent reads it and can sign.
  const ctx = await page
    .context()
    .browser()!
    .newContext({ baseURL: baseURL!, viewport: page.viewportSize()! });
  const parentPage = await ctx.newPage();
  await signInAs(parentPage, emails.pat, PARENT_PASSWORD);
  await parentPage.goto(`/cases/${caseId}`);
  const text = parentPage.getByRole('document', { name: 'Agreement to Mediate text' });
  await expect(text).toContainText('Pat Lane pays 50% and Riley Lane pays 50%.');
  await expect(text).toContainText('I coached Pat’s soccer team in 2019.');
  await expect(parentPage.getByRole('button', { name: 'Sign the Agreement to Mediate' })).toBeVisible();
  await expectNoAxeViolations(parentPage);
  await shot(parentPage, 'parent-reads-disclosure', project);
  await ctx.close();
});
