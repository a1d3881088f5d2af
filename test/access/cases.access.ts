import { findPack } from '../../domain/rule-packs/index.ts';
import { inTransaction } from '../../server/db/database.ts';
import { newId } from '../../server/infra/ids.ts';
import { insertDocument } from '../../server/modules/agreements-to-mediate/signatures.ts';
import * as repo from '../../server/modules/cases/cases.repository.ts';
import type { TestApp } from '../app.ts';
import { buildRosterMediator, specialEducationRequest } from '../cases.ts';
import { type AccessEntry, type AccessWorld, type Caller, SIGNED_IN } from './matrix.ts';
import {
  addMatrixCompanion,
  matrixCasePath as c,
  copyMatrixCase,
  insertDisqualificationRequest,
  matrixCase,
  ON_CASE,
  ownCopy as own,
} from './matrix-case.ts';

/**
 * One special-education case in the matrix's program: the matrix's party asked for it, the
 * matrix's advocate is on the party's side, the matrix's mediator has accepted it and the
 * Agreement to Mediate is waiting for signatures. The other party is nobody in the matrix.
 * Changes each caller can make only once on a case get a copy of it per caller
 * (`world.extra['<what>:<caller>']`), and a request to disqualify per deciding caller.
 * cases-mediator.access.ts and cases-safety.access.ts use these records too: every area's setup
 * runs before any area's entries.
 */
export async function setup(t: TestApp, world: AccessWorld) {
  const { caseId } = await matrixCase(
    t,
    world,
    'matrix-district@example.test',
    'agreement_to_mediate',
    async (tx, caseId, now) => {
      const atm = await insertDocument(tx, t.deps, {
        caseId,
        programId: world.program.id,
        kind: 'agreement_to_mediate',
        title: 'Agreement to Mediate',
        body: 'Agreement to Mediate\n\nText',
        actorId: null,
      });
      world.extra.atmSha256 = atm.sha256;
      // The party signs with their own name, as the signature asks.
      const people = await repo.listParticipants(tx, caseId);
      world.extra.atmPartyName = people.find((p) => p.side === 'requester' && p.role === 'party')?.name ?? '';
      const disqualification = () => insertDisqualificationRequest(tx, world, caseId, now);
      world.extra.dqRequestId = await disqualification();
      for (const caller of ['coordinator', 'admin'])
        world.extra[`dqDecide:${caller}`] = await disqualification();
      // A confidentiality exception for each coordinator who may review it (once), and one for the rest.
      const exception = async () => {
        const id = newId();
        await tx
          .insertInto('confidentiality_exceptions')
          .values({
            id,
            case_id: caseId,
            program_id: world.program.id,
            kind: 'threat_of_serious_harm',
            reported_on: now.slice(0, 10),
            reported_to: 'matrix',
            report_reference: null,
            summary_enc: null,
            recorded_by: world.people.mediator.id,
            recorded_at: now,
            reviewed_at: null,
            reviewed_by: null,
            review_note_enc: null,
          })
          .execute();
        return id;
      };
      world.extra.exceptionId = await exception();
      for (const caller of ['coordinator', 'admin']) world.extra[`review:${caller}`] = await exception();
      for (const caller of ['party', 'advocate'])
        world.extra[`dqAsk:${caller}`] = await copyMatrixCase(tx, caseId, `dq-${caller}`);
      for (const caller of ['party', 'coordinator', 'admin'])
        world.extra[`withdraw:${caller}`] = await copyMatrixCase(tx, caseId, `w-${caller}`);
      // A case whose 30-day deadline runs (it has the parties' consent) for each who may extend it.
      for (const caller of ['coordinator', 'admin']) {
        const id = await copyMatrixCase(tx, caseId, `x-${caller}`);
        await repo.updateCase(tx, id, { consented_at: now });
        world.extra[`extend:${caller}`] = id;
      }
      // Rule 17.03(b) takes a written opt-out from counsel, once, in the thirty days before the
      // deadline to begin: a civil copy, beginning in 20 days, with the matrix's attorney on it.
      const civil = findPack('mo-rule-17-civil')!;
      const beginBy = new Date(Date.parse(now) + 20 * 86_400_000).toISOString().slice(0, 10);
      for (const caller of ['attorney']) {
        const id = await copyMatrixCase(tx, caseId, `opt-${caller}`);
        await addMatrixCompanion(tx, id, world, 'attorney', now);
        await repo.updateCase(tx, id, {
          rule_pack: civil.id,
          rule_pack_version: civil.version,
          details: {
            form: 'court_referral',
            description: 'matrix',
            caseType: 'contract',
            court: 'Matrix Circuit Court',
            circuit: 13,
            caseNumber: `MX-${caller}`,
            rule: '17',
            orderDate: '2026-02-20',
            beginBy,
            issues: ['payment'],
          },
        });
        world.extra[`optOut:${caller}`] = id;
      }
      // Rule 88.06(a): a family copy at the Agreement to Mediate, for its mediator's disclosure.
      const family = findPack('mo-rule-88-family')!;
      const familyCopy = await copyMatrixCase(tx, caseId, 'disclosure');
      await repo.updateCase(tx, familyCopy, {
        rule_pack: family.id,
        rule_pack_version: family.version,
        details: {
          form: 'court_referral',
          description: 'matrix',
          caseType: 'family',
          court: 'Matrix Circuit Court',
          circuit: 13,
          caseNumber: 'MX-FC',
          rule: '88',
          orderDate: '2026-02-20',
          issues: ['custody'],
        },
      });
      world.extra.familyCaseId = familyCopy;
    },
  );
  world.extra.caseId = caseId;
  // A copy still choosing its mediator, with one mediator on the special-education roster.
  const rostered = await buildRosterMediator(t, {
    programId: world.program.id,
    name: 'Matrix Roster Mediator',
    rosters: ['special_education'],
  });
  world.extra.rosterMediatorId = rostered.id;
  world.extra.choosingCaseId = await inTransaction(t.db, async (tx) => {
    const id = await copyMatrixCase(tx, caseId, 'choosing');
    await repo.updateCase(tx, id, {
      state: 'choosing_mediator',
      mediator_id: null,
      mediator_status: null,
      mediator_chosen_at: null,
    });
    return id;
  });
}

