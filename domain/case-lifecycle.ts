/**
 * The life of a case up to the point it can be scheduled (later steps continue from
 * ready_to_schedule). Every change of state goes through `transition`, which refuses a move the
 * process does not allow.
 */

/** The states a case ends in. */
const ENDINGS = [
  'declined',
  'withdrawn',
  'opted_out',
  'not_suitable',
  'full_agreement',
  'partial_agreement',
  'informal_agreement',
  'no_agreement',
] as const;

/** The states of a case still under way. */
const OPENINGS = [
  'requested',
  'awaiting_other_party',
  'screening',
  'choosing_mediator',
  'agreement_to_mediate',
  'ready_to_schedule',
  'in_mediation',
] as const;

export const CASE_STATES = [...OPENINGS, ...ENDINGS] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** The states a case ends in. */
export const CLOSED_STATES: readonly CaseState[] = ENDINGS;

export const STATE_LABELS: Record<CaseState, string> = {
  requested: 'Requested',
  awaiting_other_party: 'Waiting for the other side',
  screening: 'Screening',
  choosing_mediator: 'Choosing a mediator',
  agreement_to_mediate: 'Signing the Agreement to Mediate',
  ready_to_schedule: 'Ready to schedule',
  in_mediation: 'In mediation',
  declined: 'Closed: declined',
  withdrawn: 'Closed: withdrawn',
  opted_out: 'Closed: opted out in writing (Rule 17.03)',
  not_suitable: 'Closed: not suitable for mediation',
  full_agreement: 'Closed: full agreement',
  partial_agreement: 'Closed: partial agreement',
  informal_agreement: 'Closed: informal agreement (nothing written)',
  no_agreement: 'Closed: no agreement',
};

/**
 * Where a case stands, in plain words, from its state and its written agreement: the state alone
 * lags behind the agreement (a case stays "in mediation" until the mediator records the outcome,
 * though everyone has signed and its promises are being tracked). The case page, a person's list
 * of cases and the program's work queue all show this one label.
 */
export function stageLabel(state: CaseState, agreementSigned: boolean): string {
  const stage = stageOf(state, agreementSigned);
  return stage === 'agreement_signed' ? 'Agreement signed' : STATE_LABELS[stage];
}

/** Which stage `stageLabel` names: the state, or "agreement signed" (its words in other languages are the catalogs'). */
export const stageOf = (state: CaseState, agreementSigned: boolean): CaseState | 'agreement_signed' =>
  state === 'in_mediation' && agreementSigned ? 'agreement_signed' : state;

export const CASE_EVENTS = [
  'invite_other_party',
  'other_party_agrees',
  'other_party_declines',
  'screening_proceed',
  'screening_not_suitable',
  'mediator_accepts',
  'mediator_removed',
  'all_signed',
  'withdraw',
  'opt_out_filed',
  'first_session_scheduled',
  'close_full_agreement',
  'close_partial_agreement',
  'close_informal_agreement',
  'close_no_agreement',
] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

const OPEN: CaseState[] = [...OPENINGS];

/** event → the states it may happen in, and where it leads. */
const TABLE: Record<CaseEvent, { from: readonly CaseState[]; to: CaseState }> = {
  invite_other_party: { from: ['requested'], to: 'awaiting_other_party' },
  other_party_agrees: { from: ['awaiting_other_party'], to: 'screening' },
  // Only voluntary cases can be declined; the service checks the pack before asking.
  other_party_declines: { from: ['awaiting_other_party'], to: 'declined' },
  screening_proceed: { from: ['screening'], to: 'choosing_mediator' },
  screening_not_suitable: {
    from: ['screening', 'choosing_mediator', 'agreement_to_mediate', 'ready_to_schedule', 'in_mediation'],
    to: 'not_suitable',
  },
  mediator_accepts: { from: ['choosing_mediator'], to: 'agreement_to_mediate' },
  mediator_removed: { from: ['agreement_to_mediate', 'ready_to_schedule'], to: 'choosing_mediator' },
  all_signed: { from: ['agreement_to_mediate'], to: 'ready_to_schedule' },
  withdraw: { from: OPEN, to: 'withdrawn' },
  // Rule 17.03(b): a written opt-out filed in its window ends the referral; the window closes
  // before the deadline to begin, so a case already in mediation cannot opt out.
  opt_out_filed: { from: OPEN.filter((s) => s !== 'in_mediation'), to: 'opted_out' },
  // Part 2: the first session is set, then the mediator closes the case with its outcome.
  first_session_scheduled: { from: ['ready_to_schedule'], to: 'in_mediation' },
  close_full_agreement: { from: ['in_mediation'], to: 'full_agreement' },
  close_partial_agreement: { from: ['in_mediation'], to: 'partial_agreement' },
  close_informal_agreement: { from: ['in_mediation'], to: 'informal_agreement' },
  close_no_agreement: { from: ['in_mediation'], to: 'no_agreement' },
};

