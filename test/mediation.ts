import { buildProgram, buildUser } from '../server/db/seed/builders.ts';
import type { TestApp } from './app.ts';
import { buildRosterMediator, CALM_ANSWERS, openSpecialEducationCase } from './cases.ts';
import { json, signedIn, type TestClient } from './client.ts';

/**
 * A special-education case brought to "ready to schedule" through the API, the way part 1's
 * journey does it: the district agrees, both answer screening, the coordinator proceeds, both
 * pick the mediator, the mediator accepts, both sign the Agreement to Mediate.
 */
export async function readySpecialEducationCase(
  t: TestApp,
  options: { programId?: string; mediator?: { id: string; email: string; password: string } } = {},
) {
  const programId = options.programId ?? (await buildProgram(t.deps, { kind: 'special_education' })).id;
  const coordinatorUser = await buildUser(t.deps, {
    name: 'Casey Coordinator',
    grants: [{ role: 'coordinator', programId }],
  });
  const mediatorUser =
    options.mediator ??
    (await buildRosterMediator(t, { programId, name: 'Quinn Neutral', rosters: ['special_education'] }));
  const opened = await openSpecialEducationCase(t, programId);
  const { caseId, parent, district } = opened;
  const coordinator = await signedIn(t.app, coordinatorUser);
  const mediator = await signedIn(t.app, mediatorUser);
  const must = async (label: string, p: Promise<{ statusCode: number; body: string }>) => {
    const r = await p;
    if (r.statusCode >= 300) throw new Error(`${label}: ${r.statusCode} ${r.body}`);
    return r;
  };
  await must('agree', district.post(`/api/v1/cases/${caseId}/response`, { decision: 'agree' }));
  await must(
    'screen parent',
    parent.put(`/api/v1/cases/${caseId}/screening`, { answers: CALM_ANSWERS, note: '' }),
  );
  await must(
    'screen district',
    district.put(`/api/v1/cases/${caseId}/screening`, { answers: CALM_ANSWERS, note: '' }),
  );
  await must(
    'proceed',
    coordinator.post(`/api/v1/cases/${caseId}/screening/decision`, { decision: 'proceed', safeguards: [] }),
  );
  await must(
    'pick p',
    parent.put(`/api/v1/cases/${caseId}/mediator-picks`, { mediatorIds: [mediatorUser.id] }),
  );
  await must(
    'pick d',
    district.put(`/api/v1/cases/${caseId}/mediator-picks`, { mediatorIds: [mediatorUser.id] }),
  );
  await must(
    'accept',
    mediator.post(`/api/v1/cases/${caseId}/mediator/response`, { accept: true, conflict: 'none' }),
  );
  const atm = json<{ sha256: string }>(await parent.get(`/api/v1/cases/${caseId}/agreement-to-mediate`));
  for (const [client, name] of [
    [parent, 'Rosa Lopez'],
    [district, 'Dana Director'],
  ] as [TestClient, string][]) {
    await must(
      'sign atm',
      client.post(`/api/v1/cases/${caseId}/agreement-to-mediate/signatures`, {
        documentSha256: atm.sha256,
        intent: true,
        consentToElectronic: true,
        typedName: name,
      }),
    );
  }
  const view = json<{ state: string; participants: { id: string; role: string; side: string }[] }>(
    await parent.get(`/api/v1/cases/${caseId}`),
  );
  if (view.state !== 'ready_to_schedule') throw new Error(`case is ${view.state}`);
  const parentId = view.participants.find((p) => p.side === 'requester' && p.role === 'party')!.id;
  const districtId = view.participants.find((p) => p.side === 'respondent' && p.role === 'party')!.id;
  return { ...opened, programId, coordinator, coordinatorUser, mediator, mediatorUser, parentId, districtId };
}

/** A joint session body at a Missouri wall-clock time. */
export const jointSession = (date: string, time = '10:00', minutes = 120) => ({
  kind: 'joint',
  date,
  time,
  minutes,
  place: {
    kind: 'in_person',
    address: '205 Jefferson St, Jefferson City MO 65101',
    room: 'Room 4B',
    accessibility: 'Step-free entrance on Jefferson St',
  },
});
