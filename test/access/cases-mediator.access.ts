import type { AccessEntry } from './matrix.ts';
import { matrixCasePath as c, ON_CASE, ownCopy as own } from './matrix-case.ts';

/**
 * The mediator of the cases area's matrix case (set up in cases.access.ts): choosing one on a copy
 * still choosing, the offer's answer, and the requests to disqualify the matrix's mediator.
 */
export const entries: AccessEntry[] = [
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
    request: (w) => ({
      url: `/api/v1/cases/${w.extra.choosingCaseId}/mediator-picks`,
      body: { mediatorIds: [w.extra.rosterMediatorId] },
    }),
    note: 'on the copy still choosing its mediator',
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/mediator/appointment',
    allowed: ['coordinator', 'admin'],
    request: (w) => ({
      url: `/api/v1/cases/${w.extra.choosingCaseId}/mediator/appointment`,
      body: { rotation: true },
    }),
    note: 'the special-education pack offers the case to the next mediator in rotation',
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
    allowed: ON_CASE,
    request: (w) => ({ url: c(w, '/disqualification-requests') }),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/:caseId/disqualification-requests',
    allowed: ['party', 'advocate'],
    request: (w, { caller }) => ({
      url: `/api/v1/cases/${own(w, 'dqAsk', caller)}/disqualification-requests`,
      body: { reason: 'matrix' },
    }),
    status: 201,
    note: 'one request may be open at a time: each caller asks on a case of their own',
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
    request: (w, { caller }) => ({
      url: c(
        w,
        `/disqualification-requests/${w.extra[`dqDecide:${caller}`] ?? w.extra.dqRequestId}/decision`,
      ),
      body: { grant: false },
    }),
  },
];
