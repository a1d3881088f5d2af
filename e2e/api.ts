import { readFileSync } from 'node:fs';
import { type APIRequestContext, type Download, expect, type TestInfo } from '@playwright/test';
import { unconcernedFor } from '../domain/screening.ts';
import { pdfWords } from '../test/pdf-text.ts';
import { DEMO_PASSWORD, journeyShots, uniqueEmail } from './support.ts';

/**
 * Setting a journey's scene through the API: the steps a person takes in an earlier journey,
 * taken quickly, so the journey can spend its browser time on what it is about.
 */
export type Api = APIRequestContext;
export type Playwright = { request: { newContext(o: object): Promise<Api> } };

/** An API client signed in as `email` (or nobody), holding its session and CSRF cookies. */
export async function apiAs(
  playwright: Playwright,
  baseURL: string,
  email?: string,
  password = DEMO_PASSWORD,
) {
  const ctx = await playwright.request.newContext({ baseURL });
  await ctx.get('/api/v1/auth/session');
  if (email) expect((await call(ctx, 'POST', '/api/v1/auth/sign-in', { email, password })).ok()).toBe(true);
  return ctx;
}

/** A request with the CSRF header the web app sends; anything but success fails the journey. */
export async function call(
  ctx: Api,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  data?: unknown,
) {
  const csrf = (await ctx.storageState()).cookies.find((c) => c.name === 'parley_csrf')?.value ?? '';
  const r = await ctx.fetch(url, {
    method,
    headers: { 'x-csrf-token': csrf },
    ...(data === undefined ? {} : { data }),
  });
  if (r.status() >= 300) throw new Error(`${method} ${url}: ${r.status()} ${await r.text()}`);
  return r;
}

export type Mail = {
  id: string;
  template: string;
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string }[];
};

/** The messages of one kind to one address (mentioning `about`, when given), newest first, waiting for one. */
export async function mailsTo(ctx: Api, to: string, template: string, about = ''): Promise<Mail[]> {
  let found: Mail[] = [];
  await expect(async () => {
    const list = (await (await ctx.get(`/api/v1/dev/mailbox?to=${encodeURIComponent(to)}`)).json()) as Mail[];
    found = list.filter((m) => m.template === template && m.text.includes(about));
    expect(found.length, `${template} to ${to}`).toBeGreaterThan(0);
  }).toPass({ timeout: 20_000 });
  return found;
}

/** The words of a PDF in the order the document wrote them, with white space folded. */
export const pdfText = (bytes: Buffer): string => pdfWords(bytes, { layout: false });

/** The words of a PDF the browser downloaded, read as pdfText reads them. */
export async function downloadedPdfText(download: Download): Promise<string> {
  return pdfText(readFileSync((await download.path())!));
}

export const DISTRICT = 'Riverside R-IV School District';
export const DISTRICT_PASSWORD = 'district representative password';

/**
 * The start of a journey on a special-education case it sets through the API: three minutes to
 * run, its pictures saved under `shots` (see journeyShots), and a district address of its own,
 * named by `tag`, the screen size and the time.
 */
export function specialEducationJourney(info: TestInfo, shots: string, tag: string) {
  info.setTimeout(180_000);
  const project = info.project.name;
  return {
    project,
    shot: journeyShots(shots, info),
    districtEmail: `${tag}-${project}-${Date.now()}@riverside.example`,
  };
}

/**
 * A parent's special-education request (the demo parent's, unless another is given), taken
 * through the API the way part 1's journey takes it in the browser: the district's representative
 * accepts by the e-mailed link and agrees, both answer screening, the coordinator lets it go
 * ahead, both pick Helen Park and she accepts. The Agreement to Mediate waits to be signed.
 */
