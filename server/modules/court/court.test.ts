import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { circuitScope } from '../../../domain/roles.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, must, signedIn, type TestClient } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { familyCaseInMediation } from '../../../test/mediation.ts';
import { buildUser } from '../../db/seed/builders.ts';
import { newId } from '../../infra/ids.ts';

/**
 * The court's view of a case its circuit referred: the referral, the people's names, the stage,
 * the applications to disqualify that come before it, the signed agreement it approves and the
 * report — never a word said in mediation. Every confidential record of the case carries a
 * canary, and no answer the court gets may hold one. Run on SQLite and PostgreSQL.
 */
const DESCRIPTION = 'CANARY-request the father drinks on weekends';
const NOTE = 'CANARY-caucus mother will give up the house';
const PREP = 'CANARY-preparation I cannot afford the school fees';
const OPTION = 'CANARY-option a quiet private offer of alimony';
const DRAFT = 'CANARY-draft term the children move to Kansas';
const COMMENT = 'CANARY-comment please drop the Kansas clause';
const CANARIES = [DESCRIPTION, NOTE, PREP, OPTION, DRAFT, COMMENT];
const SIGNED_TERM = 'The children spend alternate weekends with each parent.';

let t: TestApp;
let w: Awaited<ReturnType<typeof familyCaseInMediation>>;
let clerk: TestClient;
let otherClerk: TestClient;
let clerkUser: Awaited<ReturnType<typeof buildUser>>;
const caseUrl = (rest = '') => `/api/v1/cases/${w.caseId}${rest}`;
const courtUrl = (rest = '') => `/api/v1/court/cases/${w.caseId}${rest}`;

const expectNoCanary = (text: string) => {
  for (const canary of CANARIES) expect(text).not.toContain(canary);
  expect(text).not.toContain('CANARY');
};

beforeAll(async () => {
  t = await createTestApp();
  w = await familyCaseInMediation(t); // referred by the 13th Circuit
  clerkUser = await buildUser(t.deps, {
    name: 'Casey Clerk',
    grants: [{ role: 'court', scope: circuitScope(13) }],
  });
  clerk = await signedIn(t.app, clerkUser);
  otherClerk = await signedIn(
    t.app,
    await buildUser(t.deps, { grants: [{ role: 'court', scope: circuitScope(16) }] }),
  );
  // Every confidential record of the case, each with its canary.
  const row = await t.db
    .selectFrom('cases')
    .select('details')
    .where('id', '=', w.caseId)
    .executeTakeFirstOrThrow();
  await t.db
    .updateTable('cases')
    .set({ details: JSON.stringify({ ...JSON.parse(row.details), description: DESCRIPTION }) })
    .where('id', '=', w.caseId)
    .execute();
  await must(w.mediator.post(caseUrl('/notes'), { kind: 'caucus', body: NOTE }));
  await must(
    w.mom.put(caseUrl('/preparation'), { perspective: PREP, goals: '', concerns: '', solutions: '' }),
  );
  const issue = json<{ id: string }>(
    await must(w.mediator.post(caseUrl('/issues'), { templateId: 'parenting_time' })),
  );
  await must(w.mom.post(caseUrl(`/issues/${issue.id}/options`), { text: OPTION, visibility: 'private' }));
  await must(w.mediator.patch(caseUrl(`/issues/${issue.id}`), { status: 'agreed' }));
  await must(
    w.mediator.post(caseUrl('/agreement/versions'), {
      terms: [{ issueId: issue.id, text: DRAFT, responsible: 'Both parents' }],
      settledIssueIds: [issue.id],
    }),
  );
  await must(w.mediator.post(caseUrl('/agreement/send'), { version: 1 }));
  await must(w.dad.post(caseUrl('/agreement/comments'), { body: COMMENT }));
  await must(
    w.mediator.post(caseUrl('/agreement/versions'), {
      terms: [{ issueId: issue.id, text: SIGNED_TERM, responsible: 'Both parents' }],
      settledIssueIds: [issue.id],
    }),
  );
  await must(w.mediator.post(caseUrl('/agreement/send'), { version: 2 }));
});
afterAll(async () => t.close());

