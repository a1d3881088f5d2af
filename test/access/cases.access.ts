import { UNCONCERNED_ANSWERS } from '../../domain/screening.ts';
import { newId } from '../../server/infra/ids.ts';
import { insertDocument } from '../../server/modules/agreements-to-mediate/signatures.ts';
import type { TestApp } from '../app.ts';
import { specialEducationRequest } from '../cases.ts';
import { type AccessEntry, type AccessWorld, type Caller, SIGNED_IN } from './matrix.ts';
import { matrixCase } from './matrix-case.ts';

/**
 * One special-education case in the matrix's program: the matrix's party asked for it, the
 * matrix's advocate is on the party's side, the matrix's mediator has accepted it and the
 * Agreement to Mediate is waiting for signatures. The other party is nobody in the matrix.
 */
export async function setup(t: TestApp, world: AccessWorld) {
  const { caseId } = await matrixCase(
    t,
    world,
    'matrix-district@example.test',
    'agreement_to_mediate',
    async (tx, caseId, now) => {
      await insertDocument(tx, t.deps, {
        caseId,
        programId: world.program.id,
        kind: 'agreement_to_mediate',
        title: 'Agreement to Mediate',
        body: 'Agreement to Mediate\n\nText',
        actorId: null,
      });
      const dq = newId();
      await tx
        .insertInto('disqualification_requests')
        .values({
          id: dq,
          case_id: caseId,
          mediator_id: world.people.mediator.id,
          side: 'requester',
          requested_by: world.people.party.id,
          reason: 'matrix',
          requested_at: now,
          outcome: 'pending',
        })
        .execute();
      world.extra.dqRequestId = dq;
    },
  );
  world.extra.caseId = caseId;
}

const signedInCallers: Caller[] = SIGNED_IN;
/** Everyone who can see the case: its party and advocate, its mediator, the program's coordinator, an administrator. */
const onCase: Caller[] = ['party', 'advocate', 'mediator', 'coordinator', 'admin'];
const c = (w: AccessWorld, rest = '') => `/api/v1/cases/${w.extra.caseId}${rest}`;

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
    route: '/api/v1/programs/:programId/cases',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/cases` }),
  },
  { method: 'GET', route: '/api/v1/cases/:caseId', allowed: onCase, request: (w) => ({ url: c(w) }) },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/request-letter.pdf',
    allowed: onCase,
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
    allowed: onCase,
    request: (w) => ({ url: c(w, '/opt-out'), body: { reason: 'matrix' } }),
    note: 'refused by the special-education pack (422) for everyone who can see the case',
    expect2xx: false,
    why: 'the special-education pack takes no opt-outs (422)',
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/participants',
    allowed: ['party', 'advocate', 'coordinator', 'admin'],
    request: (w) => ({
      url: c(w, '/participants'),
      body: { side: 'requester', role: 'support', name: 'Support', isAttorney: false },
    }),
    expect2xx: false,
    why: 'one case for every caller: the companion limit is reached after the first (422)',
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
    route: '/api/v1/cases/:caseId/screening',
    allowed: ['party'],
    request: (w) => ({ url: c(w, '/screening') }),
  },
  {
    method: 'PUT',
    route: '/api/v1/cases/:caseId/screening',
    allowed: ['party'],
    request: (w) => ({ url: c(w, '/screening'), body: { answers: UNCONCERNED_ANSWERS, note: '' } }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/screening/responses',
    allowed: ['mediator', 'coordinator'],
    request: (w) => ({ url: c(w, '/screening/responses') }),
    note: 'the accepted mediator and the screening coordinator; not an administrator, not the advocate',
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/screening/decision',
    allowed: ['mediator', 'coordinator'],
    request: (w) => ({ url: c(w, '/screening/decision'), body: { decision: 'proceed' } }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/confidentiality-exceptions',
    allowed: ['mediator', 'coordinator', 'admin'],
    request: (w) => ({ url: c(w, '/confidentiality-exceptions') }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/confidentiality-exceptions',
    allowed: ['mediator'],
    request: (w) => ({
      url: c(w, '/confidentiality-exceptions'),
      body: { kind: 'threat_of_serious_harm', reportedTo: 'Police' },
    }),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/mediator-options',
    allowed: ['party', 'advocate', 'coordinator', 'admin'],
    request: (w) => ({ url: c(w, '/mediator-options') }),
    note: 'mediators do not see the parties’ picks',
  },
  {
    method: 'PUT',
    route: '/api/v1/cases/:caseId/mediator-picks',
    allowed: ['party'],
    request: (w) => ({ url: c(w, '/mediator-picks'), body: { mediatorIds: ['x'] } }),
    expect2xx: false,
    why: 'the matrix case is past choosing the mediator (409)',
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/mediator/appointment',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: c(w, '/mediator/appointment'), body: { mediatorId: 'x' } }),
    expect2xx: false,
    why: 'the matrix case is past choosing the mediator (409)',
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/mediator/response',
    allowed: [],
    request: (w) => ({ url: c(w, '/mediator/response'), body: { accept: true, conflict: 'none' } }),
    note: 'only a mediator with an open offer; the matrix mediator has already accepted',
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/disqualification-requests',
    allowed: onCase,
    request: (w) => ({ url: c(w, '/disqualification-requests') }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/disqualification-requests',
    allowed: ['party', 'advocate'],
    request: (w) => ({ url: c(w, '/disqualification-requests'), body: { reason: 'matrix' } }),
    expect2xx: false,
    why: 'one request may be open at a time, and setup opened one (409)',
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/disqualification-requests/:requestId/denial',
    allowed: [],
    request: (w) => ({
      url: c(w, `/disqualification-requests/${w.extra.dqRequestId}/denial`),
      body: { reason: 'matrix' },
    }),
    note: 'only the other party, who is nobody in the matrix',
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/disqualification-requests/:requestId/decision',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({
      url: c(w, `/disqualification-requests/${w.extra.dqRequestId}/decision`),
      body: { grant: false },
    }),
    expect2xx: false,
    why: 'one request for every caller: the first decides it, the next get 409',
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/agreement-to-mediate',
    allowed: onCase,
    request: (w) => ({ url: c(w, '/agreement-to-mediate') }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/agreement-to-mediate/signatures',
    allowed: ['party'],
    request: (w) => ({
      url: c(w, '/agreement-to-mediate/signatures'),
      body: {
        documentSha256: '0'.repeat(64),
        intent: true,
        consentToElectronic: true,
        typedName: 'Matrix Party',
      },
    }),
    expect2xx: false,
    why: 'the matrix sends a made-up fingerprint of the document (409)',
  },
  {
    method: 'GET',
    route: '/api/v1/cases/:caseId/agreement-to-mediate.pdf',
    allowed: ['party', 'mediator', 'coordinator', 'admin'],
    request: (w) => ({ url: c(w, '/agreement-to-mediate.pdf') }),
    note: 'the signers, the mediator and the program',
  },
  // Last: it closes the matrix's case.
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/withdraw',
    allowed: ['party', 'coordinator', 'admin'],
    request: (w) => ({ url: c(w, '/withdraw') }),
    expect2xx: false,
    why: 'one case for every caller: the first withdraws it, the next get 409',
  },
];