export async function caseAtAgreementToMediate(
  playwright: Playwright,
  baseURL: string,
  options: { districtEmail: string; categories: string[]; parent?: { email: string; password: string } },
) {
  const parent = await apiAs(
    playwright,
    baseURL,
    options.parent?.email ?? 'parent@demo.parley.test',
    options.parent?.password,
  );
  const programs = (await (await parent.get('/api/v1/programs')).json()) as { id: string; kind: string }[];
  const programId = programs.find((p) => p.kind === 'special_education')!.id;
  const created = await call(parent, 'POST', '/api/v1/cases', {
    form: 'special_education',
    programId,
    respondent: { name: 'Dana Director', email: options.districtEmail, organization: DISTRICT },
    description: 'The school stopped Maya’s speech therapy without an IEP meeting.',
    student: { name: 'Maya Lopez', school: 'Riverside Elementary', grade: '3' },
    district: { name: DISTRICT },
    categories: options.categories,
    requestStateMediation: true,
  });
  const { id: caseId, reference } = (await created.json()) as { id: string; reference: string };
  const scene = await requestOnToAgreementToMediate(playwright, baseURL, {
    caseId,
    districtEmail: options.districtEmail,
    parent,
  });
  return { ...scene, reference, programId };
}

/**
 * A parent's special-education request, however it was sent (`parent` is signed in as them), on to
 * the Agreement to Mediate as caseAtAgreementToMediate takes it: the district's representative
 * accepts by the e-mailed link, both answer screening, the coordinator lets it go ahead, both pick
 * Helen Park and she accepts.
 */
export async function requestOnToAgreementToMediate(
  playwright: Playwright,
  baseURL: string,
  { caseId, districtEmail, parent }: { caseId: string; districtEmail: string; parent: Api },
) {
  const invite = (await mailsTo(parent, districtEmail, 'invitation-case-party'))[0]!;
  const token = /#token=([A-Za-z0-9_-]+)/.exec(invite.text)![1];
  const district = await apiAs(playwright, baseURL);
  await call(district, 'POST', '/api/v1/invitations/accept', { token, password: DISTRICT_PASSWORD });
  const c = `/api/v1/cases/${caseId}`;
  await call(parent, 'PUT', `${c}/screening`, {
    answers: unconcernedFor('special_education', 'requester'),
    note: '',
  });
  await call(district, 'PUT', `${c}/screening`, {
    answers: unconcernedFor('special_education', 'respondent'),
    note: '',
  });
  const coordinator = await apiAs(playwright, baseURL, 'coordinator@demo.parley.test');
  await call(coordinator, 'POST', `${c}/screening/decision`, { decision: 'proceed', safeguards: [] });
  const options_ = (await (await parent.get(`${c}/mediator-options`)).json()) as {
    roster: { userId: string; name: string }[];
  };
  const helen = options_.roster.find((r) => r.name === 'Helen Park')!.userId;
  await call(parent, 'PUT', `${c}/mediator-picks`, { mediatorIds: [helen] });
  await call(district, 'PUT', `${c}/mediator-picks`, { mediatorIds: [helen] });
  const mediator = await apiAs(playwright, baseURL, 'mediator@demo.parley.test');
  await call(mediator, 'POST', `${c}/mediator/response`, { accept: true, conflict: 'none' });
  return { caseId, c, parent, district, coordinator, mediator };
}

/** The demo parent's special-education request, on to both signing the Agreement to Mediate. */
export async function readyToScheduleCase(
  playwright: Playwright,
  baseURL: string,
  options: { districtEmail: string; categories: string[] },
) {
  const scene = await caseAtAgreementToMediate(playwright, baseURL, options);
  const { c, parent, district } = scene;
  await signAgreementToMediate(parent, c, 'Jordan Reyes');
  await signAgreementToMediate(district, c, 'Dana Director');
  expect(((await (await parent.get(c)).json()) as { state: string }).state).toBe('ready_to_schedule');
  return scene;
}

