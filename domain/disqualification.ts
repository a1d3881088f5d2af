import { type CourtCalendar, courtPeriod, STATEWIDE } from './court-days.ts';
import { fromMissouriTime, missouriDate } from './missouri-time.ts';
import type { Cited, DisqualificationRule } from './rule-packs/types.ts';

/**
 * An application to disqualify the mediator, as a state machine.
 *
 * Rule 88.04(e) (family cases): after a mediator is assigned, a party may file a written
 * application to disqualify the mediator for cause. Within 10 days of its filing any adverse party
 * may file a denial. With no denial by then, the mediator is disqualified and a new one is
 * appointed (Rule 88.04(d)); with a denial, the court may hear evidence and decides. Nobody else
 * decides: a coordinator can neither refuse an undenied application nor grant a denied one.
 *
 *   applied ──(adverse party denies, within 10 days)──▶ denied ──(court)──▶ disqualified | retained
 *      └──(10 days pass with no denial)──▶ disqualified
 *
 * Other packs: the program decides (applied ──(program)──▶ disqualified | retained). In both, the
 * applicant may withdraw an application that is still open.
 */
export type ApplicationState = 'applied' | 'denied' | 'disqualified' | 'retained' | 'withdrawn';
/** Who acts on an application: the side that applied, the other side, the court, the program. */
export type ApplicationActor = 'applicant' | 'adverse_party' | 'court' | 'program' | 'mediator';
export type ApplicationStep = 'deny' | 'withdraw' | 'disqualify' | 'retain';

export type Application = {
  state: ApplicationState;
  /** When the application was filed (an instant, UTC). */
  filedAt: string;
};

/** What follows a final state: a new mediator is chosen, or the mediator stays. */
export type ApplicationEffect = 'choose_new_mediator' | 'mediator_stays' | null;

export class ApplicationRefused extends Error {
  readonly code: 'NOT_YOURS_TO_DECIDE' | 'TOO_LATE' | 'NOT_YET' | 'ALREADY_DECIDED';
  constructor(code: ApplicationRefused['code'], message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * The last day an adverse party may deny (Rule 88.04(e), counted by Rule 44.01(a): the filing day
 * not counted, a last day on a weekend or Missouri legal holiday moved to the next court day), and
 * the moment that day ends in Missouri. Null where the pack has no denial period.
 */
export function denialPeriod(
  rule: DisqualificationRule,
  filedAt: string,
  calendar: CourtCalendar = STATEWIDE,
): { lastDay: string; endsAt: string } | null {
  if (rule.kind !== 'rule_88_04') return null;
  const lastDay = courtPeriod(missouriDate(new Date(filedAt)), rule.denyWithinDays, calendar).dueDate;
  // The period runs to the end of its last day: 23:59:59 Missouri time.
  const endsAt = new Date(fromMissouriTime(lastDay, '23:59').getTime() + 59_000);
  return { lastDay, endsAt: endsAt.toISOString() };
}

/**
 * The application's state at `now`: an application no one denied is disqualifying once its
 * denial period is over, whether or not anyone has yet looked at it (a job records it).
 */
export function stateAt(
  rule: DisqualificationRule,
  app: Application,
  now: Date,
  calendar: CourtCalendar = STATEWIDE,
): ApplicationState {
  const period = denialPeriod(rule, app.filedAt, calendar);
  return app.state === 'applied' && period && now.toISOString() > period.endsAt ? 'disqualified' : app.state;
}

export const effectOf = (state: ApplicationState): ApplicationEffect =>
  state === 'disqualified' ? 'choose_new_mediator' : state === 'retained' ? 'mediator_stays' : null;

/** The steps `who` may take on the application now: what a page offers as buttons. */
export function stepsFor(
  rule: DisqualificationRule,
  app: Application,
  who: ApplicationActor,
  now: Date,
  calendar: CourtCalendar = STATEWIDE,
): ApplicationStep[] {
  const state = stateAt(rule, app, now, calendar);
  const open = state === 'applied' || state === 'denied';
  if (!open) return [];
  if (who === 'applicant') return ['withdraw'];
  if (rule.kind === 'rule_88_04') {
    if (who === 'adverse_party' && state === 'applied') return ['deny'];
    if (who === 'court' && state === 'denied') return ['disqualify', 'retain'];
    return [];
  }
  return who === 'program' ? ['disqualify', 'retain'] : [];
}

/**
 * Takes one step, or refuses it with a reason a person can read and the rule behind it. Returns the
 * new state and what follows from it.
 */
export function takeStep(
  rule: Cited<DisqualificationRule>,
  app: Application,
  who: ApplicationActor,
  step: ApplicationStep,
  now: Date,
  calendar: CourtCalendar = STATEWIDE,
): { state: ApplicationState; effect: ApplicationEffect } {
  const state = stateAt(rule.value, app, now, calendar);
  if (stepsFor(rule.value, app, who, now, calendar).includes(step)) {
    const next: ApplicationState =
      step === 'deny'
        ? 'denied'
        : step === 'withdraw'
          ? 'withdrawn'
          : step === 'disqualify'
            ? 'disqualified'
            : 'retained';
    return { state: next, effect: effectOf(next) };
  }
  throw refusal(rule, app, state, who, step, calendar);
}

function refusal(
  rule: Cited<DisqualificationRule>,
  app: Application,
  state: ApplicationState,
  who: ApplicationActor,
  step: ApplicationStep,
  calendar: CourtCalendar,
): ApplicationRefused {
  const because = `(${rule.cite.split(':')[0]})`;
  if (state !== 'applied' && state !== 'denied') {
    const decided =
      state === 'disqualified' && app.state === 'applied'
        ? `No one denied it within ${rule.value.denyWithinDays} days, so the mediator is disqualified and a new mediator will be chosen ${because}.`
        : 'This application has already been decided or withdrawn.';
    return new ApplicationRefused(
      step === 'deny' && app.state === 'applied' ? 'TOO_LATE' : 'ALREADY_DECIDED',
      decided,
    );
  }
  if (rule.value.kind !== 'rule_88_04') {
    return new ApplicationRefused('NOT_YOURS_TO_DECIDE', 'The program decides this request.');
  }
  if (step === 'deny') {
    return new ApplicationRefused(
      'NOT_YOURS_TO_DECIDE',
      state === 'denied'
        ? 'The application has already been denied; the court decides it now.'
        : `Only the other party can deny this application ${because}.`,
    );
  }
  if (who === 'program') {
    const lastDay = denialPeriod(rule.value, app.filedAt, calendar)?.lastDay;
    return new ApplicationRefused(
      'NOT_YOURS_TO_DECIDE',
      state === 'applied'
        ? `The program cannot decide this application. If no party denies it by the end of ${lastDay}, the mediator is disqualified; if a party denies it, the court decides ${because}.`
        : `The other party denied the application, so the court decides it ${because}.`,
    );
  }
  if (who === 'court' && state === 'applied') {
    const lastDay = denialPeriod(rule.value, app.filedAt, calendar)?.lastDay;
    return new ApplicationRefused(
      'NOT_YET',
      `The court decides only a denied application. The other party has until the end of ${lastDay} to deny it; if no one does, the mediator is disqualified ${because}.`,
    );
  }
  return new ApplicationRefused('NOT_YOURS_TO_DECIDE', `The court decides this application ${because}.`);
}

/**
 * Who must hear of the application, Rule 88.04(e): a service copy and notice of when it will be
 * presented to the court go to all interested parties; the court receives it; the mediator is told.
 */
export const APPLICATION_NOTICE = ['every party and their attorneys', 'the court', 'the mediator'] as const;
