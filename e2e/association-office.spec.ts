import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, openLatestEmail, uniqueEmail, visit } from './support.ts';

const shots = 'test-results/screenshots/association-office';
const shot = (page: Page, name: string, project: string) =>
  page.screenshot({ path: `${shots}/${project}-${name}.png`, fullPage: true });

test('a visitor signs up for The Communicator, confirms from the e-mail, and reads the jobs board', async ({
  page,
}, testInfo) => {
  const project = testInfo.project.name;
  const email = uniqueEmail('reader', project);

  // The association's page links to the newsletter and the jobs board.
  await visit(page, '/association', 'Join the Association of Missouri Mediators');
  await page
    .getByRole('navigation', { name: 'The association' })
    .getByRole('link', { name: 'The Communicator, our newsletter' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'The Communicator' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to the new Communicator' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A wrong address is named beside the field.
  await page.getByLabel('Your e-mail address').fill('not an address');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByText('Enter an e-mail address like name@example.com').first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Your e-mail address').fill(email);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByText(`We sent a link to ${email}`)).toBeVisible();
  await shot(page, 'newsletter', project);

  // The link in the e-mail confirms the sign-up.
  const message = await openLatestEmail(page, email, /Please confirm: The Communicator/);
  await message.getByRole('link', { name: /newsletter\/confirm/ }).click();
  await expect(page.getByRole('status').getByText('You are signed up')).toBeVisible();
  await expect(page.getByText(`The next issue of The Communicator comes to ${email}`)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'newsletter-confirmed', project);

  // The jobs board, from the newsletter page's links.
  await page.getByRole('link', { name: 'past issues' }).click();
  await page
    .getByRole('navigation', { name: 'The association' })
    .getByRole('link', { name: 'Mediation jobs' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mediation jobs in Missouri' })).toBeVisible();
  const job = page.getByRole('listitem').filter({ hasText: 'Family mediator (part time)' });
  await expect(job).toContainText('Boone County Family Mediation Center');
  await expect(job).toContainText('How to apply:');
  await expectNoAxeViolations(page);
  await shot(page, 'jobs', project);
});
