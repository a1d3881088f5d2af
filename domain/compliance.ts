import type { Side } from './attendance.ts';
import { addDays } from './deadlines.ts';
import type { MilestoneDue } from './settlement.ts';

/**
 * After the agreement: every promise in a signed agreement's timeline becomes a milestone to
 * track. A signed mediated agreement is binding and can be enforced in court (34 CFR
 * 300.506(b)(7); Rule 17.01; Rule 88.06(c)); parents are told to "document compliance". Pure rules
 * only: due dates, states, who may do what, when reminders go out, the share kept on time.
 *
 * Due dates are Missouri calendar dates (YYYY-MM-DD in America/Chicago); "today" is the Missouri
 * date of the clock's instant, computed by the caller.
 */

export type ResponsibleSide = Side | 'both';

/** A fixed date, or a time after everyone signed: days (as the agreement writes) or months. */
export type ComplianceDue = MilestoneDue | { kind: 'months_after_signing'; months: number };

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * "Within 2 months" of 31 December is 28 or 29 February: the same day of the month, or the
 * month's last day when it has no such day (the usual calendar-month rule).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return `${ty}-${pad(tm)}-${pad(Math.min(d, daysInMonth(ty, tm)))}`;
}

/** The Missouri date a milestone falls due, given the Missouri date everyone signed. */
export function dueDateOf(due: ComplianceDue, signedOn: string): string {
  switch (due.kind) {
    case 'date':
      return due.date;
    case 'days_after_signing':
      // "Within 30 days": calendar days, counted from the day after signing.
      return addDays(signedOn, due.days, 'calendar');
    case 'months_after_signing':
      return addMonths(signedOn, due.months);
  }
}

/**
 * Who a milestone's "responsible" words point to. The agreement writes a name ("Riverside R-IV
 * School District", "Rosa Lopez", "Both parties"); a coordinator or mediator corrects a wrong guess.
 */