export class IllegalTransition extends Error {
  readonly from: CaseState;
  readonly event: CaseEvent;
  constructor(from: CaseState, event: CaseEvent) {
    super(`A case that is "${STATE_LABELS[from]}" cannot take the step "${event.replaceAll('_', ' ')}".`);
    this.from = from;
    this.event = event;
  }
}

export function canTransition(from: CaseState, event: CaseEvent): boolean {
  return TABLE[event].from.includes(from);
}

/** The state after `event`, or IllegalTransition. */
export function transition(from: CaseState, event: CaseEvent): CaseState {
  if (!canTransition(from, event)) throw new IllegalTransition(from, event);
  return TABLE[event].to;
}

export const isClosed = (state: CaseState) => CLOSED_STATES.includes(state);
export const isCaseState = (s: string): s is CaseState => (CASE_STATES as readonly string[]).includes(s);

/** The steps of the mediation, each a page of its own beside the case page. */
export const MEDIATION_STEPS = [
  'preparation',
  'sessions',
  'messages',
  'documents',
  'issues',
  'agreement',
  'promises',
  'notes',
  'outcome',
  'survey',
] as const;
export type MediationStep = (typeof MEDIATION_STEPS)[number];

/** A viewer's place on a case, as server/modules/cases/case-access.ts works it out. */
export type CasePlace = 'party' | 'companion' | 'mediator' | 'co_mediator' | 'coordinator';

/**
 * The steps of the mediation a viewer may open, following each step's own access rule:
 * preparation for each party and the mediator; sessions for everyone on the case; messages for
 * everyone on the case (each reads only their own conversations: domain/case-talk.ts) and the
 * document folder for the people at the table and the mediator; the issues
 * board and the draft agreement for the people at the table and the mediator (the program reads
 * the agreement once it is signed); private notes for the mediator alone; the outcome once the
 * mediator closed the case (or, for the mediator, to close it), and the survey for the parties
 * then; the promises once the agreement is signed. None before everyone signed the Agreement to
 * Mediate. `mediator` is the accepted mediator or a co-mediator.
 */
export function mediationSteps(
  state: CaseState,
  viewer: { place: CasePlace; mediator: boolean },
  mediation: { agreementSigned: boolean; outcome: string | null },
): MediationStep[] {
  const inMediation = state === 'ready_to_schedule' || state === 'in_mediation';
  if (!inMediation && mediation.outcome === null && !mediation.agreementSigned) return [];
  const { mediator } = viewer;
  const party = viewer.place === 'party';
  const atTable = mediator || party || viewer.place === 'companion';
  const closed = mediation.outcome !== null;
  const steps: (MediationStep | false)[] = [
    (party || mediator) && 'preparation',
    'sessions',
    (atTable || viewer.place === 'coordinator') && 'messages',
    atTable && 'documents',
    atTable && 'issues',
    (atTable || mediation.agreementSigned) && 'agreement',
    mediation.agreementSigned && 'promises',
    mediator && 'notes',
    (closed || (mediator && state === 'in_mediation')) && 'outcome',
    party && closed && 'survey',
  ];
  return steps.filter((s): s is MediationStep => s !== false);
}
