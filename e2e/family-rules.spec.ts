import { expect, test } from '@playwright/test';
import { familyCaseAppointed, PARENT_PASSWORD } from './api.ts';
import { expectNoAxeViolations, journeyShots, personPage, signInAs } from './support.ts';

const SHOTS = 'test-results/screenshots/family-rules';

test('Rule 88.06: the mediator writes the fees in figures into the Agreement to Mediate before the parents sign', async ({
  page,
  browser,
  playwright,
  baseURL,
}, info) => {
  const shot = journeyShots(SHOTS, info);
  const { caseId, emails } = await familyCaseAppointed(playwright, baseURL!, info.project.name);

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
  await shot(page, 'mediator-disclosure');

  // A parent reads it and can sign.
  const parentPage = await personPage(browser, page, emails.pat, PARENT_PASSWORD);
  await parentPage.goto(`/cases/${caseId}`);
  const text = parentPage.getByRole('document', { name: 'Agreement to Mediate text' });
  await expect(text).toContainText('Pat Lane pays 50% and Riley Lane pays 50%.');
  await expect(text).toContainText('I coached Pat’s soccer team in 2019.');
  await expect(parentPage.getByRole('button', { name: 'Sign the Agreement to Mediate' })).toBeVisible();
  await expectNoAxeViolations(parentPage);
  await shot(parentPage, 'parent-reads-disclosure');
  await parentPage.context().close();
});
