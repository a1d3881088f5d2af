import { normalizeEmployer, type Roster } from '../domain/eligibility.ts';
import { inTransaction } from '../server/db/database.ts';
import { buildUser } from '../server/db/seed/builders.ts';
import { addTrainingCourse } from '../server/modules/directory/training.service.ts';
import type { TestApp } from './app.ts';
import { json, signedIn, TestClient } from './client.ts';
import { lastEmailTo } from './mailbox.ts';

/**
 * A mediator in a program who is on a directory roster. The training record is written through
 * the directory's own service; the roster flag and employers are then set directly so a test can
 * name exactly which roster and employer it needs.
 */
export async function buildRosterMediator(
  t: TestApp,
  options: { programId: string; name: string; rosters: Roster[]; employers?: string[] },
) {
  const user = await buildUser(t.deps, {
    name: options.name,
    grants: [{ role: 'mediator', programId: options.programId }],
  });
  await inTransaction(t.db, async (tx) => {
    const { profileId } = await addTrainingCourse(tx, t.deps, {
      userId: user.id,
      provider: 'Test training',
      date: '2025-01-10',
      hours: 40,
      kind: 'civil_core',
      verified: true,
      source: 'staff',
    });
    const employers = options.employers ?? [];
    await tx
      .updateTable('directory_profiles')
      .set({
        employers: JSON.stringify(employers),
        employer_keys: JSON.stringify(employers.map(normalizeEmployer)),
        elig_rule17: options.rosters.includes('rule17') ? 1 : 0,
        elig_rule88: options.rosters.includes('rule88') ? 1 : 0,
        elig_special_education: options.rosters.includes('special_education') ? 1 : 0,
      })
      .where('id', '=', profileId)
      .execute();
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

/** A special-education case with the parent signed in, the district invited and (optionally) joined. */
export async function openSpecialEducationCase(
  t: TestApp,
  programId: string,
  options: { districtJoins?: boolean; districtEmail?: string } = {},
) {
  const parentUser = await buildUser(t.deps, { name: 'Rosa Lopez', grants: [{ role: 'party' }] });
  const parent = await signedIn(t.app, parentUser);
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

export const CALM_ANSWERS = {
  feel_safe: true,
  afraid_of_harm: false,
  past_abuse: false,
  protection_order: false,
  can_speak_up: true,
  needs_support: false,
  willing_honest: true,
  hide_address: false,
};
