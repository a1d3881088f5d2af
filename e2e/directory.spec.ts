import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, signInAs, signOut, visit } from './support.ts';

const SHOTS = 'test-results/screenshots/directory';
async function shot(page: Page, name: string, project: string) {
  await page.screenshot({ path: `${SHOTS}/${project}-${name}.png`, fullPage: true });
}

/** Opens the filter panel if it is shut (it is, on a phone). */
async function openChoices(page: Page) {
  const panel = page.locator('details.directory-filter-panel');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
}

// Find a Mediator, the acceptance journey: on a phone, a parent in Greene County finds a
// Spanish-speaking family mediator who meets Rule 88.05 and offers a sliding scale; the address
// of that search, opened fresh, shows the same mediators. Runs in both projects (desktop, phone).

test.describe('Find a Mediator', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a parent on a phone finds a Spanish-speaking family mediator in Greene County, and the link reproduces it', async ({
    page,
    browser,
  }) => {
    await visit(page, '/find-a-mediator', 'Find a mediator');
    await openChoices(page);
    await page.getByRole('group', { name: 'Kind of case' }).getByLabel('Family and domestic').check();
    await page.getByLabel('Serves this county').selectOption({ label: 'Greene' });
    await page.getByRole('group', { name: 'Languages' }).getByLabel('Spanish').check();
    await page
      .getByRole('group', { name: 'Qualified for' })
      .getByLabel('Rule 88.05 domestic relations list')
      .check();
    await page.getByLabel('Fees').selectOption({ label: 'Sliding scale' });
    await page.getByRole('button', { name: 'Search with these choices' }).click();

    await expect(page).toHaveURL(/area=family/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      area: 'family',
      county: '29077',
      language: 'es',
      roster: 'rule88',
      fee: 'sliding',
    });
    await expect(page.locator('.directory-card h3').first()).toBeVisible();
    const names = await page.locator('.directory-card h3').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const card of await page.locator('.directory-card').all()) {
      await expect(card).toContainText('Spanish');
      await expect(card).toContainText('sliding scale');
      await expect(card).toContainText('Rule 88.05 (family)');
    }
    // Nothing spills sideways on a 390px screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);

    // The same address in a fresh browser context shows the same mediators, in the same order.
    const fresh = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const again = await fresh.newPage();
    await again.goto(url.pathname + url.search);
    await expect(again.getByRole('heading', { level: 1, name: 'Find a mediator' })).toBeVisible();
    await expect(again.locator('.directory-card h3').first()).toBeVisible();
    expect(await again.locator('.directory-card h3').allInnerTexts()).toEqual(names);
    await openChoices(again);
    await expect(again.getByRole('group', { name: 'Languages' }).getByLabel('Spanish')).toBeChecked();
    await fresh.close();

    // A profile: what the training qualifies for, a link to the standards, and a contact form.
    await page.getByRole('link', { name: names[0]! }).click();
    await expect(page.getByRole('heading', { level: 1, name: names[0]! })).toBeVisible();
    await expect(
      page.getByText('Meets the Rule 88.05 requirements for domestic relations cases'),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'standards of conduct for mediators' })).toHaveAttribute(
      'href',
      '/standards-of-conduct',
    );
    await expectNoAxeViolations(page);
    await page.getByLabel('Your name').fill('Jordan Reyes');
    await page.getByLabel('Your e-mail address').fill('jordan.reyes@example.test');
    await page
      .getByLabel('Your message')
      .fill('We need help agreeing on a parenting plan for our two children.');
    await page.getByRole('button', { name: 'Send the message' }).click();
    await expect(page.getByText('Your message is on its way.')).toBeVisible();
    await expect(page.locator('main')).not.toContainText('@demo.parley.test');
    await expect(page.locator('main')).not.toContainText('@example.test');
  });

  test('the demo mediator sees the training record, and the profile refuses a false “certified”', async ({
    page,
  }) => {
    await signInAs(page, 'mediator@demo.parley.test');
    await visit(page, '/my-directory-profile', 'My directory profile');
    await expect(page.getByText('Meets the Rule 17 training requirement')).toBeVisible();
    await expect(page.getByText('On the state special-education mediator list')).toBeVisible();

    const bio = page.getByLabel('About you');
    const before = await bio.inputValue();
    await bio.fill(`${before} I am a certified mediator.`);
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await expect(page.getByRole('alert')).toContainText('Missouri does not certify mediators');
    await expectNoAxeViolations(page);
    // Nothing was saved: the refused words are not in the profile when it is read again.
    await page.reload();
    await expect(page.getByLabel('About you')).toHaveValue(before);
    // Saving the profile as it is keeps the checked degree, and with it the Rule 88.05 list.
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await expect(page.getByText('Your profile is saved.')).toBeVisible();
    await page.reload();
    await expect(
      page.getByText('Meets the Rule 88.05 requirements for domestic relations cases'),
    ).toBeVisible();
    await signOut(page);
  });

  test('a visitor types a misspelt word and a ZIP code, narrows by two languages, and asks a mediator to mediate', async ({
    page,
  }, testInfo) => {
    const project = testInfo.project.name;
    await signInAs(page, 'parent@demo.parley.test');
    await visit(page, '/find-a-mediator', 'Find a mediator');
    await page.getByLabel('Words to look for').fill('custdy');
    await page.getByLabel('Near (a Missouri town or ZIP code)').fill('65806');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(/place=65806/);
    const status = page.getByRole('status').filter({ hasText: 'mediators match' });
    await expect(status).toContainText('Nearest first from 65806 (Springfield), in Greene County');
    const all = Number(
      ((await status.textContent()) ?? '').replace(/,/g, '').match(/(\d+) mediators match/)![1],
    );
    // The misspelt "custdy" finds as many mediators as "custody" does, nearest first.
    const spelt = await page.request.get('/api/v1/directory/mediators?q=custody&place=65806');
    expect(((await spelt.json()) as { total: number }).total).toBe(all);
    await expect(page.locator('.directory-card').first()).toContainText('about 0 miles away');
    await shot(page, '01-misspelt-and-zip', project);

    // Two languages: both required. The panel says how many match.
    await openChoices(page);
    const languages = page.getByRole('group', { name: 'Languages' });
    await languages.getByLabel('Spanish').check();
    await languages.getByLabel('English').check();
    await page.getByLabel('Only mediators taking new cases').check();
    await page.getByRole('button', { name: 'Search with these choices' }).click();
    await expect(page).toHaveURL(/language=en&language=es/);
    const narrowed = page.getByRole('status').filter({ hasText: 'match' });
    await expect(narrowed).not.toContainText(`${all.toLocaleString('en-US')} mediators match`);
    await expect(page.locator('summary')).toContainText('chosen');
    for (const card of await page.locator('.directory-card').all()) {
      await expect(card).toContainText('Spanish');
      await expect(card).toContainText('English');
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await shot(page, '02-two-languages', project);

    // The profile shows what the mediator offers and the lists they are on; asking starts a request.
    const name = (await page.locator('.directory-card h3').first().innerText()).trim();
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.locator('main')).not.toContainText('What is missing');
    await expectNoAxeViolations(page);
    await shot(page, '03-profile', project);
    await page.getByRole('link', { name: 'Ask this mediator to mediate' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ask for mediation' })).toBeVisible();
    await expect(page.getByText(`You are asking for ${name}.`)).toBeVisible();
    await page.getByLabel('Ozarks Community Mediation Center').check();
    await page
      .getByLabel('What is the disagreement? Use your own words.')
      .fill('We cannot agree on the holiday schedule for our two children.');
    await page.getByLabel('Their name').fill('Sam Reyes');
    await page.getByLabel('Their e-mail address').fill(`sam.reyes-${project}-${Date.now()}@example.test`);
    await expectNoAxeViolations(page);
    await shot(page, '04-request-naming-the-mediator', project);
    await page.getByRole('button', { name: 'Send my request' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Case / })).toBeVisible();
    await signOut(page);
  });
});

