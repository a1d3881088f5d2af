import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signInAs, signOut, visit } from './support.ts';

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
    await page.getByLabel('Kind of case').selectOption({ label: 'Family and domestic' });
    await page.getByLabel('Serves this county').selectOption({ label: 'Greene' });
    await page.getByLabel('Language').selectOption({ label: 'Spanish' });
    await page.getByLabel('Qualified for').selectOption({ label: 'Rule 88.05 domestic relations list' });
    await page.getByLabel('Fees').selectOption({ label: 'Sliding scale' });
    await page.getByRole('button', { name: 'Search', exact: true }).click();

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
    await expect(again.getByLabel('Language')).toHaveValue('es');
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
    await bio.fill(before);
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await expect(page.getByText('Your profile is saved.')).toBeVisible();
    await signOut(page);
  });
});
