import { expect, type Page, test } from '@playwright/test';
import { downloadedPdfText } from './api.ts';
import { expectNoAxeViolations, openLatestEmail, signInAs, uniqueEmail } from './support.ts';

const SHOTS = 'test-results/screenshots/request';
const shot = (page: Page, name: string, project: string) =>
  page.screenshot({ path: `${SHOTS}/${project}-${name}.png`, fullPage: true });

const DISTRICT_EMAIL = 'mediation@columbia-schools.example';

/** The words a parent types, each of which must reach the case. */
const WORDS = {
  student: 'Noé Álvarez-Brooks',
  school: 'Grant Elementary',
  grade: '4',
  district: 'Columbia Public Schools',
  description:
    'Since October the school has cut Noé’s reading support from 5 sessions a week to 2, without an IEP meeting.\nWe asked in writing on Nov. 3 and Nov. 17 — no answer yet.',
  contact: 'Ms. Dana Whitfield',
  address: '1204 Rollins St, Columbia, MO 65203',
  phone: '573-555-0147',
};

test('a signed-out parent fills in the request, creates an account on the form, confirms the e-mail, and the request arrives with every word', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  const email = uniqueEmail('new-parent', project);
  const password = 'maple river lantern 42';

  await page.goto('/cases/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Ask for mediation' })).toBeVisible();
  await page.getByLabel('Missouri Special Education Mediation (DESE)').check();
  await page.getByLabel('Your child’s name').fill(WORDS.student);
  await page.getByLabel('School (optional)').fill(WORDS.school);
  await page.getByLabel('Grade (optional)').fill(WORDS.grade);
  // The district comes from the program's list: the request goes to its contact for mediation requests.
  await page.getByLabel('School district').selectOption({ label: WORDS.district });
  await page.getByLabel('Provision of services (FAPE and related services)').check();
  await page.getByLabel('Tell us briefly what happened').fill(WORDS.description);
  await expect(
    page.getByText(`We send your request to ${WORDS.district} at ${DISTRICT_EMAIL}`),
  ).toBeVisible();
  await page.getByLabel('Name of the district’s contact person (optional)').fill(WORDS.contact);
  await page.getByLabel('Your mailing address').fill(WORDS.address);
  await page.getByLabel('Your phone number').fill(WORDS.phone);
  await page.getByLabel(/I am asking for state-sponsored mediation/).check();
  await expect(page.getByRole('status').filter({ hasText: 'kept in this browser' })).toBeVisible();

  // The letter the program will receive, before sending.
  await page.getByRole('button', { name: 'Preview the letter' }).click();
  const letter = page.getByRole('region', {
    name: 'Request for State-Sponsored Special Education Mediation',
  });
  await expect(letter).toContainText(WORDS.student);
  await expect(letter).toContainText(WORDS.district);
  await expect(letter).toContainText('Provision of services');
  await expect(letter).toContainText('no answer yet');
  await expectNoAxeViolations(page);
  await shot(page, '01-request-preview', project);

  // Sending asks the person to sign in, on the same page, keeping every word.
  await page.getByRole('button', { name: 'Send my request' }).click();
  await expect(
    page.getByText('Your request is ready. To send it, sign in or create an account'),
  ).toBeVisible();
  const account = page.getByRole('region', { name: 'Sign in to send your request' });
  await expect(account.getByRole('heading', { name: 'Sign in to send your request' })).toBeFocused();
  await account.getByLabel('Your name').fill('Lucía Álvarez');
  await account.getByLabel('E-mail address').fill(email);
  await account.getByLabel('Choose a password').fill(password);
  await account.getByRole('button', { name: 'Create my account' }).click();
  await expect(account.getByText(/We sent a link to/)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, '02-account-created', project);

  // The confirmation link, from the demo mailbox, leads back to the request.
  const message = await openLatestEmail(page, email, /confirm/i);
  await message.getByRole('link', { name: /verify-email/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your e-mail is confirmed' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Go back to your request' }).click();
  await expect(page.getByLabel('Tell us briefly what happened')).toHaveValue(WORDS.description);
  await expect(page.getByLabel('Your child’s name')).toHaveValue(WORDS.student);

  // Signing in on the form moves the draft to the account; it survives a reload.
  const again = page.getByRole('region', { name: 'Sign in to send your request' });
  await again.getByLabel('Yes, sign in').check();
  await again.getByLabel('E-mail address').fill(email);
  await again.getByLabel('Password').fill(password);
  await again.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('region', { name: 'Sign in to send your request' })).toHaveCount(0);
  await expect(page.getByText(/Draft saved at/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Tell us briefly what happened')).toHaveValue(WORDS.description);
  await expect(page.getByLabel('Your phone number')).toHaveValue(WORDS.phone);
  await expectNoAxeViolations(page);
  await shot(page, '03-signed-in-draft', project);

  await page.getByRole('button', { name: 'Send my request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Case SE-/ })).toBeVisible();
  for (const words of [WORDS.student, WORDS.district, 'no answer yet'])
    await expect(page.getByRole('main')).toContainText(words);
  await expectNoAxeViolations(page);
  await shot(page, '04-case', project);

  // The request letter carries every word typed.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the request letter (PDF)' }).click(),
  ]);
  const text = await downloadedPdfText(download);
  for (const words of [
    WORDS.student,
    WORDS.school,
    WORDS.district,
    WORDS.address,
    WORDS.phone,
    'Lucía Álvarez',
    ...WORDS.description.split('\n'),
  ])
    expect(text).toContain(words.replace(/\s+/g, ' '));

  // The district's office for mediation requests, from the program's list, is asked.
  const invite = await openLatestEmail(page, DISTRICT_EMAIL, /mediation/i);
  await expect(invite).toContainText(WORDS.student);
});

test('the program’s coordinator keeps its list of school districts', async ({ page }, info) => {
  const project = info.project.name;
  const name = project === 'phone' ? 'Hickman Mills C-1 School District' : 'Hazelwood School District';
  await signInAs(page, 'coordinator@demo.parley.test');
  await page.goto('/programs');
  await page.getByRole('link', { name: 'Missouri Special Education Mediation (DESE)' }).first().click();
  const section = page.getByRole('region', { name: 'School districts' });
  await expect(section.getByRole('button', { name: 'Remove Columbia Public Schools' })).toBeVisible();
  // A wrong address is refused, naming the field in words.
  await section.getByLabel('District’s name').fill(name);
  await section.getByLabel('E-mail for mediation requests').fill('not an address');
  await section.getByRole('button', { name: 'Add the district' }).click();
  await expect(section.getByText('Enter an e-mail address like name@example.com').first()).toBeVisible();
  await section.getByLabel('E-mail for mediation requests').fill(`mediation-${project}@district.example`);
  await section.getByRole('button', { name: 'Add the district' }).click();
  await expect(section.getByRole('status').filter({ hasText: `${name} is on the list` })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, '05-program-districts', project);
  await section.screenshot({ path: `${SHOTS}/${project}-05-program-districts-section.png` });
  await section.getByRole('button', { name: `Remove ${name}` }).click();
  await expect(section.getByText(`${name} is off the list`)).toBeVisible();
});