test('association staff edit a mediator’s profile and record a federal panel, which the public profile shows', async ({
  page,
}, testInfo) => {
  const project = testInfo.project.name;
  // Each screen size edits its own generated mediator, so the two runs do not meet.
  const name = project === 'phone' ? 'Ada Dunn' : 'Ada Castillo';
  await signInAs(page, 'staff@demo.parley.test');
  await visit(page, '/association/staff', 'Association staff');
  await page
    .getByRole('navigation', { name: 'Staff desk' })
    .getByRole('link', { name: 'Mediators’ profiles' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mediators’ profiles' })).toBeVisible();
  await page.getByLabel('Mediator’s name').fill(name);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('link', { name: `Edit ${name}’s profile` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${name}’s profile` })).toBeVisible();
  await expectNoAxeViolations(page);

  // A figure the rules refuse is named beside its field, and nothing is saved.
  const form = page.getByRole('region', { name: 'The profile' });
  await form.getByLabel('Hourly rate in dollars (optional)').fill('5000');
  await form.getByRole('button', { name: 'Save the profile' }).click();
  await expect(form.getByLabel('Hourly rate in dollars (optional)')).toHaveAccessibleDescription(/2000/);
  await form.getByLabel('Hourly rate in dollars (optional)').fill('140');
  await form.getByRole('button', { name: 'Save the profile' }).click();
  await expect(form.getByText('The profile is saved.')).toBeVisible();

  const panels = page.getByRole('region', { name: 'Federal court panels' });
  await panels.getByLabel('Western District of Missouri').check();
  await panels.getByRole('button', { name: 'Save the panels' }).click();
  await expect(
    panels.getByText('Saved the federal panels. The public profile shows them now.'),
  ).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Court and program lists' })
      .getByText(/On the Western District of Missouri federal court panel/),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'staff-profile-federal-panel', project);

  // The public profile shows the panel and the new rate.
  await page.getByRole('link', { name: 'See the public profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('On the Western District of Missouri federal court panel')).toBeVisible();
  await expect(page.getByText(/\$140/).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'staff-profile-public', project);
});
