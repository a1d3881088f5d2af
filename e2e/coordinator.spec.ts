import { expect, test } from '@playwright/test';
import { readyToScheduleCase } from './api.ts';
import {
  DEMO_PASSWORD,
  expectNoAxeViolations,
  expectSignedIn,
  followNav,
  openPanel,
  signInAs,
  signOut,
} from './support.ts';

test('the DESE coordinator signs in and sees their account and program', async ({ page }) => {
  await page.goto('/');
  await expectNoAxeViolations(page);

  await followNav(page, 'Sign in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A wrong password is refused with the message next to the password field.
  await page.getByLabel('E-mail address').fill('coordinator@demo.parley.test');
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('do not match');
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  // A coordinator's home is the program's work queue.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Work queue' })).toBeVisible();
  await expectNoAxeViolations(page);
  await followNav(page, 'My account');
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await expect(page.getByText('Hello, Dana Whitfield.')).toBeVisible();
  const roles = page.getByRole('region', { name: 'Your roles and programs' });
  await expect(roles).toContainText('Program coordinator in Missouri Special Education Mediation (DESE)');
  await expectSignedIn(page);
  await expectNoAxeViolations(page);

  await followNav(page, 'Programs');
  await expect(page.getByRole('heading', { level: 1, name: 'Mediation programs' })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Missouri Special Education Mediation (DESE)' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await signOut(page);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('the coordinator works the queue: a saved view, a filter, a search, a case opened, a deadline extended, the list downloaded', async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  const { reference } = await readyToScheduleCase(playwright, baseURL!, {
    districtEmail: `queue-${testInfo.project.name}-${Date.now()}@riverside.example`,
    categories: ['provision_of_services'],
  });

  await signInAs(page, 'coordinator@demo.parley.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Work queue' })).toBeVisible();
  const views = page.getByRole('navigation', { name: 'Saved views' });
  await views.getByRole('button', { name: 'Waiting for a mediator' }).click();
  await expect(page).toHaveURL(/view=waiting_for_mediator/);
  await views.getByRole('button', { name: 'All cases' }).click();

  await openPanel(page, 'Search and filters');
  const find = page.getByRole('form', { name: 'Find cases' });
  await find.getByLabel('State').selectOption({ label: 'Ready to schedule' });
  await find.getByRole('searchbox', { name: 'Search' }).fill(reference);
  await find.getByRole('button', { name: 'Show cases' }).click();
  await expect(page).toHaveURL(/state=ready_to_schedule/);
  const queue = page.getByRole('table', { name: 'Cases in this program' });
  await expect(queue.getByRole('row')).toHaveCount(2);
  await expect(queue.getByRole('link', { name: reference })).toBeVisible();
  await expect(queue.getByText('Jordan Reyes')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('work-queue.png'), fullPage: true });

  await queue.getByRole('link', { name: reference }).click();
  const deadlines = page.getByRole('region', { name: 'Deadlines' });
  await expect(deadlines).toBeVisible();
  // Each running deadline moves out (so the one the queue shows next is an extended one).
  const running = await deadlines.getByText('Extend this deadline').count();
  expect(running).toBeGreaterThan(0);
  for (let i = 0; i < running; i++) {
    await deadlines.getByText('Extend this deadline').nth(i).click();
    const extend = deadlines.getByRole('form').nth(i);
    if (i === 0) {
      await extend.getByRole('button', { name: 'Extend the deadline' }).click();
      await expect(extend.getByLabel('New date')).toHaveAttribute('aria-invalid', 'true');
    }
    await extend.getByLabel('New date').fill(`2099-06-0${i + 1}`);
    await extend.getByLabel('Why it is extended').fill('Both sides asked for time to gather records');
    await extend.getByRole('button', { name: 'Extend the deadline' }).click();
    await expect(deadlines.getByText(/Extended from .*: Both sides asked for time/)).toHaveCount(i + 1);
  }
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('deadline-extended.png'), fullPage: true });

  await page.goBack();
  await expect(queue.getByText(/extended; was/)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download this list (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^work-queue-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await (await download.createReadStream()).toArray()).join('');
  const [header, ...rows] = text.trim().split('\r\n');
  expect(header!.split(',')).toEqual([
    'Case number',
    'Title',
    'State',
    'Parties',
    'Mediator',
    'Next deadline',
    'Due',
    'Originally due',
    'Deadline status',
    'Opened',
    'Days open',
    'Kind',
    'County',
  ]);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toContain(reference);
  expect(rows[0]).toContain('Ready to schedule');
  expect(rows[0]).toContain('2099-06-01');
});
