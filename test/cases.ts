import type { Roster } from '../domain/eligibility.ts';
import type { Language } from '../domain/languages.ts';
import type { Role } from '../domain/roles.ts';
import { unconcernedFor } from '../domain/screening.ts';
import { buildUser } from '../server/db/seed/builders.ts';
import { buildMediatorProfile, FAMILY_QUALIFIED } from '../server/db/seed/directory-builders.ts';
import type { TestApp } from './app.ts';
import { json, signedIn, TestClient } from './client.ts';
import { lastEmailTo } from './mailbox.ts';

/**
 * A mediator in a program, with a directory profile and training record that put them on the
 * named rosters (eligibility is computed by the directory, never set), and optional employers.
 */
export async function buildRosterMediator(
  t: TestApp,
  options: { programId: string; name: string; rosters: Roster[]; employers?: string[] },
) {
  const user = await buildUser(t.deps, {
    name: options.name,
    grants: [{ role: 'mediator', programId: options.programId }],
  });
  const family = options.rosters.includes('rule88');
  await buildMediatorProfile(t.deps, {
    userId: user.id,
    email: user.email,
    name: options.name,
    ...(family ? FAMILY_QUALIFIED : {}),
    profile: { ...(family ? FAMILY_QUALIFIED.profile : {}), employers: options.employers ?? [] },
    courses: [
      ...(options.rosters.includes('rule17') ? [{ hours: 16, kind: 'civil_core' as const }] : []),
      ...(family ? (FAMILY_QUALIFIED.courses ?? []) : []),
    ],
    specialEducation: options.rosters.includes('special_education'),
  });
  return user;
}

export const DISTRICT = 'Riverside R-IV School District';
export const PARENT_ADDRESS = '1417 Hidden Hollow Lane, Columbia MO 65201';
export const PARENT_PHONE = '573-555-0142';

export function specialEducationRequest(programId: string, respondentEmail: string) {
  return {
    form: 'special_education',
    programId,
    respondent: { name: 'Dana Director', email: respondentEmail, organization: DISTRICT },
    description: 'The school stopped Maya’s speech therapy sessions without an IEP meeting.',
    student: { name: 'Maya Lopez', school: 'Riverside Elementary', grade: '3' },
    district: { name: DISTRICT },
    categories: ['evaluation', 'provision_of_services'],
    requestStateMediation: true,
  };
}

/** A Rule 88 family case a coordinator enters from the court's order: Pat and Riley are invited. */
export function familyReferral(
  programId: string,
  emails: { pat: string; riley: string },
  more: Record<string, unknown> = {},
) {
  return {
    form: 'court_referral',
    programId,
    requester: { name: 'Pat Petitioner', email: emails.pat },
    respondent: { name: 'Riley Respondent', email: emails.riley },
    description: 'Parenting time after separation.',
    caseType: 'family',
    court: 'Circuit Court of Jackson County',
    circuit: 16,
    caseNumber: '2616-FC01234',
    rule: '88',
    orderDate: '2026-02-20',
    issues: ['parenting_time'],
    ...more,
  };
}

/** Where a person's requests come from: their address and their browser. */
export type Origin = { ip: string; userAgent: string };

/**
 * A special-education case with the parent signed in (from `parentFrom` when given), the district
 * invited and (optionally) joined.
 */
export async function openSpecialEducationCase(
  t: TestApp,
  programId: string,
  options: {
    districtJoins?: boolean;
    districtEmail?: string;
    parentFrom?: Origin;
    /** The language on the parent's account, set before the request (English unless given). */
    parentReads?: Language;
  } = {},
) {
  const parentUser = await buildUser(t.deps, { name: 'Rosa Lopez', grants: [{ role: 'party' }] });
  const from = options.parentFrom;
  const parent = await new TestClient(t.app, from?.ip, from?.userAgent).signIn(
    parentUser.email,
    parentUser.password,
  );
  if (options.parentReads) await parent.patch('/api/v1/account', { language: options.parentReads });
  const districtEmail =
    options.districtEmail ?? `rep-${Math.random().toString(36).slice(2, 8)}@riverside.example`;
  const created = await parent.post('/api/v1/cases', specialEducationRequest(programId, districtEmail));
  if (created.statusCode !== 201) throw new Error(`case not created: ${created.body}`);
  const caseId = json<{ id: string }>(created).id;
  const district = new TestClient(t.app, '10.1.1.2');
  if (options.districtJoins !== false) {
    const { token } = await lastEmailTo(t.db, districtEmail, 'invitation-case-party');
    const accepted = await district.post('/api/v1/invitations/accept', {
      token,
      password: 'district rep password',
    });
    if (accepted.statusCode !== 200)
      throw new Error(
        `invitation not accepted: ${accepted.body} ${t.logs.filter((l) => l.includes('unhandled')).slice(-1)}`,
      );
  }
  return { caseId, parent, parentUser, district, districtEmail };
}

/** Screening answers that raise no concern: a family party's, a special-education parent's and district's, anyone else's. */
export const CALM_ANSWERS = unconcernedFor('abuse', 'requester');
export const CALM_PARENT = unconcernedFor('special_education', 'requester');
export const CALM_DISTRICT = unconcernedFor('special_education', 'respondent');
export const CALM_GENERAL = unconcernedFor('general', 'requester');

/**
 * A Rule 88 case entered by the program's coordinator, both parents joined by their links and
 * screened, the mediator appointed and accepted: it stands at the Agreement to Mediate. `n` keeps
 * each case's addresses and court number apart.
 */
export async function familyCaseAtAgreementToMediate(
  t: TestApp,
  o: {
    programId: string;
    coordinatorUser: { email: string; password: string };
    mediatorUser: { email: string; password: string; id: string };
    n: number;
  },
) {
  const coordinator = await signedIn(t.app, o.coordinatorUser);
  const emails = { pat: `pat${o.n}@example.test`, riley: `riley${o.n}@example.test` };
  const created = await coordinator.post(
    '/api/v1/cases',
    familyReferral(o.programId, emails, { caseNumber: `2616-FC0${o.n}` }),
  );
  const caseId = json<{ id: string }>(created).id;
  const join = async (email: string) => {
    const client = new TestClient(t.app);
    const { token } = await lastEmailTo(t.db, email, 'invitation-case-party');
    await client.post('/api/v1/invitations/accept', { token, password: 'a long parent password' });
    return client;
  };
  const pat = await join(emails.pat);
  const riley = await join(emails.riley);
  for (const c of [pat, riley])
    await c.put(`/api/v1/cases/${caseId}/screening`, { answers: CALM_ANSWERS, note: '' });
  await coordinator.post(`/api/v1/cases/${caseId}/screening/decision`, { decision: 'proceed' });
  const appointed = await coordinator.post(`/api/v1/cases/${caseId}/mediator/appointment`, {
    mediatorId: o.mediatorUser.id,
  });
  if (appointed.statusCode !== 200) throw new Error(`appointment refused: ${appointed.body}`);
  const mediator = await signedIn(t.app, o.mediatorUser);
  await mediator.post(`/api/v1/cases/${caseId}/mediator/response`, { accept: true, conflict: 'none' });
  return { caseId, pat, riley, emails, coordinator, mediator };
}

/** An invitation into a program's role (a mediator unless said), sent by a coordinator or an administrator. */
export const inviteToProgram = (
  client: TestClient,
  programId: string,
  invitee: { email: string; name: string; role?: Role },
) => client.post('/api/v1/invitations', { role: 'mediator', ...invitee, programId });
