import { expect } from 'vitest';
import { CaseCompliance } from '../contracts/compliance.ts';
import type { TestApp } from './app.ts';
import { CALM_PARENT } from './cases.ts';
import { json, type TestClient } from './client.ts';
import { jointSession, readySpecialEducationCase } from './mediation.ts';

// Seeded secrets: words said in confidence during the mediation. None may reach compliance
// records, reminders or the enforcement packet.
export const CAUCUS = 'In caucus the district admitted the therapist quit in December';
export const PREP = 'I worry the school will drag its feet again like last spring';
export const PREP_NOTE = 'Parent may accept a later evaluation date if pushed';
export const SCREENING_NOTE = 'I get nervous speaking in front of the principal';
export const PRIVATE_OPTION = 'We might fund a summer speech camp if asked privately';
export const SECRETS = [CAUCUS, PREP, PREP_NOTE, SCREENING_NOTE, PRIVATE_OPTION];

export const DISTRICT_NAME = 'Riverside R-IV School District';

/**
 * A special-education agreement signed through the API on the test clock's first day (Monday 2
 * March 2026, Missouri), after a mediation whose preparation, screening, caucus notes and a
 * private option hold the seeded secrets. Its timeline:
 *   1. Speech therapy services begin — the district, by 16 March 2026
 *   2. The evaluation is completed — the district, within 30 days (1 April 2026)
 *   3. The parent signs consent for the evaluation — the parent, within 7 days (9 March 2026)
 *   4. Both parties meet to review the IEP — both, by 4 May 2026
 */
export async function signedSpecialEducationAgreement(
  t: TestApp,
  options: Parameters<typeof readySpecialEducationCase>[1] = {},
) {
  const w = await readySpecialEducationCase(t, options);
  const url = (rest: string) => `/api/v1/cases/${w.caseId}${rest}`;
  const ok = async <R extends { statusCode: number; body: string }>(p: Promise<R>) => {
    const r = await p;
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r;
  };
  await ok(w.parent.put(url('/screening'), { answers: CALM_PARENT, note: SCREENING_NOTE }));
  await ok(
    w.parent.put(url('/preparation'), {
      perspective: PREP,
      goals: 'Speech therapy back',
      concerns: 'Time lost',
      solutions: 'Extra sessions',
    }),
  );
  await ok(w.mediator.put(url(`/preparation/${w.parentId}/note`), { note: PREP_NOTE }));
  const session = json<{ id: string }>(
    await ok(w.mediator.post(url('/sessions'), jointSession('2026-03-02', '11:00'))),
  );
  await ok(w.mediator.post(url('/notes'), { kind: 'caucus', sessionId: session.id, body: CAUCUS }));
  const ids: Record<string, string> = {};
  for (const templateId of ['evaluation', 'provision_of_services']) {
    ids[templateId] = json<{ id: string }>(await ok(w.mediator.post(url('/issues'), { templateId }))).id;
  }
  await ok(
    w.district.post(url(`/issues/${ids.provision_of_services}/options`), {
      text: PRIVATE_OPTION,
      visibility: 'private',
    }),
  );
  for (const id of Object.values(ids)) await ok(w.mediator.patch(url(`/issues/${id}`), { status: 'agreed' }));
  await ok(
    w.mediator.post(url('/agreement/versions'), {
      terms: [
        {
          issueId: ids.evaluation,
          text: 'The district completes a full speech and language evaluation of Maya.',
          responsible: DISTRICT_NAME,
        },
        {
          issueId: ids.provision_of_services,
          text: 'Maya receives speech therapy twice a week, 30 minutes each time.',
          responsible: DISTRICT_NAME,
        },
      ],
      milestones: [
        {
          what: 'Speech therapy services begin',
          responsible: DISTRICT_NAME,
          due: { kind: 'date', date: '2026-03-16' },
          evidence: 'Service log sent to the parent',
        },
        {
          what: 'The evaluation is completed',
          responsible: DISTRICT_NAME,
          due: { kind: 'days_after_signing', days: 30 },
          evidence: 'The evaluation report',
        },
        {
          what: 'The parent signs consent for the evaluation',
          responsible: 'Rosa Lopez',
          due: { kind: 'days_after_signing', days: 7 },
          evidence: 'The signed consent form',
        },
        {
          what: 'Both parties meet to review the IEP',
          responsible: 'Both parties',
          due: { kind: 'date', date: '2026-05-04' },
          evidence: 'Meeting notice and sign-in sheet',
        },
      ],
      settledIssueIds: Object.values(ids),
    }),
  );
  await ok(w.mediator.post(url('/agreement/send'), { version: 1 }));
  // Each reads the version in their language and signs that text (its fingerprint).
  const shaFor = async (client: typeof w.parent, language: string) =>
    json<{ sha256: string }>(
      await client.get(url('/agreement'), { headers: { 'accept-language': language } }),
    ).sha256;
  const sign = { intent: true, consentToElectronic: true, agreesBinding: true };
  await ok(
    w.parent.post(url('/agreement/signatures'), {
      ...sign,
      documentSha256: await shaFor(w.parent, options.parentLanguage ?? 'en-US'),
      typedName: 'Rosa Lopez',
    }),
  );
  await ok(
    w.district.post(url('/agreement/signatures'), {
      ...sign,
      documentSha256: await shaFor(w.district, 'en-US'),
      typedName: 'Dana Director',
      attestAuthority: true,
    }),
  );
  return { ...w, url, ok };
}

/** A case's promises as this person's client reads them (on a page in `language`), through the contract's own schema. */
export const compliance = async (c: TestClient, caseId: string, language?: string) =>
  CaseCompliance.parse(
    json(
      await c.get(
        `/api/v1/cases/${caseId}/compliance`,
        language ? { headers: { 'accept-language': language } } : undefined,
      ),
    ),
  );