/** One party signs the case's Agreement to Mediate as it stands, with `typedName`. */
export async function signAgreementToMediate(ctx: Api, c: string, typedName: string) {
  const atm = (await (await ctx.get(`${c}/agreement-to-mediate`)).json()) as { sha256: string };
  await call(ctx, 'POST', `${c}/agreement-to-mediate/signatures`, {
    documentSha256: atm.sha256,
    intent: true,
    consentToElectronic: true,
    typedName,
  });
}

/** A parent whose account is in Spanish, signed up and confirmed through the API. */
export async function spanishParent(playwright: Playwright, baseURL: string, email: string) {
  const parent = { name: 'Rosa Martínez', email, password: 'una contraseña bastante larga' };
  const visitor = await apiAs(playwright, baseURL);
  await call(visitor, 'POST', '/api/v1/auth/sign-up', { ...parent, language: 'es-US' });
  const confirm = (await mailsTo(visitor, parent.email, 'verify-email'))[0]!;
  const token = /#token=([A-Za-z0-9_-]+)/.exec(confirm.text)![1];
  await call(visitor, 'POST', '/api/v1/auth/verify-email', { token });
  return parent;
}

/**
 * The mediator marks one issue (from the pack's template) agreed, writes the agreement's first
 * version with one term settling it (and any milestones), and sends it to the parties to sign.
 */
export async function agreementSent(
  mediator: Api,
  c: string,
  agreed: { templateId: string; text: string; responsible: string; milestones?: unknown[] },
) {
  const issue = (await (
    await call(mediator, 'POST', `${c}/issues`, { templateId: agreed.templateId })
  ).json()) as {
    id: string;
  };
  await call(mediator, 'PATCH', `${c}/issues/${issue.id}`, { status: 'agreed' });
  await call(mediator, 'POST', `${c}/agreement/versions`, {
    terms: [{ issueId: issue.id, text: agreed.text, responsible: agreed.responsible }],
    milestones: agreed.milestones ?? [],
    settledIssueIds: [issue.id],
  });
  await call(mediator, 'POST', `${c}/agreement/send`, { version: 1 });
}

/** One signer signs the written agreement's current version electronically, as `typedName`. */
export async function signAgreement(ctx: Api, c: string, typedName: string) {
  const a = (await (await ctx.get(`${c}/agreement`)).json()) as { sha256: string };
  await call(ctx, 'POST', `${c}/agreement/signatures`, {
    documentSha256: a.sha256,
    intent: true,
    consentToElectronic: true,
    typedName,
    attestAuthority: true,
    agreesBinding: true,
  });
}

/**
 * A member of the association listed in the directory, with one verified course: signed up and
 * confirmed, joined at the Full tier, their dues recorded by staff, their profile published and
 * the course checked by staff. A journey that reads the directory uses its own mediator, whose
 * membership no other journey's moving clock has run out.
 */
export async function listedMember(
  playwright: Playwright,
  baseURL: string,
  person: { name: string; email: string },
  profile: Record<string, unknown>,
  course: { provider: string; date: string; hours: number; kind: string },
) {
  const password = 'a long enough password';
  const visitor = await apiAs(playwright, baseURL);
  await call(visitor, 'POST', '/api/v1/auth/sign-up', { ...person, password });
  const confirm = (await mailsTo(visitor, person.email, 'verify-email'))[0]!;
  const token = /#token=([A-Za-z0-9_-]+)/.exec(confirm.text)![1];
  await call(visitor, 'POST', '/api/v1/auth/verify-email', { token });

  const member = await apiAs(playwright, baseURL, person.email, password);
  const tiers = (await (await member.get('/api/v1/association/tiers')).json()) as {
    id: string;
    name: string;
    annualDuesCents: number;
  }[];
  const full = tiers.find((t) => t.name === 'Full')!;
  await call(member, 'POST', '/api/v1/association/membership', { tierId: full.id });
  const { user } = (await (await member.get('/api/v1/auth/session')).json()) as { user: { id: string } };

  const staff = await apiAs(playwright, baseURL, 'staff@demo.parley.test');
  const { now } = (await (await call(staff, 'POST', '/api/v1/dev/clock', {})).json()) as { now: string };
  await call(staff, 'POST', '/api/v1/association/payments', {
    userId: user.id,
    purpose: 'dues',
    method: 'cheque',
    amountCents: full.annualDuesCents,
    receivedOn: now.slice(0, 10),
  });

  await call(member, 'PUT', '/api/v1/directory/me', {
    displayName: person.name,
    published: true,
    ...profile,
  });
  const own = (await (await call(member, 'POST', '/api/v1/directory/me/courses', course)).json()) as {
    profile: { courses: { id: string }[] };
  };
  await call(staff, 'POST', `/api/v1/directory/courses/${own.profile.courses[0]!.id}/verify`, {});
  return user.id;
}

