import { expect, test } from '@playwright/test';
import { missouriDate } from '../domain/missouri-time.ts';
import { call, mailsTo, readyToScheduleCase } from './api.ts';
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

test('the mediator records a confidentiality exception, and the coordinator reviews it and decides an application to disqualify', async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  const scene = await readyToScheduleCase(playwright, baseURL!, {
    districtEmail: `exception-${testInfo.project.name}-${Date.now()}@riverside.example`,
    categories: ['provision_of_services'],
  });
  const { caseId, reference } = scene;
  // The day it was reported: today by the server's clock.
  const { now } = (await (await call(scene.coordinator, 'POST', '/api/v1/dev/clock', {})).json()) as {
    now: string;
  };
  const today = missouriDate(new Date(now));

  // The mediator records it on the case page; each missing field is named.
  await signInAs(page, 'mediator@demo.parley.test');
  await page.goto(`/cases/${caseId}`);
  const section = page.getByRole('region', { name: 'Confidentiality exceptions' });
  await expect(section.getByText('None recorded.')).toBeVisible();
  await section.getByText('Record a confidentiality exception').click();
  await section.getByRole('button', { name: 'Record the exception' }).click();
  await expect(section.getByRole('alert').first()).toBeVisible();
  await expect(section.getByLabel('Reported to')).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByLabel('Day you reported it')).toHaveAttribute('aria-invalid', 'true');
  await expect(section.locator('.field-error', { hasText: 'Choose the kind of exception' })).toBeVisible();
  await expectNoAxeViolations(page);
  await section.getByRole('radio', { name: /a threat to seriously hurt or kill someone/ }).check();
  await section.getByLabel('Day you reported it').fill(today);
  await section.getByLabel('Reported to').fill('Boone County Sheriff’s Office');
  await section.getByLabel('Report number').fill('26-1187');
  await section.getByLabel('What you reported').fill('A threat to harm the district representative');
  await section.getByRole('button', { name: 'Record the exception' }).click();
  await expect(section.getByText(/Recorded\. The program’s coordinators were told/)).toBeVisible();
  await expect(section.getByText('Waiting for the program’s review')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('exception-recorded.png'), fullPage: true });

  // The coordinators are told with a link, never what was reported.
  const [mail] = await mailsTo(
    scene.coordinator,
    'coordinator@demo.parley.test',
    'case-confidentiality-exception',
    caseId,
  );
  expect(mail!.text).not.toMatch(/threat|Sheriff|1187/);

  // The parent applies to disqualify the mediator; in this program, the program decides.
  await call(scene.parent, 'POST', `${scene.c}/disqualification-requests`, {
    reason: 'The mediator once worked for the district.',
  });

  // The coordinator finds the exception from the work queue and reviews it on the case.
  await signOut(page);
  await signInAs(page, 'coordinator@demo.parley.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Work queue' })).toBeVisible();
  await page.getByRole('link', { name: /Confidentiality exceptions \(\d+ to review\)/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Confidentiality exceptions' })).toBeVisible();
  const list = page.getByRole('table', { name: /waiting for review/ });
  await expect(list.getByRole('row', { name: new RegExp(reference) })).toContainText(
    'Threat of serious harm',
  );
  await expectNoAxeViolations(page);
  await list.getByRole('link', { name: reference }).click();
  const review = page.getByRole('region', { name: 'Confidentiality exceptions' });
  await expect(
    review.getByText('What was reported: A threat to harm the district representative'),
  ).toBeVisible();
  await review.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(review.getByLabel('Review note')).toHaveAttribute('aria-invalid', 'true');
  await review.getByLabel('Review note').fill('Confirmed the report with the sheriff’s office.');
  await review.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(review.getByText(/Reviewed by Dana Whitfield .*: Confirmed the report/)).toBeVisible();
  await expectNoAxeViolations(page);

  // The program's decision on the application, from the form the server offers.
  const dq = page.getByRole('region', { name: 'Disqualifying the mediator' });
  await dq.getByRole('button', { name: 'Record the decision' }).click();
  await expect(
    dq.locator('.field-error', { hasText: 'Say whether the mediator is disqualified' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await dq.screenshot({ path: testInfo.outputPath('decision-form.png') });
  await dq.getByRole('radio', { name: 'The mediator stays' }).check();
  await dq.getByRole('button', { name: 'Record the decision' }).click();
  await expect(dq.getByText('Recorded: the mediator stays. Everyone on the case was told.')).toBeVisible();
  await expect(dq.getByText('The mediator stays: by the program’s decision.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('exception-reviewed.png'), fullPage: true });
});

test('the coordinator sees the program’s roster: who may be appointed and why not, and invites a mediator', async ({
  page,
}) => {
  await signInAs(page, 'coordinator@demo.parley.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Work queue' })).toBeVisible();
  await page.getByRole('link', { name: 'Mediators on the roster' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mediators on the roster' })).toBeVisible();
  const mediators = page.getByRole('region', { name: 'Mediators' });
  await expect(mediators.getByText(/May (not )?be appointed now/).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // An address that is not one is named at its field; nothing is sent.
  const invite = page.getByRole('region', { name: 'Invite a mediator' });
  await invite.getByLabel('Name').fill('Jordan Helper');
  await invite.getByLabel('E-mail').fill('not-an-address');
  await invite.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(invite.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
});
