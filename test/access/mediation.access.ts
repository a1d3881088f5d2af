import { packForKind } from '../../domain/rule-packs/index.ts';
import { inTransaction } from '../../server/db/database.ts';
import { buildUser } from '../../server/db/seed/builders.ts';
import type { TestApp } from '../app.ts';
import { json, signedIn } from '../client.ts';
import type { AccessEntry, AccessWorld, RequestContext } from './matrix.ts';
import { AT_TABLE, caseEntry, copyMatrixCase, matrixCase, ON_CASE } from './matrix-case.ts';

/**
 * A special-education case in mediation for cases part 2: the matrix's party asked for it, the
 * matrix's advocate is on their side, the matrix's mediator has it; it has an agreed issue, a
 * private option from the party, a caucus note and a draft agreement. Its sessions and polls are
 * in mediation-scheduling.access.ts, on a case of their own.
 */
export async function setup(t: TestApp, world: AccessWorld) {
  const { caseId, party } = await matrixCase(t, world, 'matrix-district-2@example.test', 'in_mediation');
  const participantId = json<{ participants: { id: string; isMe: boolean }[] }>(
    await party.get(`/api/v1/cases/${caseId}`),
  ).participants.find((p) => p.isMe)!.id;
  const mediator = await signedIn(t.app, world.people.mediator);
  const issue = json<{ id: string }>(
    await mediator.post(`/api/v1/cases/${caseId}/issues`, { templateId: 'evaluation' }),
  );
  const option = json<{ id: string }>(
    await party.post(`/api/v1/cases/${caseId}/issues/${issue.id}/options`, {
      text: 'Matrix option',
      visibility: 'private',
    }),
  );
  const note = json<{ id: string }>(
    await mediator.post(`/api/v1/cases/${caseId}/notes`, { kind: 'caucus', body: 'Matrix note' }),
  );
  await mediator.patch(`/api/v1/cases/${caseId}/issues/${issue.id}`, { status: 'agreed' });
  await mediator.post(`/api/v1/cases/${caseId}/agreement/versions`, {
    terms: [{ issueId: issue.id, text: 'Matrix term', responsible: 'District' }],
    settledIssueIds: [issue.id],
  });
  await mediator.post(`/api/v1/cases/${caseId}/agreement/send`, { version: 1 });
  // The same case under the family rules (Rule 88), whose agreement is signed in ink and then
  // approved by the court: the mediator uploads the signed copy, and the court's approval follows.
  const family = packForKind('family')!;
  const familyCase = await inTransaction(t.db, async (tx) => {
    const id = await copyMatrixCase(tx, caseId, 'F');
    await tx
      .updateTable('cases')
      .set({ rule_pack: family.id, rule_pack_version: family.version })
      .where('id', '=', id)
      .execute();
    return id;
  });
  const familyIssue = json<{ id: string }>(
    await mediator.post(`/api/v1/cases/${familyCase}/issues`, { templateId: 'parenting_time' }),
  );
  await mediator.patch(`/api/v1/cases/${familyCase}/issues/${familyIssue.id}`, { status: 'agreed' });
  const drafted = await mediator.post(`/api/v1/cases/${familyCase}/agreement/versions`, {
    terms: [{ issueId: familyIssue.id, text: 'Matrix term', responsible: 'Both parents' }],
    settledIssueIds: [familyIssue.id],
  });
  if (drafted.statusCode !== 201) throw new Error(`family agreement: ${drafted.statusCode} ${drafted.body}`);
  await mediator.post(`/api/v1/cases/${familyCase}/agreement/send`, { version: 1 });
  // A second mediator of the program, whom the case's mediator may bring in as co-mediator.
  const coMediator = await buildUser(t.deps, { grants: [{ role: 'mediator', programId: world.program.id }] });
  Object.assign(world.extra, {
    m2CoMediator: coMediator.id,
    m2Case: caseId,
    m2Issue: issue.id,
    m2Option: option.id,
    m2Note: note.id,
    m2Participant: participantId,
    m2FamilyCase: familyCase,
  });
}

const c = (w: AccessWorld, rest = '') => `/api/v1/cases/${w.extra.m2Case}${rest}`;
const family = (w: AccessWorld, rest: string) => `/api/v1/cases/${w.extra.m2FamilyCase}${rest}`;
/** The party signs the version they read, with the name the agreement knows them by. */
async function signature(w: AccessWorld, client: RequestContext['client']) {
  // Someone who may not read the agreement gets an error envelope here, and signs nothing.
  const a = json<{ sha256?: string; signers?: { name: string; isMe: boolean }[] }>(
    await client.get(c(w, '/agreement')),
  );
  return {
    documentSha256: a.sha256 ?? '0'.repeat(64),
    intent: true,
    consentToElectronic: true,
    agreesBinding: true,
    typedName: a.signers?.find((s) => s.isMe)?.name ?? 'Not a signer',
  };
}

