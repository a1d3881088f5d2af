import { expect, test } from '@playwright/test';
import { apiAs, call, type Playwright } from './api.ts';
import { expectNoAxeViolations, signInAs } from './support.ts';

// Each journey first asks for a case through the API.
test.describe.configure({ timeout: 120_000 });

/**
 * The demo parent (signed in through the API) asks the special-education program for mediation:
 * the parent, and the new case's id and program.
 */
async function parentAsks(playwright: Playwright, baseURL: string, tag: string, description: string) {
  const parent = await apiAs(playwright, baseURL, 'parent@demo.parley.test');
  const programs = (await (await parent.get('/api/v1/programs')).json()) as { id: string; kind: string }[];
  const programId = programs.find((p) => p.kind === 'special_education')!.id;
  const created = await call(parent, 'POST', '/api/v1/cases', {
    form: 'special_education',
    programId,
    respondent: {
      name: 'Dana Director',
      email: `${tag}-${Date.now()}@riverside.example`,
      organization: 'Riverside School District',
    },
    description,
    student: { name: 'Maya Lopez', school: 'Riverside Elementary', grade: '3' },
    district: { name: 'Riverside School District' },
    categories: ['provision_of_services'],
    requestStateMediation: true,
  });
  return { parent, caseId: ((await created.json()) as { id: string }).id, programId };
}

test('a coordinator places a legal hold on a case with a reason, the parent sees it, and the coordinator lifts it', async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  const { parent, caseId } = await parentAsks(
    playwright,
    baseURL!,
    `hold-${testInfo.project.name}`,
    'The school stopped speech therapy without an IEP meeting.',
  );

  await signInAs(page, 'coordinator@demo.parley.test');
  await page.goto(`/cases/${caseId}`);
  const section = page.getByRole('region', { name: 'Legal hold' });
  await expect(section.getByText('No legal hold stands.')).toBeVisible();
  await section.getByRole('button', { name: 'Place the hold' }).click();
  await expect(section.getByRole('textbox', { name: 'Place a legal hold' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await section
    .getByRole('textbox', { name: 'Place a legal hold' })
    .fill('Records request from the district’s counsel, 12 March');
  await section.getByRole('button', { name: 'Place the hold' }).click();
  await expect(section.getByText('This case is under a legal hold')).toBeVisible();
  await expect(section.getByText(/Standing: Records request/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('legal-hold.png'), fullPage: true });

  const seen = (await (await parent.get(`/api/v1/cases/${caseId}/legal-holds`)).json()) as { held: boolean };
  expect(seen.held).toBe(true);

  await section.getByRole('textbox', { name: 'Why it is lifted' }).fill('The request was answered');
  await section.getByRole('button', { name: 'Lift this hold' }).click();
  await expect(section.getByText('No legal hold stands.')).toBeVisible();
  await expect(section.getByText(/Lifted: Records request/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a coordinator changes how long closed cases are kept, then downloads the case report', async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  // One case asked for and withdrawn, so the report has a closed case to count.
  const { parent, caseId, programId } = await parentAsks(
    playwright,
    baseURL!,
    `report-${testInfo.project.name}`,
    'The school changed the bus route without asking.',
  );
  await call(parent, 'POST', `/api/v1/cases/${caseId}/withdraw`, {});

  await signInAs(page, 'coordinator@demo.parley.test');
  await page.goto(`/programs/${programId}`);
  await page.getByRole('link', { name: 'How long records are kept' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How long records are kept' })).toBeVisible();
  await expect(page.getByText(/The rule pack says/)).toBeVisible();

  const form = page.getByRole('form', { name: 'Change the schedule' });
  await form.getByRole('radio', { name: 'Our own schedule' }).check();
  await form.getByRole('textbox', { name: 'Years to keep closed cases' }).fill('0');
  await form
    .getByRole('textbox', { name: 'The schedule or rule this follows' })
    .fill('Board records policy 4.2');
  await form.getByRole('button', { name: 'Save the schedule' }).click();
  await expect(form.getByRole('textbox', { name: 'Years to keep closed cases' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  // Said beside the field and in the summary above the form.
  await expect(form.locator('.field-error')).toContainText('Keep records at least 1 year.');
  await expect(form.getByRole('alert')).toContainText('Keep records at least 1 year.');
  await form.getByRole('textbox', { name: 'Years to keep closed cases' }).fill('7');
  await form.getByRole('radio', { name: /Early, a number of days/ }).check();
  await form.getByRole('textbox', { name: 'Days after closing' }).fill('30');
  await form.getByRole('button', { name: 'Save the schedule' }).click();
  await expect(form.getByText(/Saved\. Closed cases are now kept 7 years/)).toBeVisible();
  await expect(page.getByText('Closed case records: kept 7 years after the case closes')).toBeVisible();
  await expect(page.getByText('Confidential words: removed 30 days after the case closes')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('retention.png'), fullPage: true });

  await page.getByRole('link', { name: 'Case report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Case report' })).toBeVisible();
  await expect(page.getByText(/\d+ closed cases?, of which/)).toBeVisible();
  await page.getByLabel('Closed up to (month)').fill('2099-12');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText(/to 2099-12\)/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('case-report.png'), fullPage: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download as a spreadsheet (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('case-report-start-to-2099-12.csv');
  const text = (await (await download.createReadStream()).toArray()).join('');
  const [header, ...rows] = text.trim().split('\r\n');
  expect(header).toBe('Closed in (month),How it ended,Record,Cases');
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.some((row) => row.includes(',Closed: withdrawn,kept,'))).toBe(true);
  for (const row of rows) expect(row).toMatch(/^\d{4}-\d{2},.+,(kept|purged \(statistics kept\)),\d+$/);
});
