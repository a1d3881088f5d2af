import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signInAs, signOut, visit } from './support.ts';

/**
 * The pages no other journey checks, each checked (axe, no schema wording) and pictured at this
 * screen size under test-results/screenshots/pages/, so that every page has its picture at both
 * sizes: each role's home, My cases, the work queue with its filters folded on a phone, the
 * mediator's private notes, the review of training records, and the links opened from e-mails.
 */
test('the pages no other journey opens are checked and pictured at this size', async ({ page }) => {
  await visit(page, '/unlock-account', /unlock/i);
  await visit(page, '/newsletter/unsubscribe', 'The Communicator by e-mail');

  await signInAs(page, 'parent@demo.parley.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Your cases' })).toBeVisible();
  await expect(page.locator('.work-next').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await visit(page, '/cases', 'My cases');
  await signOut(page);

  // The coordinator's home is the work queue: the cases come first, the search folds away on a phone.
  await signInAs(page, 'coordinator@demo.parley.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Work queue' })).toBeVisible();
  const panel = page.locator('details.queue-filter-panel');
  await expect(panel.locator('summary')).toContainText(/Search and filters · \d+ cases? shown/);
  if (test.info().project.name === 'phone') await expect(panel).not.toHaveAttribute('open', '');
  await expect(page.getByRole('table', { name: 'Cases in this program' })).toBeVisible();
  await expectNoAxeViolations(page);
  await signOut(page);

  await signInAs(page, 'mediator@demo.parley.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Your desk' })).toBeVisible();
  await expectNoAxeViolations(page);
  await visit(page, '/cases', 'My cases');
  await page
    .getByRole('main')
    .getByRole('link', { name: /^SE-\d{4}-/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Case / })).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}/notes`);
  await expect(page.getByRole('heading', { level: 1, name: 'My private notes' })).toBeVisible();
  await expectNoAxeViolations(page);
  await signOut(page);

  await signInAs(page, 'staff@demo.parley.test');
  await visit(page, '/directory/review', 'Training records to check');
});
