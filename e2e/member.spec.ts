import { type Browser, expect, type Page, test } from '@playwright/test';
import { pdfText } from './api.ts';
import {
  createConfirmedAccount,
  expectNoAxeViolations,
  openLatestEmail,
  signInAs,
  testClock,
  uniqueEmail,
  visit,
} from './support.ts';

const DAY = 24 * 3600_000;
const shots = 'test-results/screenshots/association';

async function shot(page: Page, name: string, project: string) {
  await page.screenshot({ path: `${shots}/${project}-${name}.png`, fullPage: true });
}

/** Staff work in their own browser, signed in again after the test clock moves. */
async function staffPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, 'staff@demo.parley.test');
  return page;
}

test('a visitor joins, pays by cheque, trains, and the membership runs out', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const project = testInfo.project.name;
  const person = {
    name: 'Riley Morgan',
    email: uniqueEmail('member', project),
    password: 'a long enough password',
  };

  // Public pages.
  await visit(page, '/standards-of-conduct', 'Standards of Conduct for Mediators');
  await expect(page.getByRole('heading', { name: 'IX. Advancement of Mediation Practice' })).toBeVisible();
  await shot(page, 'standards', project);
  await visit(page, '/become-a-mediator', 'Become a mediator in Missouri');
  await visit(page, '/trainings', 'Trainings and events');
  await shot(page, 'trainings', project);

  // Join as a full member.
  await createConfirmedAccount(page, person);
  await signInAs(page, person.email, person.password);
  await visit(page, '/association', 'Join the Association of Missouri Mediators');
  await page.getByRole('button', { name: 'Join as Full' }).click();
  await expect(page.getByTestId('membership-status')).toHaveText('Waiting for dues');
  await expectNoAxeViolations(page);
  await shot(page, 'join', project);

  // Staff record the cheque with the offline provider.
  const staff = await staffPage(browser);
  await visit(staff, '/association/staff/events', 'Events and trainings');
  // Staff put a 16-hour civil core training on the calendar: two days, 8:30 AM to 4:30 PM, ten
  // and eleven days from the server's today.
  const training = `Civil mediation core training (16 hours), ${project}`;
  const today = (await testClock(staff)).getTime();
  const day1 = new Date(today + 10 * DAY).toISOString().slice(0, 10);
  const day2 = new Date(today + 11 * DAY).toISOString().slice(0, 10);
  await staff.getByText('Add a training or event').click();
  await staff.getByLabel('Title').first().fill(training);
  await staff.getByLabel('Given by').fill('University of Missouri');
  await staff.getByLabel('Day 1 date').fill(day1);
  await staff.getByLabel('Day 1 starts').fill('08:30');
  await staff.getByLabel('Day 1 ends').fill('16:30');
  await staff.getByRole('button', { name: 'Add a day' }).click();
  await staff.getByLabel('Day 2 date').fill(day2);
  await staff.getByLabel('Day 2 starts').fill('08:30');
  await staff.getByLabel('Day 2 ends').fill('16:30');
  await expect(staff.getByText('The days hold 16 hours.')).toBeVisible();
  await staff.getByLabel('Place').fill('Columbia, Missouri');
  await staff.getByLabel('Seats (empty for no limit)').fill('12');
  await staff.getByLabel('Member price in dollars').fill('350');
  await staff.getByLabel('Price for others in dollars').fill('450');
  await staff.getByLabel('Hours credited').fill('16');
  await staff.getByRole('button', { name: 'Add to the calendar' }).click();
  await expect(staff.getByText('The training is on the calendar.')).toBeVisible();
  await visit(staff, '/association/staff/dues', 'Renewals and dues');
  const card = staff.getByRole('listitem').filter({ hasText: person.email });
  await card.getByText(`Record a dues payment for ${person.name}`).click();
  await card.getByLabel('Check number or note').fill('Check 2041');
  await expectNoAxeViolations(staff);
  await card.getByRole('button', { name: 'Record payment' }).click();
  await expect(staff.getByText(`Payment recorded for ${person.name}`)).toBeVisible();
  await shot(staff, 'staff', project);

  await page.reload();
  await expect(page.getByTestId('membership-status')).toHaveText('Active');
  await expect(page.getByRole('link', { name: /Receipt AMM-/ })).toBeVisible();
  const receipt = await page.request.get(
    (await page.getByRole('link', { name: /Receipt AMM-/ }).getAttribute('href'))!,
  );
  expect(receipt.headers()['content-type']).toBe('application/pdf');

  // The person publishes their directory profile (the directory's own API), then registers.
  const csrf = (await page.context().cookies()).find((c) => c.name === 'parley_csrf')?.value ?? '';
  const saved = await page.request.put('/api/v1/directory/me', {
    headers: { 'x-csrf-token': csrf },
    data: { displayName: person.name, counties: ['29019'], published: true, areas: ['civil'] },
  });
  expect(saved.ok(), await saved.text()).toBe(true);
  const profileId = ((await saved.json()) as { profile: { id: string } }).profile.id;

  await page.goto('/trainings');
  await page.getByRole('link', { name: training }).click();
  await expect(page.getByRole('heading', { level: 1, name: training })).toBeVisible();
  // Each day in Missouri time, the price said once per kind of person, the hours in all.
  const days = page.getByRole('list').filter({ hasText: 'Day 1:' });
  await expect(days.getByRole('listitem')).toHaveText([
    /^Day 1: \w+, .+, 8:30 AM to 4:30 PM \(8 hours\)$/,
    /^Day 2: \w+, .+, 8:30 AM to 4:30 PM \(8 hours\)$/,
  ]);
  await expect(page.getByText('2 days, 16 hours')).toBeVisible();
  await expect(page.getByText('Members $350.00, others $450.00')).toBeVisible();
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByTestId('registration-status')).toContainText('Registered');
  await expect(page.getByTestId('registration-status')).toContainText('$350.00');
  await expect(page.getByText('To pay, mail a check')).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'training', project);

  // Before the training, staff are offered no attendance to take.
  await staff.goto('/association/staff/events');
  const upcoming = staff.getByRole('listitem').filter({ hasText: training });
  await upcoming.getByText(`Registrations and attendance for ${training}`).click();
  await expect(upcoming.getByRole('row', { name: new RegExp(person.name) })).toContainText('From');
  await expect(upcoming.getByRole('button', { name: /attended/ })).toHaveCount(0);

  // The training happens: staff take attendance for each day.
  await testClock(page, 12 * DAY);
  const staff2 = await staffPage(browser);
  await staff2.goto('/association/staff/events');
  const event = staff2.getByRole('listitem').filter({ hasText: training });
  await event.getByText(`Registrations and attendance for ${training}`).click();
  await event.getByRole('button', { name: `Mark ${person.name} attended on day 1` }).click();
  await expect(event.getByText(`${person.name} is marked as attended on day 1 (1 of 2 days).`)).toBeVisible();
  await event.getByRole('button', { name: `Mark ${person.name} attended on day 2` }).click();
  await expect(event.getByText(`${person.name} attended every day.`)).toBeVisible();
  await expectNoAxeViolations(staff2);
  await shot(staff2, 'attendance', project);

  // The hours are in the training record; the directory sees Rule 17 met; a certificate is issued.
  await signInAs(page, person.email, person.password);
  await visit(page, '/members', 'Members only');
  await expect(page.getByTestId('ce-summary')).toContainText('You have 16 hours this year');
  await expect(page.getByTestId('rule17')).toHaveText(
    'Your directory profile: Meets the Rule 17 training requirement',
  );
  const certificate = page.getByRole('link', { name: /Certificate of attendance/ });
  const pdf = await page.request.get((await certificate.getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(await pdf.body());
  expect(text).toContain(`attended every session of ${training}`);
  expect(text).toContain('16 hours in all');
  await shot(page, 'members', project);

  // Anyone can check the certificate by its code on the public page.
  const code = /Verification code ([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})/.exec(text)?.[1];
  expect(code).toBeDefined();
  const checker = await browser.newContext();
  const check = await checker.newPage();
  await visit(check, '/certificates', 'Check a certificate of attendance');
  await check.getByLabel('Code on the certificate').fill('2222-3333-4444');
  await check.getByRole('button', { name: 'Check' }).click();
  await expect(check.getByRole('alert')).toContainText('No certificate has this code');
  await check.getByLabel('Code on the certificate').fill(code!.toLowerCase());
  await check.getByRole('button', { name: 'Check' }).click();
  const found = check.getByRole('region', { name: 'This certificate is genuine' });
  await expect(found).toContainText(person.name);
  await expect(found).toContainText(training);
  await expect(found).toContainText('Every session: 16 hours');
  await expectNoAxeViolations(check);
  await shot(check, 'certificate-check', project);
  await checker.close();
  const listed = await page.request.get(`/api/v1/directory/mediators/${profileId}`);
  expect(listed.status()).toBe(200);
  expect(JSON.stringify(await listed.json())).toContain('Meets the Rule 17 training requirement');

  // A year on: past the end, grace, with a reminder; then past grace, lapsed, and the listing is gone.
  await testClock(page, 360 * DAY);
  await signInAs(page, person.email, person.password);
  await page.goto('/association');
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('membership-status')).toHaveText('Overdue (grace period)', {
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
  await openLatestEmail(page, person.email, /Your membership has ended/);

  await testClock(page, 31 * DAY);
  await signInAs(page, person.email, person.password);
  await page.goto('/association');
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('membership-status')).toHaveText('Lapsed', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectNoAxeViolations(page);
  await openLatestEmail(page, person.email, /Your membership has lapsed/);
  expect((await page.request.get(`/api/v1/directory/mediators/${profileId}`)).status()).toBe(404);
  await visit(page, '/members', 'Members only');
  await expect(page.getByText('Your membership is not active.')).toBeVisible();
});
