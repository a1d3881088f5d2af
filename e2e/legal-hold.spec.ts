import { expect, test } from '@playwright/test';
import { apiAs, call } from './api.ts';
import { expectNoAxeViolations, signInAs } from './support.ts';

test('a coordinator places a legal hold on a case with a reason, the parent sees it, and the coordinator lifts it', async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const parent = await apiAs(playwright, baseURL!, 'parent@demo.parley.test');
  const programs = (await (await parent.get('/api/v1/programs')).json()) as { id: string; kind: string }[];
  const created = await call(parent, 'POST', '/api/v1/cases', {
    form: 'special_education',
    programId: programs.find((p) => p.kind === 'special_education')!.id,
    respondent: {
      name: 'Dana Director',
      email: `hold-${testInfo.project.name}-${Date.now()}@riverside.example`,
      organization: 'Riverside School District',
    },
    description: 'The school stopped speech therapy without an IEP meeting.',
    student: { name: 'Maya Lopez', school: 'Riverside Elementary', grade: '3' },
    district: { name: 'Riverside School District' },
    categories: ['provision_of_services'],
    requestStateMediation: true,
  });
  const { id: caseId } = (await created.json()) as { id: string };

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