export const PARENT_PASSWORD = 'a long parent password';

/** A 16th Circuit (Jackson County) family referral, entered by the family program's coordinator. */
export async function jacksonReferral(
  coordinator: Api,
  label: string,
  parties: { name: string; email: string }[],
) {
  const programs = (await (await coordinator.get('/api/v1/programs')).json()) as {
    id: string;
    kind: string;
  }[];
  const caseNumber = `2616-FC-${label}-${Date.now() % 100_000}`;
  const created = await call(coordinator, 'POST', '/api/v1/cases', {
    form: 'court_referral',
    programId: programs.find((p) => p.kind === 'family')!.id,
    requester: parties[0],
    respondent: parties[1],
    description: 'Parenting time after separation.',
    caseType: 'family',
    court: 'Circuit Court of Jackson County',
    circuit: 16,
    caseNumber,
    rule: '88',
    orderDate: '2026-02-20',
    issues: ['parenting_time'],
  });
  return { caseId: ((await created.json()) as { id: string }).id, caseNumber };
}

/**
 * A Rule 88 family case of the 16th Circuit with its mediator appointed, set through the API: the
 * family program's coordinator enters the court's referral, Pat and Riley Lane join by their links
 * (with PARENT_PASSWORD) and answer screening, and the coordinator appoints Helen Park, the demo
 * mediator, who has yet to answer.
 */
export async function familyCaseAppointed(playwright: Playwright, baseURL: string, label: string) {
  const coordinator = await apiAs(playwright, baseURL, 'family.coordinator@demo.parley.test');
  const emails = { pat: uniqueEmail('pat', label), riley: uniqueEmail('riley', label) };
  const { caseId, caseNumber } = await jacksonReferral(coordinator, label, [
    { name: 'Pat Lane', email: emails.pat },
    { name: 'Riley Lane', email: emails.riley },
  ]);
  const c = `/api/v1/cases/${caseId}`;
  const parents: Api[] = [];
  for (const email of [emails.pat, emails.riley]) {
    const invite = (await mailsTo(coordinator, email, 'invitation-case-party'))[0]!;
    const token = /#token=([A-Za-z0-9_-]+)/.exec(invite.text)![1];
    const parent = await apiAs(playwright, baseURL);
    await call(parent, 'POST', '/api/v1/invitations/accept', { token, password: PARENT_PASSWORD });
    parents.push(parent);
  }
  const [pat, riley] = parents as [Api, Api];
  // Screening opens once both sides are taking part.
  await call(pat, 'PUT', `${c}/screening`, { answers: unconcernedFor('abuse', 'requester'), note: '' });
  await call(riley, 'PUT', `${c}/screening`, { answers: unconcernedFor('abuse', 'respondent'), note: '' });
  await call(coordinator, 'POST', `${c}/screening/decision`, { decision: 'proceed', safeguards: [] });
  const options = (await (await coordinator.get(`${c}/mediator-options`)).json()) as {
    roster: { userId: string; name: string }[];
  };
  const helen = options.roster.find((r) => r.name === 'Helen Park')!.userId;
  await call(coordinator, 'POST', `${c}/mediator/appointment`, { mediatorId: helen });
  return { caseId, c, caseNumber, emails, coordinator, pat, riley };
}
