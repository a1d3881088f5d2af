import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parseCsv } from '../test/reports.ts';
import { apiAs, call, downloadedPdfText } from './api.ts';
import { expectNoAxeViolations, signInAs } from './support.ts';

/** Each project asks from its own county, so the two runs' figures never mix. */
const COUNTY = { desktop: { fips: '29019', name: 'Boone' }, phone: { fips: '29051', name: 'Cole' } };

test('the DESE coordinator reads the program figures, filters by county, downloads them and opens the federal section', async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const county = COUNTY[testInfo.project.name as keyof typeof COUNTY] ?? COUNTY.desktop;
  // Two requests from the county, one with a due process complaint pending; one is withdrawn.
  const parent = await apiAs(playwright, baseURL!, 'parent@demo.parley.test');
  const programs = (await (await parent.get('/api/v1/programs')).json()) as { id: string; kind: string }[];
  const programId = programs.find((p) => p.kind === 'special_education')!.id;
  const references: string[] = [];
  for (const [i, dueProcessPending] of [true, false].entries()) {
    const made = await call(parent, 'POST', '/api/v1/cases', {
      form: 'special_education',
      programId,
      county: county.fips,
      respondent: {
        name: 'Dana Director',
        email: `figures-${testInfo.project.name}-${i}-${Date.now()}@riverside.example`,
        organization: 'Riverside School District',
      },
      description: 'The school changed the IEP without a meeting.',
      student: { name: 'Maya Lopez', school: 'Riverside Elementary', grade: '3' },
      district: { name: 'Riverside School District' },
      categories: ['provision_of_services'],
      requestStateMediation: true,
      dueProcessPending,
    });
    const { id, reference } = (await made.json()) as { id: string; reference: string };
    references.push(reference);
    if (i === 1) await call(parent, 'POST', `/api/v1/cases/${id}/withdraw`, {});
  }

  await signInAs(page, 'coordinator@demo.parley.test');
  await page.goto(`/programs/${programId}`);
  await page.getByRole('link', { name: /Program figures/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Program figures' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'At a glance' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('combobox', { name: 'County' }).selectOption(county.name);
  await page.getByRole('button', { name: 'Show the figures' }).click();
  const figure = (label: string) => page.locator('.c-figures > div').filter({ hasText: label }).locator('dd');
  await expect(figure('Requests received')).toHaveText('2');
  await expect(figure('Withdrawn or opted out')).toHaveText('1');
  await expect(page.getByRole('table', { name: 'Cases closed, by outcome' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('reports-dashboard.png'), fullPage: true });

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download as a spreadsheet (CSV)' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/figures\.csv$/);
  const rows = parseCsv(readFileSync(await csv.path()).toString('utf8'));
  const value = (name: string) => rows.find((r) => r.Figure === name)?.Value;
  expect(value('Requests received')).toBe('2');
  expect(value('Withdrawn or opted out')).toBe('1');
  expect(value('Declined')).toBe('0');

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download as a printed report (PDF)' }).click(),
  ]);
  const text = await downloadedPdfText(pdf);
  expect(text).toContain(`${county.name} County`);
  for (const name of ['Requests received', 'Withdrawn or opted out', 'Declined', 'Mediations held'])
    expect(text).toContain(`${name}: ${value(name)}`);

  await page.getByRole('link', { name: 'Federal mediation figures (IDEA Part B)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Federal mediation figures' })).toBeVisible();
  const year = page.getByRole('combobox', { name: 'Reporting year (July 1 to June 30)' });
  await expect(year).not.toHaveValue('');
  // The years offered start with the next one; the second is the year today falls in, which holds today's requests.
  await year.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Show the year' }).click();
  await expect(page.getByRole('table', { name: /Mediation requests, \d{4}–\d{2}/ })).toBeVisible();
  await page.getByRole('button', { name: /show the cases behind "Mediation requests received"/ }).click();
  await expect(page.getByRole('heading', { name: /Mediation requests received: \d+ cases?/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('reports-federal.png'), fullPage: true });
  for (const reference of references) await expect(page.getByRole('link', { name: reference })).toBeVisible();

  // A figure opens to its cases; on the case, the program corrects the due process answer.
  await page.getByRole('link', { name: references[0]! }).click();
  await expect(page.getByText('Due process complaint pending: Yes, pending')).toBeVisible();
  await page.getByRole('button', { name: 'Record: no complaint is pending' }).click();
  await expect(page.getByText('Recorded: no due process complaint is pending.')).toBeVisible();
  await expect(page.getByText('Due process complaint pending: No')).toBeVisible();
  await page.goto(`/programs/${programId}/reports/federal`);
  await expect(page.getByRole('heading', { level: 1, name: 'Federal mediation figures' })).toBeVisible();

  // The coordinator shows the program's public summary: small counts read "fewer than 5".
  await page.getByRole('link', { name: 'Back to the program’s figures' }).click();
  const settings = page.getByRole('form', { name: 'Report settings' });
  await settings.getByRole('checkbox', { name: /Show a public summary/ }).check();
  await settings.getByRole('button', { name: 'Save the settings' }).click();
  await expect(settings.getByText(/Saved\. Each resolved case now counts \$16,000/)).toBeVisible();
  await settings.getByRole('link', { name: 'The public summary' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How mediation went' })).toBeVisible();
  await expect(page.getByText(/any count from 1 to 4 reads “fewer than 5”/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('reports-public.png'), fullPage: true });
});
