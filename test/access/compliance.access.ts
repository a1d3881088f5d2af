import { buildUser } from '../../server/db/seed/builders.ts';
import { iso } from '../../server/infra/clock.ts';
import type { TestApp } from '../app.ts';
import { json, signedIn } from '../client.ts';
import { attached, PDF_BYTES } from '../uploads.ts';
import type { AccessEntry, AccessWorld, Caller } from './matrix.ts';
import { addMatrixParticipant, matrixCase, ON_CASE } from './matrix-case.ts';

/**
 * A signed special-education agreement for the matrix: the matrix's party is the parent, the
 * matrix's advocate is with them, a district representative signed for the district. Its
 * milestones: (1) the district's, marked done with a file; (2) the parent's; (3) the district's,
 * for the parent to waive; (4) the district's, already past its date (for the packet).
 */
export async function setup(t: TestApp, world: AccessWorld) {
  const districtUser = await buildUser(t.deps, { name: 'Matrix District', grants: [{ role: 'party' }] });
  const { caseId, party } = await matrixCase(
    t,
    world,
    'matrix-district-compliance@example.test',
    'in_mediation',
    async (tx, caseId, now) => {
      await tx
        .updateTable('case_participants')
        .set({ status: 'removed' })
        .where('case_id', '=', caseId)
        .where('side', '=', 'respondent')
        .execute();
      await addMatrixParticipant(
        tx,
        caseId,
        districtUser,
        {
          side: 'respondent',
          role: 'party',
          name: 'Matrix District',
          organization: 'Matrix School District',
        },
        now,
      );
    },
  );
  const mediator = await signedIn(t.app, world.people.mediator);
  const district = await signedIn(t.app, districtUser);
  const c = `/api/v1/cases/${caseId}`;
  const issue = json<{ id: string }>(await mediator.post(`${c}/issues`, { templateId: 'evaluation' }));
  await mediator.patch(`${c}/issues/${issue.id}`, { status: 'agreed' });
  const milestone = (what: string, responsible: string, date: string) => ({
    what,
    responsible,
    due: { kind: 'date', date },
    evidence: 'A letter',
  });
  await mediator.post(`${c}/agreement/versions`, {
    terms: [{ issueId: issue.id, text: 'Matrix term', responsible: 'District' }],
    milestones: [
      milestone('District service begins', 'Matrix School District', '2026-04-01'),
      milestone('Parent returns the form', 'The parent', '2026-04-01'),
      milestone('District sends the schedule', 'Matrix School District', '2026-04-01'),
      milestone('District holds a meeting', 'Matrix School District', '2026-03-01'),
      milestone('Parent sends the notes', 'The parent', '2026-04-01'),
      milestone('District sends the plan', 'Matrix School District', '2026-04-01'),
      milestone('District sends the report', 'Matrix School District', '2026-04-01'),
      milestone('District sends the log', 'Matrix School District', '2026-04-01'),
    ],
    settledIssueIds: [issue.id],
  });
  await mediator.post(`${c}/agreement/send`, { version: 1 });
  const a = json<{ sha256: string; signers: { name: string; isMe: boolean }[] }>(
    await party.get(`${c}/agreement`),
  );
  const sign = { documentSha256: a.sha256, intent: true, consentToElectronic: true, agreesBinding: true };
  await party.post(`${c}/agreement/signatures`, {
    ...sign,
    typedName: a.signers.find((s) => s.isMe)!.name,
  });
  await district.post(`${c}/agreement/signatures`, {
    ...sign,
    typedName: 'Matrix District',
    attestAuthority: true,
  });
  const ms = await t.db
    .selectFrom('compliance_milestones')
    .select(['id', 'position', 'responsible_side'])
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
  if (ms.length !== 8 || ms[1]!.responsible_side !== 'requester' || ms[4]!.responsible_side !== 'requester')
    throw new Error(`compliance matrix setup: ${JSON.stringify(ms)}`);
  // The district marks its promises done, for the parent's side to confirm or dispute.
  for (const n of [0, 5, 6, 7]) {
    const done = await district.post(`${c}/milestones/${ms[n]!.id}/done`, {
      doneOn: iso(t.clock.now()).slice(0, 10),
      files: n === 0 ? [attached('letter.pdf', PDF_BYTES)] : [],
      note: 'Sent',
    });
    if (done.statusCode !== 200) throw new Error(`compliance matrix setup: ${done.body}`);
  }
  const file = await t.db
    .selectFrom('compliance_evidence')
    .select('file_id')
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  Object.assign(world.extra, {
    cCase: caseId,
    cDone: ms[0]!.id,
    cWaive: ms[2]!.id,
    cFile: file.file_id,
    // One promise for each caller the parent's side acts through: the parent and their advocate.
    'cParents:party': ms[1]!.id,
    'cParents:advocate': ms[4]!.id,
    'cConfirm:party': ms[0]!.id,
    'cConfirm:advocate': ms[5]!.id,
    'cDispute:party': ms[6]!.id,
    'cDispute:advocate': ms[7]!.id,
  });
}

