import { CALM_PARENT } from '../cases.ts';
import type { AccessEntry } from './matrix.ts';
import { matrixCasePath as c } from './matrix-case.ts';

/**
 * Safety on the cases area's matrix case (set up in cases.access.ts): the party's screening, the
 * decision on it, and the confidentiality exceptions a mediator records and the program reviews.
 */
export const entries: AccessEntry[] = [
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
    request: (w) => ({ url: c(w, '/screening'), body: { answers: CALM_PARENT, note: '' } }),
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
      body: {
        kind: 'threat_of_serious_harm',
        reportedOn: '2026-01-05',
        reportedTo: 'Police',
        summary: 'A threat against the other party',
      },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/confidentiality-exceptions/:exceptionId/review',
    allowed: ['coordinator', 'admin'],
    request: (w, { caller }) => ({
      url: c(w, `/confidentiality-exceptions/${w.extra[`review:${caller}`] ?? w.extra.exceptionId}/review`),
      body: { note: 'Checked with the mediator' },
    }),
    note: 'the program reviews; the mediator who recorded it does not',
  },
  {
    method: 'GET',
    route: '/api/v1/programs/:programId/confidentiality-exceptions',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({ url: `/api/v1/programs/${w.program.id}/confidentiality-exceptions?status=waiting` }),
  },
];
