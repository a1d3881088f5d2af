import { expect, type Page, test } from '@playwright/test';
import { apiAs, call, mailsTo, type Playwright } from './api.ts';
import { expectNoAxeViolations, signInAs, uniqueEmail } from './support.ts';

const SHOTS = 'test-results/screenshots/civil-opt-out';
const PASSWORD = 'a long counsel password';

async function shot(page: Page, name: string, project: string) {
  await page.screenshot({ path: `${SHOTS}/${project}-${name}.png`, fullPage: true });
}

/** Joins a case by the invitation e-mailed to `email`, making the account with PASSWORD. */
async function join(
  playwright: Playwright,
  baseURL: string,
  inbox: Awaited<ReturnType<typeof apiAs>>,
  email: string,
) {
  const invite = (await mailsTo(inbox, email, 'invitation-case-party'))[0]!;
  const token = /#token=([A-Za-z0-9_-]+)/.exec(invite.text)![1];
  const person = await apiAs(playwright, baseURL);
  await call(person, 'POST', '/api/v1/invitations/accept', { token, password: PASSWORD });
  return person;
}

test('Rule 17.03(b): the plaintiff’s lawyer files a written opt-out and the referral ends', async ({
  page,
  playwright,
  baseURL,
}, info) => {
  const project = info.project.name;
  const coordinator = await apiAs(playwright, baseURL!, 'civil.coordinator@demo.parley.test');
  // Mediation must begin in 20 days by the server's clock: the opt-out window is open.
  const { now } = (await (await call(coordinator, 'POST', '/api/v1/dev/clock', {})).json()) as {
    now: string;
  };
  const beginBy = new Date(Date.parse(now) + 20 * 86_400_000).toISOString().slice(0, 10);
  const programs = (await (await coordinator.get('/api/v1/programs')).json()) as {
    id: string;
    kind: string;
  }[];
  const emails = {
    plaintiff: uniqueEmail('casey', project),
    acme: uniqueEmail('acme', project),
    counsel: uniqueEmail('counsel', project),
  };
  const created = await call(coordinator, 'POST', '/api/v1/cases', {
    form: 'court_referral',
    programId: programs.find((p) => p.kind === 'civil')!.id,
    requester: { name: 'Casey Homeowner', email: emails.plaintiff },
    respondent: { name: 'Acme Roofing LLC', email: emails.acme, organization: 'Acme Roofing LLC' },
    description: 'A roof repair that leaked within a month.',
    caseType: 'civil_claim',
    court: 'Circuit Court of Clay County',
    circuit: 7,
    caseNumber: `26CY-CV-${project}`,
    rule: '17',
    orderDate: '2026-02-20',
    beginBy,
    issues: ['repairs_or_performance'],
  });
  const { id: caseId } = (await created.json()) as { id: string };
  const plaintiff = await join(playwright, baseURL!, coordinator, emails.plaintiff);
  await call(plaintiff, 'POST', `/api/v1/cases/${caseId}/participants`, {
    side: 'requester',
    role: 'attorney',
    name: 'Dana Counsel',
    email: emails.counsel,
    isAttorney: true,
  });
  await join(playwright, baseURL!, coordinator, emails.counsel);

  await signInAs(page, emails.counsel, PASSWORD);
  await page.goto(`/cases/${caseId}`);
  const section = page.getByRole('region', { name: /Opt out of mediation/ });
  await expect(section).toBeVisible();
  await expectNoAxeViolations(page);
  await section.getByLabel('Why mediation would not be productive').fill('The parties are in arbitration.');
  await section.getByRole('button', { name: 'File the written opt-out' }).click();
  await expect(section.getByText(/Confirm that you talked with your client/).first()).toBeVisible();
  await section.getByLabel(/I conferred with my client/).check();
  await shot(page, 'form', project);
  await section.getByRole('button', { name: 'File the written opt-out' }).click();
  await expect(page.getByRole('heading', { name: 'Opted out of mediation' })).toBeVisible();
  await expect(page.getByText(/The referral to mediation has ended and the court was told/)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'filed', project);
  // The 7th Circuit's clerk on Parley gets the court's notice, linking to the court's page of the case.
  const notice = (await mailsTo(coordinator, 'court.civil@demo.parley.test', 'case-court-opt-out'))[0]!;
  expect(notice.text).toContain(`/court/cases/${caseId}`);
  expect(notice.subject).toContain(`For the court: Case 26CY-CV-${project}`);
});
