import * as atm from '../../contracts/agreements-to-mediate.ts';
import * as caseLists from '../../contracts/case-lists.ts';
import * as caseQueue from '../../contracts/case-queue.ts';
import * as cases from '../../contracts/cases.ts';
import * as requestDrafts from '../../contracts/request-drafts.ts';
import * as screening from '../../contracts/screening.ts';
import * as selection from '../../contracts/selection.ts';
import { useRead } from './query.ts';

/**
 * Query keys of a case's first part: the case page's view, the lists of cases, a party's own
 * screening and the answers under review, the mediator choice, the Agreement to Mediate.
 * A change to a case refreshes `caseKeys.case(id)`, which holds every key of that case.
 */
export const caseKeys = {
  all: ['cases'] as const,
  mine: () => [...caseKeys.all, 'mine'] as const,
  requestDraft: () => [...caseKeys.all, 'request-draft'] as const,
  home: () => [...caseKeys.all, 'home'] as const,
  desk: () => [...caseKeys.all, 'desk'] as const,
  program: (programId: string) => [...caseKeys.all, 'program', programId] as const,
  queue: (programId: string, query: caseQueue.QueueQuery) =>
    [...caseKeys.program(programId), 'queue', query] as const,
  case: (caseId: string) => [...caseKeys.all, 'case', caseId] as const,
  view: (caseId: string) => [...caseKeys.case(caseId), 'view'] as const,
  myScreening: (caseId: string) => [...caseKeys.case(caseId), 'my-screening'] as const,
  screeningResponses: (caseId: string) => [...caseKeys.case(caseId), 'screening-responses'] as const,
  mediatorOptions: (caseId: string) => [...caseKeys.case(caseId), 'mediator-options'] as const,
  disqualifications: (caseId: string) => [...caseKeys.case(caseId), 'disqualifications'] as const,
  exceptions: (caseId: string) => [...caseKeys.case(caseId), 'confidentiality-exceptions'] as const,
  programExceptions: (programId: string, status: 'waiting' | 'reviewed') =>
    [...caseKeys.program(programId), 'confidentiality-exceptions', status] as const,
  agreementToMediate: (caseId: string) => [...caseKeys.case(caseId), 'agreement-to-mediate'] as const,
};

/** One case as this person may see it, with the steps they may open and what they may do. */
export function useCase(caseId: string) {
  return useRead(caseKeys.view(caseId), cases.getCase, { params: { caseId } });
}

/** My unsent request for mediation, as I left it (signed in only: `enabled`). */
export function useRequestDraft(enabled: boolean) {
  return useRead(caseKeys.requestDraft(), requestDrafts.getRequestDraft, undefined, {
    enabled,
    staleTime: Infinity,
  });
}

/** My cases, and the cases I mediate. */
export function useMyCases() {
  return useRead(caseKeys.mine(), caseLists.listMyCases);
}

/** My home: each of my cases with its stage and next step, and invitations waiting for me. */
export function useMyHome() {
  return useRead(caseKeys.home(), cases.getMyHome);
}

/** The mediator's desk: what needs them now across every case they mediate or co-mediate. */
export function useMediatorDesk() {
  return useRead(caseKeys.desk(), cases.getMediatorDesk);
}

/** A page of the program's work queue, as the filters in `query` choose. */
export function useWorkQueue(programId: string, query: caseQueue.QueueQuery) {
  return useRead(caseKeys.queue(programId, query), caseQueue.listQueue, { params: { programId }, query });
}

/** A party's own screening questions and answers. */
export function useMyScreening(caseId: string) {
  return useRead(caseKeys.myScreening(caseId), screening.getMyScreening, { params: { caseId } });
}

/** The screening answers, for the mediator or the screening coordinator (each read is audited). */
export function useScreeningResponses(caseId: string) {
  return useRead(
    caseKeys.screeningResponses(caseId),
    screening.listScreeningResponses,
    { params: { caseId } },
    { retry: false },
  );
}

/** Applications to disqualify the mediator (Rule 88.04), each with what the viewer may do. */
export function useDisqualifications(caseId: string) {
  return useRead(caseKeys.disqualifications(caseId), selection.listDisqualificationRequests, {
    params: { caseId },
  });
}

/** The case's confidentiality exceptions (the mediator and the program; each read of their words is audited). */
export function useConfidentialityExceptions(caseId: string) {
  return useRead(caseKeys.exceptions(caseId), screening.listConfidentialityExceptions, {
    params: { caseId },
  });
}

/** The program's confidentiality exceptions waiting for review, or the latest reviewed. */
export function useProgramExceptions(programId: string, status: 'waiting' | 'reviewed') {
  return useRead(caseKeys.programExceptions(programId, status), screening.listProgramExceptions, {
    params: { programId },
    query: { status },
  });
}

/** The mediators this case may be offered, and the picks so far. */
export function useMediatorOptions(caseId: string) {
  return useRead(caseKeys.mediatorOptions(caseId), selection.getMediatorOptions, { params: { caseId } });
}

/** The Agreement to Mediate: its text, fingerprint and who signed. */
export function useAgreementToMediate(caseId: string, enabled: boolean) {
  return useRead(
    caseKeys.agreementToMediate(caseId),
    atm.getAgreementToMediate,
    { params: { caseId } },
    { enabled },
  );
}
