import { type Browser, expect, type Page, test } from '@playwright/test';
import { pdfText } from './api.ts';
import { createConfirmedAccount, expectNoAxeViolations, signInAs, uniqueEmail, visit } from './support.ts';

const shots = 'test-results/screenshots/association';
const shot = (page: Page, name: string, project: string) =>
  page.screenshot({ path: `${shots}/${project}-${name}.png`, fullPage: true });

async function staffPage(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, 'staff@demo.parley.test');
  return page;
}

test('a member pays dues by card, renews at another tier after confirming, pays by check, and staff see both', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const project = testInfo.project.name;
  // A name of their own in each run: the staff's list of payments shows every run's.
  const person = {
    name: project === 'phone' ? 'Morgan Ellis Reyes' : 'Morgan Ellis Grant',
    email: uniqueEmail('payer', project),
    password: 'a long enough password',
  };
  await createConfirmedAccount(page, person);
  await signInAs(page, person.email, person.password);

  // Joining writes an invoice, shown with the ways to pay.
  await visit(page, '/association', 'Join the Association of Missouri Mediators');
  await page.getByRole('button', { name: 'Join as Full' }).click();
  const invoice = page.getByRole('region', { name: /^Invoice INV-\d{4}-\w{8}: \$95\.00 to pay$/ });
  await expect(invoice).toBeVisible();
  await expect(invoice).toContainText('Or pay by check');
  await expectNoAxeViolations(page);
  await shot(page, 'invoice', project);

  // By card: the provider's checkout page (a stand-in here), then back with the receipt.
  await invoice.getByRole('button', { name: 'Pay $95.00 by card' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Simulated card payment' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Pay $95.00' }).click();
  await expect(page).toHaveURL(/\/association\?paid=INV-/);
  await expect(page.getByTestId('membership-status')).toHaveText('Active');
  const receiptLink = page.getByRole('link', { name: /Receipt AMM-/ });
  await expect(receiptLink).toHaveCount(1);
  const receipt = pdfText(await (await page.request.get((await receiptLink.getAttribute('href'))!)).body());
  expect(receipt).toContain(`Received from: ${person.name}`);
  expect(receipt).toContain('For: Full membership dues, one year');
  expect(receipt).toContain('Amount: $95.00');
  expect(receipt).toContain('Paid by: Card, paid online');
  await shot(page, 'paid-by-card', project);

  // Renewing at another tier asks first.
  await page.getByRole('button', { name: 'Renew as Associate' }).click();
  await expect(
    page.getByText('You are a Full member. Renewing as Associate changes your membership'),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Keep Full' }).click();
  await expect(page.getByRole('button', { name: 'Yes, change to Associate' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Renew as Associate' }).click();
  await page.getByRole('button', { name: 'Yes, change to Associate' }).click();
  await expect(page.getByRole('region', { name: /^Invoice INV-.*to pay$/ })).toContainText(
    'Associate membership dues, one year',
  );

  // Staff see the renewal waiting for dues, record the check, and see both payments.
  const staff = await staffPage(browser);
  await visit(staff, '/association/staff', 'Association staff');
  await staff.getByRole('heading', { level: 2, name: 'Renewals and dues' }).getByRole('link').click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Renewals and dues' })).toBeVisible();
  const waiting = staff.getByRole('listitem').filter({ hasText: person.email });
  await expect(waiting).toContainText('(renewal)');
  await waiting.getByText(`Record a dues payment for ${person.name}`).click();
  await waiting.getByLabel('Check number or note').fill('Check 3310');
  await waiting.getByRole('button', { name: 'Record payment' }).click();
  await expect(staff.getByText(`Payment recorded for ${person.name}`)).toBeVisible();
  const payments = staff.getByRole('region', { name: 'Payments found' });
  const rows = payments.getByRole('row').filter({ hasText: person.name });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Card, paid online' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Check' })).toHaveCount(1);
  await expectNoAxeViolations(staff);
  await shot(staff, 'payments', project);
  await staff.context().close();
});
