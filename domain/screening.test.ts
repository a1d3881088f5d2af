import { describe, expect, it } from 'vitest';
import { nextInRotation, overlap } from './mediator-selection.ts';
import { scoreScreening } from './screening.ts';

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
