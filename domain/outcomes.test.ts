import { describe, expect, it } from 'vitest';
import { canTransition } from './case-lifecycle.ts';
import {
  COURT_REPORT_FIELDS,
  courtReportFields,
  nextSteps,
  OUTCOME_EVENT,
  OUTCOMES,
  outcomesFor,
  refuseOutcome,
  settlementOf,
} from './outcomes.ts';
import { validateChoices } from './rule-packs/choices.ts';
import { findPack, resolvePack } from './rule-packs/index.ts';

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

describe('outcomes a pack allows', () => {
  it('34 CFR 300.506(b)(6): a special-education case cannot close on an unwritten ("informal") agreement', () => {
    const sped = findPack('mo-dese-special-education')!;
    expect(outcomesFor(sped)).not.toContain('informal_agreement');
    expect(refuseOutcome(sped, 'informal_agreement')).toEqual({
      code: 'OUTCOME_NOT_ALLOWED',
      field: 'outcome',
      message:
        'In Missouri special education mediation (IDEA, DESE), an agreement must be written and signed to count (34 CFR 300.506(b)(6)). Close the case as a full or partial agreement once it is signed, or as no agreement.',
    });
    for (const o of [
      'full_agreement',
      'partial_agreement',
      'no_agreement',
      'withdrawn',
      'not_suitable',
    ] as const) {
      expect(refuseOutcome(sped, o)).toBeNull();
    }
  });
  it('court and community packs allow every outcome, an informal one included', () => {
    for (const id of ['mo-rule-88-family', 'mo-rule-17-civil', 'community-center']) {
      expect(outcomesFor(findPack(id)!)).toEqual(OUTCOMES);
    }
  });
});

describe('the report to the court, as the circuit allows', () => {
  it('7th Circuit: by default a court program’s report says only whether the dispute was resolved', () => {
    for (const id of ['mo-rule-88-family', 'mo-rule-17-civil']) {
      const pack = resolvePack(findPack(id)!);
      expect(pack.chosen.courtReport.value).toBe('settlement_only');
      expect(courtReportFields(pack)).toEqual(['caseReference', 'program', 'courtCaseNumber', 'settlement']);
      expect(courtReportFields(pack)).not.toContain('attendance');
    }
  });
  it('a program whose local rule allows more chooses it, citing the rule', () => {
    const family = findPack('mo-rule-88-family')!;
    const chosen = validateChoices(family, {
      courtReport: { value: 'settlement_and_attendance', cite: '16th Circuit Local Rule 68.12' },
    });
    const pack = resolvePack(family, {}, chosen);
    expect(courtReportFields(pack)).toEqual(COURT_REPORT_FIELDS);
    expect(pack.chosen.courtReport).toMatchObject({ cite: '16th Circuit Local Rule 68.12', local: true });
  });
});
