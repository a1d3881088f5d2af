/**
 * How an application ends without anyone deciding it (Rule 88.04(e): no denial in time), and the
 * disqualified mediator's leaving the case, which a decision to disqualify uses too.
 */
import { canTransition, isClosed } from '../../../domain/case-lifecycle.ts';
import { stateAt } from '../../../domain/disqualification.ts';
import { inTransaction, type Tx } from '../../db/database.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { supersedeAgreementToMediate } from '../agreements-to-mediate/atm.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type CaseRow, loadCaseForJob, moveCase } from '../cases/case-access.ts';
import { notifyCase, notifyCoordinators, notifyCourt, notifyMediator } from '../cases/notify.ts';
import { applicationOf, citeOf, type RequestRow } from './disqualification-view.ts';
import { SELECTION_EMAILS } from './selection.emails.ts';
import * as repo from './selection.repository.ts';

/** The disqualified mediator leaves the case, is not offered it again, and a new one is chosen. */
export async function removeMediator(tx: Tx, deps: Deps, c: CaseRow, r: RequestRow, actorId: string | null) {
  if (c.mediator_id !== r.mediator_id) return;
  await supersedeAgreementToMediate(tx, deps, c);
  await moveCase(tx, deps, c, 'mediator_removed', actorId, {
    mediator_id: null,
    mediator_status: null,
    mediator_chosen_at: null,
    mediator_disclosure: null,
    ready_at: null,
    declined_mediators: [...c.declined_mediators, r.mediator_id],
    // The new mediator writes their own Rule 88.06 disclosure.
    details: { ...c.details, mediatorDisclosure: undefined },
  });
  await repo.deletePicks(tx, c.id);
  await notifyMediator(tx, deps, c, r.mediator_id, SELECTION_EMAILS.disqualified(c.reference));
}

/**
 * Rule 88.04(e): an application no party denied within its 10 days disqualifies the mediator; no
 * one decides it. Recorded for one case (before any step on its applications) or, by the job,
 * for every case with one whose time has run out. Answers how many were recorded.
 *
 * A disqualified mediator leaves the case only before the mediation begins (Rule 88.04 replaces the
 * mediator before the mediation; the lifecycle's mediator_removed, and new applications are refused
 * once it has begun). An application filed before that whose time ran out after the mediation began
 * with the same mediator therefore ends without effect: the mediator stays, the ending is audited,
 * and the parties, the mediator, the program and the court are told, so a party may still ask the
 * court (a case that closed meanwhile: only the program is told). One case that cannot be recorded
 * is logged and never stops the others.
 */
export async function settleLapsedApplications(deps: Deps, caseId?: string): Promise<number> {
  const now = deps.clock.now();
  const lapsed = await repo.listLapsedRequests(deps.db, iso(now), caseId);
  let recorded = 0;
  for (const { id, case_id } of lapsed) {
    try {
      if (await settleLapsed(deps, case_id, id, now)) recorded += 1;
    } catch (error) {
      deps.log.error(
        { err: error, caseId: case_id, requestId: id },
        'an undenied application could not be recorded',
      );
    }
  }
  return recorded;
}

async function settleLapsed(deps: Deps, caseId: string, id: string, now: Date): Promise<boolean> {
  return inTransaction(deps.db, async (tx) => {
    const loaded = await loadCaseForJob(tx, caseId);
    const r = loaded && (await repo.findRequest(tx, caseId, id));
    if (!loaded || !r || r.outcome !== 'pending') return false;
    if (stateAt(loaded.pack.disqualification.value, applicationOf(r), now) !== 'disqualified') return false;
    const { c } = loaded;
    const cite = citeOf(loaded.pack);
    const toCase = { c, participants: loaded.participants };
    /** The application ends on its last day to deny, as `outcome`, by no one's hand. */
    const settle = async (
      outcome: 'refused' | 'granted',
      kind: 'case.disqualification_ended' | 'case.disqualification_lapsed',
      data: Record<string, unknown>,
    ) => {
      await repo.updateRequest(tx, r.id, { outcome, decided_at: r.deny_by, decided_by: null });
      await recordAudit(tx, {
        kind,
        at: now,
        actorId: null,
        programId: c.program_id,
        caseId: c.id,
        subjectType: 'disqualification_request',
        subjectId: r.id,
        data: { denyBy: r.deny_by, ...data },
      });
    };
    if (c.mediator_id === r.mediator_id && !canTransition(c.state, 'mediator_removed')) {
      await settle('refused', 'case.disqualification_ended', { state: c.state });
      // A case that closed meanwhile (withdrawn, declined) has no one left to act: the program is told.
      if (isClosed(c.state)) {
        await notifyCoordinators(tx, deps, c, SELECTION_EMAILS.disqualificationEndedByClosing(c.reference));
        return true;
      }
      const notice = SELECTION_EMAILS.disqualificationEndedByMediation(c.reference, cite);
      await notifyCase(tx, deps, toCase, notice);
      await notifyMediator(tx, deps, c, r.mediator_id, notice);
      await notifyCoordinators(tx, deps, c, notice);
      await notifyCourt(tx, deps, c, notice);
      return true;
    }
    await settle('granted', 'case.disqualification_lapsed', {});
    await removeMediator(tx, deps, c, r, null);
    const notice = SELECTION_EMAILS.disqualifiedForNoDenial(c.reference, cite);
    await notifyCase(tx, deps, toCase, notice);
    await notifyCoordinators(tx, deps, c, notice);
    await notifyCourt(tx, deps, c, notice);
    return true;
  });
}
