import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_EVENTS,
  CASE_STATES,
  type CasePlace,
  type CaseState,
  canTransition,
  IllegalTransition,
  isClosed,
  mediationSteps,
  stageLabel,
  transition,
} from './case-lifecycle.ts';

describe('case lifecycle', () => {
  it('34 CFR 300.506 and RSMo 435.014: the path from request to ready to schedule', () => {
    let s = transition('requested', 'invite_other_party');
    expect(s).toBe('awaiting_other_party');
    s = transition(s, 'other_party_agrees');
    s = transition(s, 'screening_proceed');
    s = transition(s, 'mediator_accepts');
    expect(s).toBe('agreement_to_mediate');
    expect(transition(s, 'all_signed')).toBe('ready_to_schedule');
  });
  it('34 CFR 300.506(b)(1)(i): the other side may decline, closing the case', () => {
    expect(transition('awaiting_other_party', 'other_party_declines')).toBe('declined');
  });
  it('RSMo 435.014: a case cannot skip the signed Agreement to Mediate', () => {
    expect(() => transition('choosing_mediator', 'all_signed')).toThrow(IllegalTransition);
    expect(() => transition('screening', 'mediator_accepts')).toThrow(IllegalTransition);
  });
  it('closed states are final: no event leads out of declined, withdrawn or not suitable (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_STATES), fc.constantFrom(...CASE_EVENTS), (state, event) => {
        if (isClosed(state)) expect(canTransition(state, event)).toBe(false);
        if (canTransition(state, event)) expect(CASE_STATES).toContain(transition(state, event));
        else expect(() => transition(state, event)).toThrow(IllegalTransition);
      }),
    );
  });
  it('Rule 88.04: a disqualified mediator sends the case back to choosing a mediator', () => {
    expect(transition('agreement_to_mediate', 'mediator_removed')).toBe('choosing_mediator');
  });
});

describe('case lifecycle after ready to schedule', () => {
  it('RSMo 435.014: the first session can be set only once the Agreement to Mediate is signed', () => {
    expect(transition('ready_to_schedule', 'first_session_scheduled')).toBe('in_mediation');
    expect(() => transition('agreement_to_mediate', 'first_session_scheduled')).toThrow(IllegalTransition);
  });
  it('RSMo 162.959: a mediation ends in full, partial, informal or no agreement, and stays closed', () => {
    expect(transition('in_mediation', 'close_full_agreement')).toBe('full_agreement');
    expect(transition('in_mediation', 'close_partial_agreement')).toBe('partial_agreement');
    expect(transition('in_mediation', 'close_informal_agreement')).toBe('informal_agreement');
    expect(transition('in_mediation', 'close_no_agreement')).toBe('no_agreement');
    for (const s of ['full_agreement', 'partial_agreement', 'informal_agreement', 'no_agreement'] as const) {
      expect(isClosed(s)).toBe(true);
    }
  });
  it('34 CFR 300.506(b)(1)(i): a party may still withdraw, or the mediator end it as not suitable, during mediation', () => {
    expect(transition('in_mediation', 'withdraw')).toBe('withdrawn');
    expect(transition('in_mediation', 'screening_not_suitable')).toBe('not_suitable');
  });
  it('Rule 17.03(b): a filed opt-out closes the case before mediation, and it stays closed', () => {
    expect(transition('choosing_mediator', 'opt_out_filed')).toBe('opted_out');
    expect(isClosed('opted_out')).toBe(true);
    expect(() => transition('opted_out', 'withdraw')).toThrow(IllegalTransition);
  });
  it('an outcome cannot be recorded before mediation begins', () => {
    expect(() => transition('ready_to_schedule', 'close_full_agreement')).toThrow(IllegalTransition);
  });
});

describe('the steps of the mediation a viewer may open', () => {
  const steps = (
    state: CaseState,
    place: CasePlace,
    over: { mediator?: boolean; signed?: boolean; outcome?: string | null } = {},
  ) =>
    mediationSteps(
      state,
      { place, mediator: over.mediator ?? place === 'mediator' },
      { agreementSigned: over.signed ?? false, outcome: over.outcome ?? null },
    );

  // The steps of the people at the table while the mediation runs.
  const AT_THE_TABLE = ['preparation', 'sessions', 'messages', 'documents', 'issues', 'agreement'];

  it('none before everyone has signed the Agreement to Mediate', () => {
    for (const place of ['party', 'mediator', 'coordinator'] as const)
      expect(steps('agreement_to_mediate', place)).toEqual([]);
    expect(steps('declined', 'party')).toEqual([]);
    // An offered mediator who has not accepted is not the case's mediator.
    expect(steps('choosing_mediator', 'mediator')).toEqual([]);
  });

  it('in mediation: each place gets the steps its pages let it use', () => {
    expect(steps('in_mediation', 'party')).toEqual(AT_THE_TABLE);
    expect(steps('in_mediation', 'mediator')).toEqual([...AT_THE_TABLE, 'notes', 'outcome']);
    expect(steps('in_mediation', 'co_mediator', { mediator: true })).toEqual(
      steps('in_mediation', 'mediator'),
    );
    // A companion prepares nothing of their own.
    expect(steps('in_mediation', 'companion')).toEqual([
      'sessions',
      'messages',
      'documents',
      'issues',
      'agreement',
    ]);
    // The program sees no preparation, document folder, board, draft or notes; it writes to the mediators.
    expect(steps('in_mediation', 'coordinator')).toEqual(['sessions', 'messages']);
    // Before the first session is set, the mediator has nothing to close yet.
    expect(steps('ready_to_schedule', 'mediator')).not.toContain('outcome');
  });

  it('once signed and closed: promises for everyone, the signed agreement for the program, the survey for parties', () => {
    const closed = { signed: true, outcome: 'partial_agreement' };
    expect(steps('partial_agreement', 'party', closed)).toEqual([
      ...AT_THE_TABLE,
      'promises',
      'outcome',
      'survey',
    ]);
    expect(steps('partial_agreement', 'coordinator', closed)).toEqual([
      'sessions',
      'messages',
      'agreement',
      'promises',
      'outcome',
    ]);
    expect(steps('no_agreement', 'coordinator', { outcome: 'no_agreement' })).toEqual([
      'sessions',
      'messages',
      'outcome',
    ]);
  });
});

describe('the stage in plain words', () => {
  it('a signed agreement is not "In mediation"; otherwise the state says it', () => {
    expect(stageLabel('in_mediation', false)).toBe('In mediation');
    expect(stageLabel('in_mediation', true)).toBe('Agreement signed');
    expect(stageLabel('full_agreement', true)).toBe('Closed: full agreement');
    expect(stageLabel('screening', false)).toBe('Screening');
  });
});