export const entries: AccessEntry[] = [
  caseEntry(
    'GET',
    '/preparation',
    ['party', 'mediator'],
    (w) => ({ url: c(w, '/preparation') }),
    'a party’s own answers, or the mediator; never the advocate or the program',
  ),
  caseEntry('PUT', '/preparation', ['party'], (w) => ({
    url: c(w, '/preparation'),
    body: { perspective: 'p', goals: 'g', concerns: 'c', solutions: 's' },
  })),
  caseEntry('PUT', '/preparation/:participantId/note', ['mediator'], (w) => ({
    url: c(w, `/preparation/${w.extra.m2Participant}/note`),
    body: { note: 'n' },
  })),
  caseEntry(
    'GET',
    '/notes',
    ['mediator'],
    (w) => ({ url: c(w, '/notes') }),
    'the mediator’s alone: not the program, not an administrator',
  ),
  caseEntry('POST', '/notes', ['mediator'], (w) => ({
    url: c(w, '/notes'),
    body: { kind: 'general', body: 'n' },
  })),
  caseEntry('PUT', '/notes/:noteId', ['mediator'], (w) => ({
    url: c(w, `/notes/${w.extra.m2Note}`),
    body: { body: 'n2' },
  })),
  caseEntry(
    'GET',
    '/co-mediators',
    ['mediator'],
    (w) => ({ url: c(w, '/co-mediators') }),
    'the case’s mediators only',
  ),
  caseEntry('POST', '/co-mediators', ['mediator'], (w) => ({
    url: c(w, '/co-mediators'),
    body: { userId: w.extra.m2CoMediator },
  })),
  caseEntry(
    'GET',
    '/issues',
    AT_TABLE,
    (w) => ({ url: c(w, '/issues') }),
    'the people at the table; not the program',
  ),
  caseEntry('POST', '/issues', ['mediator'], (w) => ({ url: c(w, '/issues'), body: { title: 'Transport' } })),
  caseEntry('PATCH', '/issues/:issueId', ['mediator'], (w) => ({
    url: c(w, `/issues/${w.extra.m2Issue}`),
    body: { status: 'agreed' },
  })),
  caseEntry('POST', '/issues/:issueId/options', ['party', 'mediator'], (w) => ({
    url: c(w, `/issues/${w.extra.m2Issue}/options`),
    body: { text: 'o', visibility: 'shared' },
  })),
  caseEntry(
    'POST',
    '/options/:optionId/release',
    ['party'],
    (w) => ({ url: c(w, `/options/${w.extra.m2Option}/release`) }),
    'only the proposer releases a private option',
  ),
  caseEntry(
    'GET',
    '/agreement',
    AT_TABLE,
    (w) => ({ url: c(w, '/agreement') }),
    'the program reads it once signed',
  ),
  caseEntry('POST', '/agreement/versions', ['mediator'], (w) => ({
    url: c(w, '/agreement/versions'),
    body: { terms: [{ text: 'Term', responsible: 'District' }], settledIssueIds: [w.extra.m2Issue] },
  })),
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/agreement/send',
    allowed: ['mediator'],
    // The version the mediator just wrote (the caseEntry above) goes to the parties.
    request: async (w, { client }) => ({
      url: c(w, '/agreement/send'),
      body: { version: json<{ version?: number }>(await client.get(c(w, '/agreement'))).version ?? 1 },
    }),
    note: 'the mediator sends the draft they wrote for signature',
  },
  caseEntry('GET', '/agreement/drafting', AT_TABLE, (w) => ({ url: c(w, '/agreement/drafting') })),
  caseEntry('GET', '/agreement/diff', AT_TABLE, (w) => ({ url: c(w, '/agreement/diff?from=1&to=1') })),
  caseEntry('POST', '/agreement/comments', AT_TABLE, (w) => ({
    url: c(w, '/agreement/comments'),
    body: { body: 'comment' },
  })),
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/agreement/signatures',
    allowed: ['party'],
    request: async (w, { client }) => ({
      url: c(w, '/agreement/signatures'),
      body: await signature(w, client),
    }),
    status: 201,
    note: 'the signers: the party is the only one who has joined, so this completes the agreement',
  },
  caseEntry(
    'POST',
    '/agreement/signed-copy',
    ['mediator'],
    (w) => ({
      url: family(w, '/agreement/signed-copy'),
      body: { filename: 'a.pdf', contentBase64: 'JVBERi0xLjQK' },
    }),
    'the family case, whose agreement is signed in ink',
  ),
  caseEntry(
    'GET',
    '/agreement/signed-copy',
    ['party', 'mediator', 'coordinator', 'admin'],
    (w) => ({ url: family(w, '/agreement/signed-copy') }),
    'the signers, the mediator and, once signed, the program; not the advocate, who does not sign',
  ),
  caseEntry(
    'POST',
    '/agreement/court-approval',
    ['mediator', 'coordinator', 'admin'],
    (w) => ({ url: family(w, '/agreement/court-approval'), body: { approvedOn: '2026-03-01' } }),
    'the family case: Rule 88.06(c)',
  ),
  caseEntry(
    'GET',
    '/agreement.pdf',
    ['party', 'mediator', 'coordinator', 'admin'],
    (w) => ({ url: c(w, '/agreement.pdf') }),
    'signers and the mediator; the program too, now that it is signed',
  ),
  // The mediator closes the matrix case here, so the entries below see it closed.
  caseEntry(
    'POST',
    '/outcome',
    ['mediator'],
    (w) => ({ url: c(w, '/outcome'), body: { outcome: 'no_agreement' } }),
    'the mediator closes the case; the entries below see it closed',
  ),
  caseEntry('GET', '/outcome', ON_CASE, (w) => ({ url: c(w, '/outcome') })),
  caseEntry(
    'GET',
    '/survey',
    ['party'],
    (w) => ({ url: c(w, '/survey') }),
    'each party’s own, once the case closes',
  ),
  caseEntry('PUT', '/survey', ['party'], (w) => ({
    url: c(w, '/survey'),
    body: { overall: 5, heard: 5, fair: 5, recommend: true },
  })),
  caseEntry('GET', '/court-report', ['mediator', 'coordinator', 'admin'], (w) => ({
    url: c(w, '/court-report'),
  })),
  caseEntry('GET', '/court-report.pdf', ['mediator', 'coordinator', 'admin'], (w) => ({
    url: c(w, '/court-report.pdf'),
  })),
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/survey-summary',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/survey-summary` }),
  },
];