describe('the court’s view', () => {
  it('lists only the cases the clerk’s circuit referred, with their next step', async () => {
    const { rows: mine, next } = json<{
      rows: { id: string; referral: { caseNumber: string }; next: { kind: string } }[];
      next: string | null;
    }>(await must(clerk.get('/api/v1/court/cases')));
    expect(mine.map((c) => c.id)).toEqual([w.caseId]);
    expect(next).toBeNull();
    expect(mine[0]!.referral.caseNumber).toBe('2616-FC01234');
    expect(mine[0]!.next.kind).toBe('none');
    expect(json(await must(otherClerk.get('/api/v1/court/cases')))).toEqual({ rows: [], next: null });
    expect((await otherClerk.get(courtUrl())).statusCode).toBe(404);
  });

  it('never carries a word said in mediation, and the mediation’s own routes do not answer the court', async () => {
    const list = await must(clerk.get('/api/v1/court/cases'));
    const view = await must(clerk.get(courtUrl()));
    expectNoCanary(list.body + view.body);
    expect(json<{ approval: unknown; people: unknown[] }>(view)).toMatchObject({
      approval: null,
      mediator: 'Morgan Mediator',
      people: expect.arrayContaining([{ name: 'Pat Counsel', side: 'requester', role: 'attorney' }]),
    });
    expect(view.body).not.toMatch(/@example\.test/); // no addresses
    for (const path of [
      '',
      '/notes',
      '/preparation',
      '/issues',
      '/agreement',
      '/screening/responses',
      '/outcome',
    ])
      expect((await clerk.get(caseUrl(path))).statusCode, path).toBe(404);
  });

  it('shows the signed agreement the court is asked to approve, and the court’s approval makes it binding', async () => {
    await t.db
      .updateTable('settlement_agreements')
      .set({ signed_at: new Date(t.clock.now()).toISOString() })
      .where('case_id', '=', w.caseId)
      .execute();
    const view = await must(clerk.get(courtUrl()));
    expectNoCanary(view.body);
    const seen = json<{
      next: { kind: string };
      approval: { status: string; sections: { paragraphs: string[] }[]; can: { approve: boolean } };
    }>(view);
    expect(seen.next.kind).toBe('approve_agreement');
    expect(seen.approval.status).toBe('awaiting_court_approval');
    expect(JSON.stringify(seen.approval.sections)).toContain(SIGNED_TERM);
    expect(seen.approval.can.approve).toBe(true);

    const bad = await clerk.post(courtUrl('/agreement-approval'), { approvedOn: 'yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/date of the court’s approval/);
    const future = await clerk.post(courtUrl('/agreement-approval'), { approvedOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.body).toMatch(/approvedOn/);
    const today = new Date(t.clock.now()).toISOString().slice(0, 10);
    const approved = await clerk.post(courtUrl('/agreement-approval'), { approvedOn: '2026-01-02' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(json(approved)).toEqual({ courtApprovedAt: '2026-01-02', status: 'binding' });
    expect(today >= '2026-01-02').toBe(true);
    const agreement = json<{ status: string; binding: boolean }>(
      await must(w.mom.get(caseUrl('/agreement'))),
    );
    expect(agreement).toMatchObject({ status: 'binding', binding: true });
    const mail = await lastEmailTo(t.db, w.users.mom.email, 'case-agreement-court-approved');
    expect(mail.subject).toMatch(/court approved your agreement/);
    expectNoCanary(mail.text_body);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['actor_id', 'data'])
      .where('kind', '=', 'agreement.court_approved')
      .where('case_id', '=', w.caseId)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(clerkUser.id);
    const after = json<{ approval: { status: string; can: { approve: boolean } } }>(
      await must(clerk.get(courtUrl())),
    );
    expect(after.approval).toMatchObject({ status: 'binding', can: { approve: false } });
  });

  it('records the court case number and the judge or division, naming a missing field in words', async () => {
    const missing = await clerk.put(courtUrl('/record'), { caseNumber: ' ', judge: 'Hon. A. Judge' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toMatch(/Enter the court case number/);
    await must(
      clerk.put(courtUrl('/record'), {
        caseNumber: '2616-FC01234',
        judge: 'Hon. A. Judge',
        division: 'Division 4',
      }),
    );
    await must(
      w.coordinator.put(courtUrl('/record'), { caseNumber: '2616-FC01235', judge: 'Hon. A. Judge' }),
    );
    expect((await w.mom.put(courtUrl('/record'), { caseNumber: 'X' })).statusCode).toBe(403);
    // The case page offers the record to the program, not to a party.
    const forProgram = json<{ can: { recordCourtRecord: boolean } }>(
      await must(w.coordinator.get(caseUrl())),
    );
    const forParty = json<{ can: { recordCourtRecord: boolean } }>(await must(w.mom.get(caseUrl())));
    expect([forProgram.can.recordCourtRecord, forParty.can.recordCourtRecord]).toEqual([true, false]);
    const view = json<{ referral: { caseNumber: string; judge: string | null; division: string | null } }>(
      await must(clerk.get(courtUrl())),
    );
    expect(view.referral).toMatchObject({
      caseNumber: '2616-FC01235',
      judge: 'Hon. A. Judge',
      division: null,
    });
  });

  it('decides a denied application to disqualify: its grounds reach the court only once denied', async () => {
    // Another referral of the 13th Circuit, at its Agreement to Mediate (a mediator leaves a case
    // only before the mediation begins: the lifecycle's mediator_removed).
    w = await familyCaseInMediation(t);
    await t.db
      .updateTable('cases')
      .set({ state: 'agreement_to_mediate', ready_at: null })
      .where('id', '=', w.caseId)
      .execute();
    const applied = json<{ id: string }>(
      await must(w.mom.post(caseUrl('/disqualification-requests'), { reason: 'The mediator knows my ex' })),
    );
    const before = json<{ disqualifications: { reason: string | null; can: { decide: boolean } }[] }>(
      await must(clerk.get(courtUrl())),
    );
    expect(before.disqualifications[0]).toMatchObject({ reason: null, can: { decide: false } });
    const clerkMail = await lastEmailTo(t.db, clerkUser.email);
    expect(clerkMail.text_body).toContain(`/court/cases/${w.caseId}`);
    await must(
      w.dad.post(caseUrl(`/disqualification-requests/${applied.id}/denial`), {
        reason: 'We chose her together',
      }),
    );
    const denied = json<{
      next: { kind: string };
      disqualifications: { reason: string | null; denialReason: string | null; can: { decide: boolean } }[];
    }>(await must(clerk.get(courtUrl())));
    expect(denied.next.kind).toBe('decide_disqualification');
    expect(denied.disqualifications[0]).toMatchObject({
      reason: 'The mediator knows my ex',
      denialReason: 'We chose her together',
      can: { decide: true },
    });
    const noOrder = await clerk.post(courtUrl(`/disqualification-requests/${applied.id}/decision`), {
      grant: true,
      courtOrder: '',
    });
    expect(noOrder.statusCode).toBe(400);
    expect(noOrder.body).toMatch(/court’s order/);
    const decided = await clerk.post(courtUrl(`/disqualification-requests/${applied.id}/decision`), {
      grant: true,
      courtOrder: 'Order of the court, docket entry 14',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(json(decided)).toEqual({ outcome: 'granted' });
    const view = json<{ mediator: string | null; disqualifications: { decidedBy: string }[] }>(
      await must(clerk.get(courtUrl())),
    );
    expect(view.mediator).toBeNull();
    expect(view.disqualifications[0]!.decidedBy).toBe('court');
    const toCoordinator = await lastEmailTo(t.db, w.users.coordinatorUser.email);
    expect(toCoordinator.subject).toMatch(/disqualif/i);
    expect(JSON.stringify(view)).not.toContain('CANARY');
  });
});

describe('the court’s list of referred cases', () => {
  type Page = { rows: { id: string; state: string }[]; next: string | null };
  const cases: string[] = [];
  let clerk20: TestClient;
  beforeAll(async () => {
    // Three referrals of the 20th Circuit, each older than the one before; the oldest closed.
    const base = await t.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', w.caseId)
      .executeTakeFirstOrThrow();
    for (const [i, name, state] of [
      [0, 'Nadia Petrov', 'in_mediation'],
      [1, 'Quincy Okafor', 'in_mediation'],
      [2, 'Robin Vasquez', 'no_agreement'],
    ] as const) {
      const id = newId();
      cases.push(id);
      const at = new Date(new Date(base.created_at).getTime() - (i + 1) * 86_400_000).toISOString();
      await t.db
        .insertInto('cases')
        .values({
          ...base,
          id,
          reference: `FAM-TWENTY${i}`,
          title: `Referral ${i}`,
          state,
          court_circuit: 20,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await t.db
        .insertInto('case_participants')
        .values({
          id: newId(),
          case_id: id,
          side: 'requester',
          role: 'party',
          name,
          status: 'active',
          is_attorney: 0,
          created_at: at,
        })
        .execute();
    }
    clerk20 = await signedIn(
      t.app,
      await buildUser(t.deps, { grants: [{ role: 'court', scope: circuitScope(20) }] }),
    );
  });

  it('pages from the newest referral: 2 and the next page’s cursor, then the last 1', async () => {
    const first = json<Page>(await must(clerk20.get('/api/v1/court/cases?limit=2')));
    expect(first.rows.map((c) => c.id)).toEqual([cases[0], cases[1]]);
    expect(first.next).toEqual(expect.any(String));
    const second = json<Page>(
      await must(clerk20.get(`/api/v1/court/cases?limit=2&after=${encodeURIComponent(first.next!)}`)),
    );
    expect(second.rows.map((c) => c.id)).toEqual([cases[2]]);
    expect(second.next).toBeNull();
  });

  it('finds a case by a party’s name, by its reference, and by its stage', async () => {
    const byName = json<Page>(await must(clerk20.get('/api/v1/court/cases?q=okafor')));
    expect(byName.rows.map((c) => c.id)).toEqual([cases[1]]);
    const byReference = json<Page>(await must(clerk20.get('/api/v1/court/cases?q=fam-twenty2')));
    expect(byReference.rows.map((c) => c.id)).toEqual([cases[2]]);
    const ended = json<Page>(await must(clerk20.get('/api/v1/court/cases?state=no_agreement')));
    expect(ended.rows.map((c) => c.id)).toEqual([cases[2]]);
    // An attorney's name is not a party's: the court's search does not find it.
    expect(json<Page>(await must(clerk.get('/api/v1/court/cases?q=Pat%20Counsel'))).rows).toEqual([]);
    // Another circuit's clerk finds none of them.
    expect(json<Page>(await must(clerk.get('/api/v1/court/cases?q=okafor'))).rows).toEqual([]);
  });

  it('answers 400 naming the field for a page that is not one, a stage or a limit that is not', async () => {
    for (const [query, field] of [
      ['after=not-a-page', 'after'],
      ['state=lost', 'state'],
      ['limit=0', 'limit'],
    ] as const) {
      const r = await clerk20.get(`/api/v1/court/cases?${query}`);
      expect(r.statusCode, query).toBe(400);
      expect(r.body, query).toContain(`"${field}"`);
    }
  });
});
