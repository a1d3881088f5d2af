import { describe, expect, it } from 'vitest';
import { canTransition } from './case-lifecycle.ts';
import { nextSteps, OUTCOME_EVENT, OUTCOMES, settlementOf } from './outcomes.ts';

describe('outcomes', () => {
  it('every outcome can close a case that is in mediation', () => {
    for (const o of OUTCOMES) expect(canTransition('in_mediation', OUTCOME_EVENT[o])).toBe(true);
  });
  it('34 CFR 300.506(b)(1)(ii): special education next steps name due process and a state complaint, and later mediation', () => {
    const steps = nextSteps('special_education', 'partial_agreement').join(' ');
    expect(steps).toContain('due process complaint');
    expect(steps).toContain('child complaint');
    expect(steps).toContain('mediation again later');
  });
  it('Rule 88.04 and 17.03: family and civil cases go back to the court', () => {
    expect(nextSteps('family', 'no_agreement').join(' ')).toContain('judge');
    expect(nextSteps('civil', 'no_agreement').join(' ')).toContain('court');
  });
  it('UMA §7: the report says only whether there was a settlement', () => {
    expect(settlementOf('partial_agreement')).toBe('partial');
    expect(settlementOf('withdrawn')).toBe('none');
  });
});