const signedInCallers: Caller[] = SIGNED_IN;

export const entries: AccessEntry[] = [
  {
    method: 'POST',
    route: '/api/v1/cases',
    allowed: signedInCallers,
    status: 201,
    request: (w, { caller }) => ({
      body: specialEducationRequest(w.program.id, `matrix-respondent-${caller}@example.test`),
    }),
    note: 'anyone signed in may ask for mediation',
  },
  { method: 'GET', route: '/api/v1/cases', allowed: signedInCallers, note: 'each sees only their own cases' },
  {
    method: 'GET',
    route: '/api/v1/request-draft',
    allowed: signedInCallers,
    note: 'each reads only their own unsent request',
  },
  {
    method: 'PUT',
    route: '/api/v1/request-draft',
    allowed: signedInCallers,
    request: () => ({
      body: { programId: '', answers: { description: 'A draft' }, issues: [], askState: false },
    }),
    note: 'each keeps only their own unsent request',
  },
  {
    method: 'DELETE',
    route: '/api/v1/request-draft',
    allowed: signedInCallers,
    status: 204,
    note: 'each throws away only their own unsent request',
  },
  {
    method: 'GET',
    route: '/api/v1/home',
    allowed: signedInCallers,
    note: 'each sees only their own cases and the invitations sent to their own address',
  },
  {
    method: 'GET',
    route: '/api/v1/desk',
    allowed: signedInCallers,
    note: 'each sees only the cases they mediate (empty for anyone who mediates nothing)',
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/cases',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/cases` }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/queue',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/queue?view=overdue&limit=5` }),
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/queue.csv',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/queue.csv?sort=reference` }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/deadlines/:deadlineId/extend',
    allowed: ['coordinator', 'admin'],
    request: (w, { caller }) => ({
      url: `/api/v1/cases/${own(w, 'extend', caller)}/deadlines/mediation_completed/extend`,
      body: { dueOn: '2099-01-04', reason: 'The parties asked for more time' },
    }),
    note: 'each caller extends a case of their own',
  },
  { method: 'GET', route: '/api/v1/cases/:caseId', allowed: ON_CASE, request: (w) => ({ url: c(w) }) },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/request-letter.pdf',
    allowed: ON_CASE,
    request: (w) => ({ url: c(w, '/request-letter.pdf') }),
    note: 'the requesting side, the mediator and the program; never the other side',
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/response',
    allowed: [],
    request: (w) => ({ url: c(w, '/response'), body: { decision: 'agree' } }),
    note: 'only the invited other party answers, and no matrix caller is that party',
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/opt-out',
    allowed: ['attorney'],
    request: (w, { caller }) => ({
      url: `/api/v1/cases/${own(w, 'optOut', caller)}/opt-out`,
      body: { reason: 'matrix', conferred: true },
    }),
    note: 'counsel for a party files it (Rule 17.03(b)), once per case: on a civil copy with the attorney on it',
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/participants',
    allowed: ['party', 'advocate', 'coordinator', 'admin'],
    request: (w, { caller }) => ({
      url: c(w, '/participants'),
      // Interpreters never count against the companion cap, so every caller may add one.
      body: { side: 'requester', role: 'interpreter', name: `Interpreter (${caller})`, isAttorney: false },
    }),
    status: 201,
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/companion-agreement',
    allowed: ['party'],
    request: (w) => ({ url: c(w, '/companion-agreement') }),
  },
  {
    method: 'PUT',
    route: '/api/v1/cases/:caseId/my-contact',
    allowed: ['party', 'advocate'],
    request: (w) => ({ url: c(w, '/my-contact'), body: { phone: '555-0100' } }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/agreement-to-mediate',
    allowed: ON_CASE,
    request: (w) => ({ url: c(w, '/agreement-to-mediate') }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/agreement-to-mediate/signatures',
    allowed: ['party'],
    request: (w) => ({
      url: c(w, '/agreement-to-mediate/signatures'),
      body: {
        documentSha256: w.extra.atmSha256,
        intent: true,
        consentToElectronic: true,
        typedName: w.extra.atmPartyName,
      },
    }),
    status: 201,
  },
  {
    method: 'PUT',
    route: '/api/v1/cases/:caseId/agreement-to-mediate/disclosure',
    allowed: ['mediator'],
    request: (w) => ({
      url: `/api/v1/cases/${w.extra.familyCaseId}/agreement-to-mediate/disclosure`,
      body: { fees: { kind: 'free', paidBy: 'The circuit court' }, relationships: null },
    }),
    note: 'the mediator writes their own Rule 88.06 disclosure, on a family copy of the matrix case',
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/agreement-to-mediate.pdf',
    allowed: ['party', 'mediator', 'coordinator', 'admin'],
    request: (w) => ({ url: c(w, '/agreement-to-mediate.pdf') }),
    note: 'the signers, the mediator and the program',
  },
  {
    method: 'PUT',
    route: '/api/v1/cases/:caseId/due-process',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: c(w, '/due-process'), body: { pending: true } }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/withdraw',
    allowed: ['party', 'coordinator', 'admin'],
    request: (w, { caller }) => ({ url: `/api/v1/cases/${own(w, 'withdraw', caller)}/withdraw` }),
    note: 'each caller withdraws a case of their own',
  },
];