/** The caller's own promise for a step (the parent's, or their advocate's); anyone else tries the parent's. */
const own = (w: AccessWorld, what: string, caller: Caller) =>
  w.extra[`${what}:${caller}`] ?? w.extra[`${what}:party`]!;

const m = (w: AccessWorld, id: string, rest = '') => `/api/v1/cases/${w.extra.cCase}/milestones/${id}${rest}`;
const base = '/api/v1/cases/:caseId/milestones/:milestoneId';

export const entries: AccessEntry[] = [
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/compliance',
    allowed: ON_CASE,
    request: (w) => ({ url: `/api/v1/cases/${w.extra.cCase}/compliance` }),
  },
  {
    method: 'PATCH',
    route: base,
    allowed: ['mediator', 'coordinator', 'admin'],
    request: (w, { caller }) => ({
      url: m(w, w.extra.cWaive!),
      body: { evidenceExpected: `A dated letter (${caller})`, reason: 'Clearer words' },
    }),
    note: 'the mediator and the program correct; the parties keep track',
  },
  {
    method: 'POST',
    route: `${base}/done`,
    allowed: ['party', 'advocate'],
    request: (w, { caller }) => ({
      url: m(w, own(w, 'cParents', caller), '/done'),
      body: { doneOn: '2026-03-02', note: 'Returned' },
    }),
    note: 'the responsible side (the parent, or the advocate with them)',
  },
  {
    method: 'POST',
    route: `${base}/confirm`,
    allowed: ['party', 'advocate'],
    request: (w, { caller }) => ({ url: m(w, own(w, 'cConfirm', caller), '/confirm'), body: {} }),
    note: 'the other side from the one that marked it done',
  },
  {
    method: 'POST',
    route: `${base}/dispute`,
    allowed: ['party', 'advocate'],
    request: (w, { caller }) => ({
      url: m(w, own(w, 'cDispute', caller), '/dispute'),
      body: { reason: 'Not started' },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/enforcement-packet.pdf',
    allowed: ['party', 'mediator', 'coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/cases/${w.extra.cCase}/enforcement-packet.pdf` }),
    note: 'the signers, the mediator and the program (as the signed copy)',
  },
  {
    method: 'GET',
    route: `${base}/evidence/:fileId`,
    allowed: ON_CASE,
    request: (w) => ({ url: m(w, w.extra.cDone!, `/evidence/${w.extra.cFile}`) }),
  },
  {
    method: 'POST',
    route: `${base}/waive`,
    allowed: ['party'],
    request: (w) => ({ url: m(w, w.extra.cWaive!, '/waive'), body: { confirm: true } }),
    note: 'only the party the promise protects; not an advocate for them',
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/compliance',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/compliance` }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/compliance/promises',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/compliance/promises?status=outstanding` }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/compliance/promises.csv',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/compliance/promises.csv` }),
  },
  {
    method: 'PUT',
    route: '/api/v1/programs/:programId/compliance/settings',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({
      url: `/api/v1/programs/${w.program.id}/compliance/settings`,
      body: { remindDaysBefore: 7, escalateToMediator: false, escalateToCoordinator: true },
    }),
  },
];