export function inferResponsible(
  text: string,
  parties: readonly { side: Side; name: string; organization: string | null }[],
  programKind: string,
): ResponsibleSide {
  const t = text.toLowerCase();
  if (/\b(both|all parties|each party|everyone|the parties)\b/.test(t)) return 'both';
  const hits = new Set<Side>();
  for (const p of parties) {
    const names = [p.name, p.organization].filter((x): x is string => Boolean(x?.trim()));
    if (names.some((n) => t.includes(n.toLowerCase()))) hits.add(p.side);
  }
  if (hits.size === 1) return [...hits][0]!;
  if (hits.size === 2) return 'both';
  if (programKind === 'special_education') {
    // 34 CFR 300.506: the parent asks for mediation with the district; the district responds.
    if (/\b(district|school|school's|teacher|principal|iep team)\b/.test(t)) return 'respondent';
    if (/\b(parent|parents|guardian|family)\b/.test(t)) return 'requester';
  }
  return 'both';
}

/** The side a promise protects: the other side. A promise both made protects both. */
export const protectedSides = (responsible: ResponsibleSide): Side[] =>
  responsible === 'both'
    ? ['requester', 'respondent']
    : [responsible === 'requester' ? 'respondent' : 'requester'];

export const MILESTONE_STATES = ['pending', 'done', 'confirmed', 'disputed', 'missed', 'waived'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];
export type MilestoneAction = 'mark_done' | 'confirm' | 'dispute' | 'waive' | 'miss';

/**
 * The lifecycle. The responsible side marks a promise done (with evidence), on time or late; the
 * other side confirms or disputes it; a dispute sends it back to the responsible side, and the
 * dispute stays in the log. The side a promise protects may give it up (waive). A promise not
 * done by its date is missed.
 */
const TRANSITIONS: Record<MilestoneAction, Partial<Record<MilestoneState, MilestoneState>>> = {
  mark_done: { pending: 'done', missed: 'done', disputed: 'done' },
  confirm: { done: 'confirmed' },
  dispute: { done: 'disputed', confirmed: 'disputed' },
  waive: { pending: 'waived', missed: 'waived', disputed: 'waived', done: 'waived' },
  miss: { pending: 'missed' },
};

export class IllegalMilestoneTransition extends Error {}

/** Whether the lifecycle lets a promise in this state take this step. */
export const canMoveMilestone = (state: MilestoneState, action: MilestoneAction): boolean =>
  TRANSITIONS[action][state] !== undefined;

/** A confirmed or waived promise is settled: nobody changes it any more, not even by a correction. */
export const isSettled = (state: MilestoneState) => state === 'confirmed' || state === 'waived';

/** What a promise's log records: each step, and a correction by the mediator or the program. */
export const MILESTONE_EVENT_KINDS = [
  'created',
  'marked_done',
  'confirmed',
  'disputed',
  'waived',
  'missed',
  'corrected',
] as const;
export type MilestoneEventKind = (typeof MILESTONE_EVENT_KINDS)[number];

export function nextMilestoneState(state: MilestoneState, action: MilestoneAction): MilestoneState {
  const to = TRANSITIONS[action][state];
  if (!to) throw new IllegalMilestoneTransition(TRANSITION_REFUSALS[action](state));
  return to;
}

const TRANSITION_REFUSALS: Record<MilestoneAction, (s: MilestoneState) => string> = {
  mark_done: (s) =>
    s === 'waived'
      ? 'This promise was waived. It does not need to be done.'
      : 'This promise is already marked done.',
  confirm: () => 'Only a promise marked done can be confirmed.',
  dispute: () => 'Only a promise marked done can be disputed.',
  waive: (s) =>
    s === 'waived' ? 'This promise is already waived.' : 'A confirmed promise is kept. It cannot be waived.',
  miss: () => 'Only a promise still to be done can be missed.',
};

/** Someone acting on a milestone: a person on the case, or Parley itself (the daily check). */
export type MilestoneActor =
  | { kind: 'party' | 'companion'; side: Side }
  | { kind: 'mediator' | 'coordinator' }
  | { kind: 'system' };

/**
 * Who may do what. The responsible side marks done (a party, or the advocate with them). The
 * other side confirms or disputes: for a promise both sides made, the side that did not mark it.
 * Only a party the promise protects may waive it — an advocate cannot give up a parent's rights
 * for them — and a promise both sides made cannot be waived by one of them. Only Parley marks a
 * promise missed, when its date has passed.
 */
export function mayActOnMilestone(
  action: MilestoneAction,
  who: MilestoneActor,
  milestone: { responsible: ResponsibleSide; doneBySide: Side | null },
): { ok: true } | { ok: false; reason: string } {
  const no = (reason: string) => ({ ok: false as const, reason });
  if (action === 'miss')
    return who.kind === 'system' ? { ok: true } : no('Parley marks a promise missed when its date passes.');
  if (who.kind !== 'party' && who.kind !== 'companion')
    return no(
      'The people who signed the agreement keep track of its promises. The mediator and the program can correct a promise.',
    );
  const responsible = milestone.responsible === 'both' || milestone.responsible === who.side;
  switch (action) {
    case 'mark_done':
      return responsible ? { ok: true } : no('The side that made this promise marks it done.');
    case 'confirm':
    case 'dispute': {
      const other =
        milestone.responsible === 'both'
          ? milestone.doneBySide !== null && milestone.doneBySide !== who.side
          : milestone.responsible !== who.side;
      return other ? { ok: true } : no('The other side confirms or disputes that a promise was kept.');
    }
    case 'waive':
      if (milestone.responsible === 'both')
        return no('Both sides made this promise. Changing it needs a new written agreement.');
      if (who.kind !== 'party') return no('Only the party this promise protects can waive it.');
      return protectedSides(milestone.responsible).includes(who.side)
        ? { ok: true }
        : no('Only the party this promise protects can waive it.');
  }
}

/** States in which a promise is still owed. */
export const isOutstanding = (s: MilestoneState) => s === 'pending' || s === 'missed' || s === 'disputed';

/** A promise not kept: missed, disputed, or not done by its date. An enforcement packet is for these. */
export const isUnkept = (m: { state: MilestoneState; dueDate: string }, today: string) =>
  m.state === 'missed' || m.state === 'disputed' || (m.state === 'pending' && today > m.dueDate);

export type ReminderKind = 'before' | 'due_today' | 'overdue';

/**
 * The reminder due today, if any: some days before the date (to the responsible side), on the
 * day, and once overdue (to both sides, and to the mediator and coordinator where the program
 * wants it). Only the latest applies: a check that runs late does not send stale "coming up" notes.
 */
export function reminderDue(
  m: { state: MilestoneState; dueDate: string },
  today: string,
  daysBefore: number,
): ReminderKind | null {
  if (!isOutstanding(m.state)) return null;
  if (today > m.dueDate) return 'overdue';
  if (today === m.dueDate) return m.state === 'disputed' ? null : 'due_today';
  if (m.state === 'pending' && daysBefore > 0 && today >= addDays(m.dueDate, -daysBefore, 'calendar'))
    return 'before';
  return null;
}

export type Escalation = { mediator: boolean; coordinator: boolean };

export function reminderRecipients(
  kind: ReminderKind,
  responsible: ResponsibleSide,
  escalation: Escalation,
): { sides: Side[]; mediator: boolean; coordinator: boolean } {
  if (kind === 'overdue')
    return {
      sides: ['requester', 'respondent'],
      mediator: escalation.mediator,
      coordinator: escalation.coordinator,
    };
  return {
    sides: responsible === 'both' ? ['requester', 'respondent'] : [responsible],
    mediator: false,
    coordinator: false,
  };
}

/** Whether the check should mark a promise missed: still to be done and its date has passed. */
export const shouldMarkMissed = (m: { state: MilestoneState; dueDate: string }, today: string) =>
  m.state === 'pending' && today > m.dueDate;

/**
 * The share of promises kept on time, among those whose date has come: done (or confirmed) on or
 * before the date. Waived promises are left out; a promise marked done late counts as not on time;
 * a disputed one is not counted as kept.
 */
export function keptOnTime(
  milestones: readonly { state: MilestoneState; dueDate: string; doneOn: string | null }[],
  today: string,
): { counted: number; kept: number; share: number | null } {
  let counted = 0;
  let kept = 0;
  for (const m of milestones) {
    if (m.state === 'waived') continue;
    const onTime =
      (m.state === 'done' || m.state === 'confirmed') && m.doneOn !== null && m.doneOn <= m.dueDate;
    if (m.dueDate >= today && !onTime) continue; // not due yet and not done: too early to count
    counted += 1;
    if (onTime) kept += 1;
  }
  return { counted, kept, share: counted ? kept / counted : null };
}
