import type { MediatorDesk } from '../../../contracts/cases.ts';
import { isClosed } from '../../../domain/case-lifecycle.ts';
import { addDays } from '../../../domain/deadlines.ts';
import { formatMissouriDateTime, fromMissouriTime, missouriDate } from '../../../domain/missouri-time.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { agreementsAwaitingSignatures } from '../agreements/agreement-context.ts';
import { promisesOwedOnCases } from '../compliance/program.service.ts';
import { openMoveRequestsOnCases } from '../sessions/move-requests.service.ts';
import { sessionsOnCasesBetween } from '../sessions/sessions.service.ts';
import * as repo from './cases.repository.ts';
import { invitationsFor } from './home.service.ts';

/** How far ahead the desk looks for promises, and for pack deadlines (a month: DESE's 30 days fit). */
const PROMISES_AHEAD_DAYS = 14;
const DEADLINES_AHEAD_DAYS = 30;

/**
 * The mediator's desk, their home after sign-in: what needs them now across every case they
 * mediate or co-mediate — offers and invitations to answer, requests to move a session, sessions today and this week,
 * agreements waiting for signatures, deadlines coming and overdue, promises due on their
 * agreements — each linking to its case. A person who mediates nothing gets an empty desk.
 */
export async function getMediatorDesk(deps: Deps, actor: Actor | null): Promise<MediatorDesk> {
  requireActor(actor);
  const now = deps.clock.now();
  const today = missouriDate(now);
  const promisesBy = addDays(today, PROMISES_AHEAD_DAYS, 'calendar');
  const deadlinesBy = addDays(today, DEADLINES_AHEAD_DAYS, 'calendar');
  const mine = (await repo.listCasesForUser(deps.db, actor.userId)).filter(
    (r) => r.mediator_id === actor.userId,
  );
  const offered = mine.filter((r) => r.mediator_status === 'offered');
  const ids = [
    ...new Set([
      ...mine.filter((r) => r.mediator_status === 'accepted').map((r) => r.id),
      ...(await repo.listCoMediatedCaseIds(deps.db, actor.userId)),
    ]),
  ];
  const cases = new Map((await repo.listDeskCases(deps.db, ids)).map((c) => [c.id, c]));
  const on = (caseId: string) => {
    const c = cases.get(caseId);
    return { caseId, reference: c?.reference ?? '', title: c?.title ?? '' };
  };
  const weekEnd = fromMissouriTime(addDays(today, 7, 'calendar'), '00:00:00');
  const sessions = await sessionsOnCasesBetween(deps.db, ids, fromMissouriTime(today, '00:00:00'), weekEnd);
  const user = await findUser(deps.db, actor.userId);
  return {
    today,
    offers: offered.map((r) => ({ caseId: r.id, reference: r.reference, title: r.title })),
    invitations: user ? await invitationsFor(deps, user.email) : [],
    moveRequests: (await openMoveRequestsOnCases(deps.db, ids)).map((r) => ({
      ...on(r.case_id),
      requestId: r.id,
      sessionId: r.session_id,
      kind: r.kind,
      askedBy: r.asked_by_name ?? 'A party',
      fromShown: formatMissouriDateTime(r.from_starts_at),
    })),
    sessions: sessions.map((s) => ({
      ...on(s.case_id),
      sessionId: s.id,
      kind: s.kind,
      startsAt: s.starts_at,
      shown: formatMissouriDateTime(s.starts_at),
      minutes: s.minutes,
      today: missouriDate(new Date(s.starts_at)) === today,
    })),
    signatures: (await agreementsAwaitingSignatures(deps.db, ids)).map((a) => ({
      ...on(a.caseId),
      sentAt: a.sentAt,
    })),
    deadlines: [...cases.values()]
      .filter((c) => c.next_due_on && c.next_due_on <= deadlinesBy && !isClosed(c.state))
      .sort((a, b) => (a.next_due_on! < b.next_due_on! ? -1 : 1))
      .map((c) => ({
        ...on(c.id),
        label: c.next_due_label ?? 'Next deadline',
        dueDate: c.next_due_on!,
        status:
          c.next_due_on! < today
            ? ('overdue' as const)
            : (c.next_due_warn_on ?? c.next_due_on!) <= today
              ? ('due_soon' as const)
              : ('upcoming' as const),
      })),
    promises: (await promisesOwedOnCases(deps.db, ids, promisesBy)).map((m) => ({
      ...on(m.case_id),
      milestoneId: m.id,
      what: m.what,
      dueDate: m.due_date,
      overdue: m.due_date < today,
    })),
  };
}
