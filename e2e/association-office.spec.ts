import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  openLatestEmail,
  signInAs,
  testClock,
  uniqueEmail,
  visit,
} from './support.ts';

const shots = 'test-results/screenshots/association-office';
const shot = (page: Page, name: string, project: string) =>
  page.screenshot({ path: `${shots}/${project}-${name}.png`, fullPage: true });

test('a visitor signs up for The Communicator, confirms from the e-mail, and reads the jobs board', async ({
  page,
  browser,
}, testInfo) => {
  // Three people in turn (staff, a visitor, staff again), each with their own pages.
  test.setTimeout(120_000);
  const project = testInfo.project.name;
  const email = uniqueEmail('reader', project);

  // Staff post an opening on the jobs board, open for a month from the server's today.
  const title = `Community mediator (${project})`;
  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, 'staff@demo.parley.test');
  await visit(staff, '/association/staff/jobs', 'Jobs board');
  const until = new Date((await testClock(staff)).getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  await staff.getByText('Post an opening').click();
  await staff.getByLabel('Job title').fill(title);
  await staff.getByLabel('Organization').fill('Ozarks Community Mediation Center');
  await staff.getByLabel('Place').fill('Springfield, Missouri');
  await staff
    .getByLabel('About the job')
    .fill('Mediate neighbor, landlord and small-claims disputes two evenings a week.');
  await staff.getByLabel('How to apply').fill('Write to the center director with your training record.');
  await staff.getByLabel('Listing ends on').fill(until);
  await staff.getByRole('button', { name: 'Post the opening' }).click();
  await expect(staff.getByText('Your listing is posted.')).toBeVisible();
  await expectNoAxeViolations(staff);
  await staff.context().close();

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

  // Staff find the confirmed sign-up by part of its address and download what the search found.
  const desk = await (await browser.newContext()).newPage();
  await signInAs(desk, 'staff@demo.parley.test');
  await visit(desk, '/association/staff/newsletter', 'The Communicator');
  await desk.getByLabel('Search sign-ups').fill(email.split('@')[0]!.toUpperCase());
  await desk.getByLabel('State').selectOption({ label: 'Confirmed: gets each issue' });
  await desk.getByRole('button', { name: 'Find sign-ups' }).click();
  await expect(desk).toHaveURL(/status=confirmed/);
  const signUps = desk.getByRole('region', { name: 'Sign-ups found' });
  await expect(signUps.getByRole('row')).toHaveCount(2);
  await expect(signUps.getByRole('row').nth(1)).toContainText(email);
  await expectNoAxeViolations(desk);
  await shot(desk, 'staff-sign-ups', project);
  const [download] = await Promise.all([
    desk.waitForEvent('download'),
    desk.getByRole('link', { name: 'Download these sign-ups (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^newsletter-sign-ups-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\r\n');
  expect(rows).toEqual([
    'E-mail,State,Signed up,Confirmed,Unsubscribed',
    expect.stringMatching(new RegExp(`^${email.replace(/[.+]/g, '\\$&')},Confirmed: gets each issue,`)),
  ]);
  await desk.context().close();

  // The jobs board, from the newsletter page's links.
  await page.getByRole('link', { name: 'past issues' }).click();
  await page
    .getByRole('navigation', { name: 'The association' })
    .getByRole('link', { name: 'Mediation jobs' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mediation jobs in Missouri' })).toBeVisible();
  const job = page.getByRole('listitem').filter({ hasText: title });
  await expect(job).toContainText('Ozarks Community Mediation Center');
  await expect(job).toContainText('How to apply:');
  await expectNoAxeViolations(page);
  await shot(page, 'jobs', project);
});

test('staff find a member by search, open the record, and export the list as CSV', async ({
  page,
}, testInfo) => {
  const project = testInfo.project.name;
  await signInAs(page, 'staff@demo.parley.test');
  await visit(page, '/association/staff', 'Association staff');
  await page.getByRole('heading', { level: 2, name: 'Members' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Search').fill('nolan');
  await page.getByRole('button', { name: 'Find members' }).click();
  await expect(page).toHaveURL(/q=nolan/);
  const found = page.getByRole('region', { name: 'Members found' });
  const row = found.getByRole('row').filter({ hasText: 'member@demo.parley.test' });
  // The state depends on how far other journeys moved the test clock; the record must say the same.
  const state = (await row.getByRole('cell').nth(2).innerText()).split(':')[0]!.trim();
  expect(['Active', 'Overdue (grace period)', 'Lapsed']).toContain(state);
  await expect(found.getByRole('row')).toHaveCount(2);
  await expectNoAxeViolations(page);
  await shot(page, 'members', project);

  // The list as a spreadsheet: the members the search found.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download this list (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^members-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\r\n');
  expect(csv[0]).toBe('Name,E-mail,Tier,State,Paid until,Benefits stop on,Open invoice,Amount owed');
  expect(csv).toHaveLength(2);
  expect(csv[1]).toContain(`Chris Nolan,member@demo.parley.test,Full,${state},`);

  // The member's record: the same state the member reads, and the history.
  await row.getByRole('link', { name: 'Chris Nolan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chris Nolan' })).toBeVisible();
  await expect(page.getByTestId('membership-status')).toHaveText(state);
  for (const section of [
    'Tiers',
    'Invoices and payments',
    'Trainings and events',
    'Continuing education hours',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  await expectNoAxeViolations(page);
  await shot(page, 'member-record', project);
});
