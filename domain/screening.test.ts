import { describe, expect, it } from 'vitest';
import { nextInRotation, overlap } from './mediator-selection.ts';
import { findPack, RULE_PACKS } from './rule-packs/index.ts';
import {
  answererOf,
  SAFEGUARDS,
  safeguardsFor,
  scoreScreening,
  screeningQuestions,
  unconcernedFor,
} from './screening.ts';

describe('screening', () => {
  const calm = {
    feel_safe: true,
    afraid_of_harm: false,
    past_abuse: false,
    protection_order: false,
    can_speak_up: true,
    needs_support: false,
    willing_honest: true,
    hide_address: false,
  };
  it('Rule 88 / 7th Circuit screening practice: no flags suggests proceeding', () => {
    expect(scoreScreening(calm)).toMatchObject({ suggestion: 'proceed', flags: [] });
  });
  it('fear of abuse suggests safeguards: separate sessions and a quick-exit button', () => {
    const r = scoreScreening({ ...calm, afraid_of_harm: true, hide_address: true });
    expect(r.suggestion).toBe('proceed_with_safeguards');
    expect(r.safeguards).toEqual(expect.arrayContaining(['separate_sessions', 'quick_exit', 'hide_contact']));
  });
  it('abuse, a protection order and no feeling of safety suggest not suitable (the mediator decides)', () => {
    expect(
      scoreScreening({ ...calm, feel_safe: false, past_abuse: true, protection_order: true }).suggestion,
    ).toBe('not_suitable');
  });
});

describe('screening that fits the case', () => {
  const words = (kind: Parameters<typeof screeningQuestions>[0], side: 'requester' | 'respondent') =>
    screeningQuestions(kind, side)
      .map((q) => q.text)
      .join(' ');
  it('each pack names its screening: family cases keep the abuse screening, special education its own', () => {
    expect(findPack('mo-rule-88-family')!.screening.value).toBe('abuse');
    expect(findPack('mo-dese-special-education')!.screening.value).toBe('special_education');
    expect(findPack('mo-rule-17-civil')!.screening.value).toBe('general');
    expect(findPack('community-center')!.screening.value).toBe('general');
    for (const pack of RULE_PACKS) expect(pack.screening.cite.length).toBeGreaterThan(10);
    expect(words('abuse', 'respondent')).toContain('hurt, threatened or controlled you');
  });
  it('special education: no domestic-violence questions to the parent or to the district’s staff', () => {
    for (const side of ['requester', 'respondent'] as const) {
      const text = words('special_education', side);
      expect(text).not.toMatch(/controlled you|protection order|hurt you/);
      expect(screeningQuestions('special_education', side).some((q) => q.area === 'abuse')).toBe(false);
    }
    expect(answererOf('special_education', 'requester')).toBe('parent');
    expect(answererOf('special_education', 'respondent')).toBe('school');
    expect(words('special_education', 'requester')).toContain('your child');
    // 34 CFR 300.506(b)(6)(iii): the district comes with someone who can sign for it.
    expect(words('special_education', 'respondent')).toContain('sign an agreement for the district');
    expect(words('special_education', 'respondent')).toContain('accommodation');
  });
  it('safeguards fit the place: no quick-exit button or hidden contact details for the district', () => {
    expect(safeguardsFor('special_education', 'respondent')).not.toContain('quick_exit');
    expect(safeguardsFor('special_education', 'respondent')).not.toContain('hide_contact');
    expect(safeguardsFor('special_education', 'requester')).toContain('quick_exit');
    expect(safeguardsFor('abuse', 'respondent')).toEqual(
      expect.arrayContaining(['separate_sessions', 'quick_exit', 'hide_contact']),
    );
    for (const kind of ['abuse', 'general', 'special_education'] as const)
      for (const side of ['requester', 'respondent'] as const)
        for (const s of safeguardsFor(kind, side)) expect(SAFEGUARDS).toContain(s);
  });
  it('a district’s safety concern suggests separate sessions, never a quick-exit button', () => {
    const questions = screeningQuestions('special_education', 'respondent');
    const r = scoreScreening(
      {
        ...unconcernedFor('special_education', 'respondent'),
        safety_concern: true,
        needs_accommodation: true,
      },
      questions,
      safeguardsFor('special_education', 'respondent'),
    );
    expect(r.suggestion).toBe('proceed_with_safeguards');
    expect(r.safeguards).toEqual(['separate_sessions', 'accommodation']);
  });
  it('a district with no one who can sign for it is flagged', () => {
    const questions = screeningQuestions('special_education', 'respondent');
    const r = scoreScreening(
      { ...unconcernedFor('special_education', 'respondent'), has_authority: false },
      questions,
    );
    expect(r.flags).toEqual(['capacity']);
    expect(r.suggestion).toBe('proceed_with_safeguards');
  });
  it('unconcerned answers raise nothing for every kind and side', () => {
    for (const kind of ['abuse', 'general', 'special_education'] as const)
      for (const side of ['requester', 'respondent'] as const)
        expect(scoreScreening(unconcernedFor(kind, side), screeningQuestions(kind, side))).toMatchObject({
          score: 0,
          suggestion: 'proceed',
          safeguards: [],
        });
  });
});

describe('choosing the mediator', () => {
  it('34 CFR 300.506(b)(3)(ii) and DESE practice: only mediators every party accepted are offered', () => {
    expect(
      overlap(
        ['a', 'b', 'c', 'd'],
        [
          ['d', 'b', 'a'],
          ['b', 'c', 'd'],
        ],
      ),
    ).toEqual(['b', 'd']);
    expect(overlap(['a', 'b'], [['a'], ['b']])).toEqual([]);
  });
  it('34 CFR 300.506(b)(3)(ii): rotation picks the longest-waiting mediator', () => {
    expect(nextInRotation(['a', 'b', 'c'], { a: '2026-01-02', b: '2026-01-01' })).toBe('c');
    expect(nextInRotation(['a', 'b'], { a: '2026-01-02', b: '2026-01-01' })).toBe('b');
    expect(nextInRotation(['a'], {}, ['a'])).toBeNull();
  });
});
