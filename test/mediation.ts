import type { ParticipantRole, Side } from '../domain/attendance.ts';
import type { Language } from '../domain/languages.ts';
import { inTransaction } from '../server/db/database.ts';
import { buildProgram, buildUser } from '../server/db/seed/builders.ts';
import { iso } from '../server/infra/clock.ts';
import { newId } from '../server/infra/ids.ts';
import { createTestApp, type TestApp } from './app.ts';
import {
  buildRosterMediator,
  CALM_DISTRICT,
  CALM_PARENT,
  type Origin,
  openSpecialEducationCase,
} from './cases.ts';
import { json, signedIn, type TestClient } from './client.ts';

/**
 * A special-education case brought to "ready to schedule" through the API, the way part 1's
 * journey does it: the district agrees, both answer screening, the coordinator proceeds, both
 * pick the mediator, the mediator accepts, both sign the Agreement to Mediate.
 */
export async function readySpecialEducationCase(
  t: TestApp,
  options: {
    programId?: string;
    mediator?: { id: string; email: string; password: string };
    /** Screening keeps the sides apart: the coordinator sets "separate sessions" for the parent. */
    separateSessions?: boolean;
    /** Where the parent's requests (and so their signatures) come from. */
    parentFrom?: Origin;
    /** The language the parent reads and signs the documents in (English unless given). */
    parentLanguage?: Language;
    /** The language on the parent's account, which their e-mails are written in (English unless given). */
    parentReads?: Language;
  } = {},
) {
  const programId = options.programId ?? (await buildProgram(t.deps, { kind: 'special_education' })).id;
  const coordinatorUser = await buildUser(t.deps, {
    name: 'Casey Coordinator',
    grants: [{ role: 'coordinator', programId }],
  });
  const mediatorUser =
    options.mediator ??
    (await buildRosterMediator(t, { programId, name: 'Quinn Neutral', rosters: ['special_education'] }));
  const opened = await openSpecialEducationCase(t, programId, {
    parentFrom: options.parentFrom,
    parentReads: options.parentReads,
  });
  const { caseId, parent, district } = opened;
  const coordinator = await signedIn(t.app, coordinatorUser);
  const mediator = await signedIn(t.app, mediatorUser);
  const must = async (label: string, p: Promise<{ statusCode: number; body: string }>) => {
    const r = await p;
    if (r.statusCode >= 300) throw new Error(`${label}: ${r.statusCode} ${r.body}`);
    return r;
  };
  // Accepting the e-mailed invitation was the district's yes: the case is at screening.
  await must(
    'screen parent',
    parent.put(`/api/v1/cases/${caseId}/screening`, { answers: CALM_PARENT, note: '' }),
  );
  await must(
    'screen district',
    district.put(`/api/v1/cases/${caseId}/screening`, { answers: CALM_DISTRICT, note: '' }),
  );
  const parentParticipant = json<{ participants: { id: string; isMe: boolean }[] }>(
    await parent.get(`/api/v1/cases/${caseId}`),
  ).participants.find((p) => p.isMe)!.id;
  await must(
    'proceed',
    coordinator.post(
      `/api/v1/cases/${caseId}/screening/decision`,
      options.separateSessions
        ? {
            decision: 'proceed_with_safeguards',
            safeguards: [{ participantId: parentParticipant, kind: 'separate_sessions' }],
          }
        : { decision: 'proceed', safeguards: [] },
    ),
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
  for (const [client, name, language] of [
    [parent, 'Rosa Lopez', options.parentLanguage ?? 'en-US'],
    [district, 'Dana Director', 'en-US'],
  ] as [TestClient, string, Language][]) {
    const atm = json<{ sha256: string }>(
      await client.get(`/api/v1/cases/${caseId}/agreement-to-mediate`, {
        headers: { 'accept-language': language },
      }),
    );
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

/** A case readySpecialEducationCase brought to "ready to schedule", with its people signed in. */
export type ReadyCase = Awaited<ReturnType<typeof readySpecialEducationCase>>;

/** A test app over a fresh database, with a special-education case ready to schedule. */
export async function appWithReadyCase(): Promise<{ t: TestApp; world: ReadyCase }> {
  const t = await createTestApp();
  return { t, world: await readySpecialEducationCase(t) };
}

/** The courthouse room the tests' sessions meet in. */
const COURTHOUSE_ROOM = {
  kind: 'in_person',
  address: '205 Jefferson St, Jefferson City MO 65101',
  room: 'Room 4B',
  accessibility: 'Step-free entrance on Jefferson St',
};

/** A joint session body at a Missouri wall-clock time. */
export const jointSession = (date: string, time = '10:00', minutes = 120) => ({
  kind: 'joint',
  date,
  time,
  minutes,
  place: COURTHOUSE_ROOM,
});

/**
 * A poll body proposing 9:00 and 13:00 on one day: a 90-minute joint session in the courthouse
 * room, unless another kind of session (and the side it is for) is said.
 */
export const pollBody = (date: string, kind = 'joint', side?: string) => ({
  kind,
  ...(side ? { side } : {}),
  minutes: 90,
  place: COURTHOUSE_ROOM,
  times: [
    { date, time: '09:00' },
    { date, time: '13:00' },
  ],
});

/**
 * A family (Rule 88) case already in mediation, written straight to the tables: two parents, one
 * with an attorney, and an accepted mediator. Enough for the agreement's family rules.
 */
export async function familyCaseInMediation(t: TestApp) {
  const program = await buildProgram(t.deps, { kind: 'family' });
  const mediatorUser = await buildUser(t.deps, {
    name: 'Morgan Mediator',
    grants: [{ role: 'mediator', programId: program.id }],
  });
  const coordinatorUser = await buildUser(t.deps, {
    name: 'Fran Coordinator',
    grants: [{ role: 'coordinator', programId: program.id }],
  });
  const mom = await buildUser(t.deps, { name: 'Alex Rivera', grants: [{ role: 'party' }] });
  const dad = await buildUser(t.deps, { name: 'Jordan Rivera', grants: [{ role: 'party' }] });
  const lawyer = await buildUser(t.deps, { name: 'Pat Counsel', grants: [{ role: 'attorney' }] });
  const caseId = newId();
  const now = iso(t.clock.now());
  await inTransaction(t.db, async (tx) => {
    await tx
      .insertInto('cases')
      .values({
        id: caseId,
        reference: `FAM-${caseId.slice(-6)}`,
        program_id: program.id,
        rule_pack: 'mo-rule-88-family',
        rule_pack_version: '2026-11-21',
        case_type: 'family',
        state: 'in_mediation',
        title: 'Rivera parenting plan',
        details: JSON.stringify({
          form: 'court_referral',
          description: 'Parenting plan for the two children',
          caseType: 'parenting_plan',
          court: 'Boone County Circuit Court',
          circuit: 13,
          caseNumber: '2616-FC01234',
          rule: '88',
          orderDate: now.slice(0, 10),
          issues: ['parenting_plan'],
        }),
        court_circuit: 13,
        requested_by: mom.id,
        mediator_id: mediatorUser.id,
        mediator_status: 'accepted',
        mediator_chosen_at: now,
        consented_at: now,
        ready_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const person = (
      user: { id: string; name: string; email: string },
      side: Side,
      role: ParticipantRole,
    ) => ({
      id: newId(),
      case_id: caseId,
      user_id: user.id,
      side,
      role,
      name: user.name,
      email: user.email,
      is_attorney: role === 'attorney' ? 1 : 0,
      status: 'active' as const,
      created_at: now,
    });
    await tx
      .insertInto('case_participants')
      .values([
        person(mom, 'requester', 'party'),
        person(dad, 'respondent', 'party'),
        person(lawyer, 'requester', 'attorney'),
      ])
      .execute();
  });
  return {
    caseId,
    program,
    users: { mediatorUser, coordinatorUser, mom, dad, lawyer },
    mediator: await signedIn(t.app, mediatorUser),
    coordinator: await signedIn(t.app, coordinatorUser),
    mom: await signedIn(t.app, mom),
    dad: await signedIn(t.app, dad),
    lawyer: await signedIn(t.app, lawyer),
  };
}
