import { describe, expect, it } from 'vitest';
import { findCertificationClaim, findCertificationClaimIn } from './certification-claims.ts';

describe('claims of a mediator certification are found', () => {
  it.each([
    'I am a certified mediator in Greene County.',
    'Certified family mediator since 2010.',
    'Board certified mediator.',
    'Certified by the state of Missouri to mediate custody cases.',
    'A Missouri-certified mediator with 20 years of practice.',
    'Missouri certified.',
    'State-certified civil mediator.',
    'I hold a mediator certification from the court.',
    'Certified in mediation by the Supreme Court.',
    'CPA and certified mediator.',
    'Court certified mediation services.',
    'Certified as a family mediator.',
  ])('%s', (text) => {
    expect(findCertificationClaim(text)).not.toBeNull();
  });
});

describe('real credentials and plain descriptions pass', () => {
  it.each([
    'Licensed clinical social worker (LCSW) and family mediator.',
    'CPA. I mediate business and probate disputes.',
    'Certified public accountant and mediator for family businesses.',
    'Certified public accountant, mediator since 2015.',
    'Certified financial planner; I completed 40 hours of family mediation training.',
    'Missouri does not certify mediators; I completed the Rule 17 training.',
    'Certificate of completion, 40-hour family mediation training.',
    'Licensed professional counselor. Mediation for families.',
  ])('%s', (text) => {
    expect(findCertificationClaim(text)).toBeNull();
  });

  it('names the field that holds the claim', () => {
    expect(
      findCertificationClaimIn({
        displayName: 'Ana Ruiz',
        practiceName: 'Ruiz Certified Mediation',
        bio: 'LCSW',
      }),
    ).toEqual({ field: 'practiceName', phrase: 'Certified Mediation' });
  });
});
