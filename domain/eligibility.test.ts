import { describe, expect, it } from 'vitest';
import {
  computeEligibility,
  isEmployedBy,
  normalizeEmployer,
  rule17Eligibility,
  rule88Eligibility,
  specialEducationEligibility,
  type TrainingCourse,
  type TrainingRecord,
} from './eligibility.ts';

const record = (over: Partial<TrainingRecord> = {}): TrainingRecord => ({
  courses: [],
  attorney: false,
  graduateDegrees: [],
  credentialsVerified: false,
  affidavitOnFile: false,
  specialEducationAdmitted: false,
  federalEasternDistrict: false,
  federalWesternDistrict: false,
  ...over,
});
const course = (
  hours: number,
  kind: TrainingCourse['kind'] = 'civil_core',
  verified = true,
): TrainingCourse => ({
  hours,
  kind,
  verified,
});

describe('Rule 17: at least 16 hours of mediation training', () => {
  it.each([
    [15.9, false],
    [16, true],
    [16.5, true],
  ])('%s verified hours → met %s', (hours, met) => {
    const result = rule17Eligibility(record({ courses: [course(hours)] }));
    expect(result.met).toBe(met);
    if (!met) {
      expect(result.missing).toHaveLength(1);
      expect(result.missing[0]!.code).toBe('rule17.hours');
      expect(result.missing[0]!.text).toContain('0.1 hours more needed');
      expect(result.missing[0]!.citation).toMatch(/Rule 17/);
    } else {
      expect(result.missing).toEqual([]);
    }
  });

  it('adds hours across courses of every mediation kind, but not continuing education', () => {
    const met = rule17Eligibility(
      record({ courses: [course(8), course(4, 'family_custody'), course(4, 'special_education')] }),
    );
    expect(met.met).toBe(true);
    const ce = rule17Eligibility(record({ courses: [course(12), course(4, 'continuing_education')] }));
    expect(ce.met).toBe(false);
  });

  it('does not count unverified hours, and says they are waiting', () => {
    const result = rule17Eligibility(record({ courses: [course(10), course(8, 'civil_core', false)] }));
    expect(result.met).toBe(false);
    expect(result.missing[0]!.text).toBe(
      'At least 16 hours of mediation training: 10 hours verified, 6 hours more needed (8 hours recorded are waiting to be verified).',
    );
  });

  it('adds fractional hours without floating-point surprises', () => {
    const courses = Array.from({ length: 160 }, () => course(0.1));
    expect(rule17Eligibility(record({ courses })).met).toBe(true);
  });
});

describe('Rule 88.05: attorney or listed degree, 20 hours custody training with violence component, affidavit', () => {
  const qualified = record({
    attorney: true,
    credentialsVerified: true,
    affidavitOnFile: true,
    courses: [course(16, 'family_custody'), course(4, 'violence_power_imbalance')],
  });

  it('is met when everything is in place', () => {
    expect(rule88Eligibility(qualified)).toEqual({ roster: 'rule88', met: true, missing: [] });
  });

  it.each([
    [19.5, false],
    [20, true],
    [24, true],
  ])('%s hours of custody training (violence component included) → met %s', (total, met) => {
    const result = rule88Eligibility({
      ...qualified,
      courses: [course(total - 4, 'family_custody'), course(4, 'violence_power_imbalance')],
    });
    expect(result.met).toBe(met);
    expect(result.missing.map((m) => m.code)).toEqual(met ? [] : ['rule88.hours']);
  });

  it('civil training does not count toward the 20 hours', () => {
    const result = rule88Eligibility({
      ...qualified,
      courses: [course(40, 'civil_core'), course(4, 'violence_power_imbalance')],
    });
    expect(result.missing.map((m) => m.code)).toEqual(['rule88.hours']);
  });

  it('needs the violence and power-imbalance component', () => {
    const result = rule88Eligibility({ ...qualified, courses: [course(24, 'family_custody')] });
    expect(result.missing.map((m) => m.code)).toEqual(['rule88.violence_component']);
    expect(result.missing[0]!.citation).toMatch(/88\.05/);
  });

  it('accepts each listed graduate degree, and not another', () => {
    for (const field of [
      'psychiatry',
      'psychology',
      'social_work',
      'counseling',
      'behavioral_science',
    ] as const) {
      expect(rule88Eligibility({ ...qualified, attorney: false, graduateDegrees: [field] }).met).toBe(true);
    }
    const other = rule88Eligibility({ ...qualified, attorney: false, graduateDegrees: ['other'] });
    expect(other.missing.map((m) => m.code)).toEqual(['rule88.profession']);
  });

  it('needs the credentials checked and the affidavit on file', () => {
    const result = rule88Eligibility({ ...qualified, credentialsVerified: false, affidavitOnFile: false });
    expect(result.missing.map((m) => m.code)).toEqual(['rule88.profession_unverified', 'rule88.affidavit']);
  });

  it('lists everything missing for an empty record, each with its citation', () => {
    const result = rule88Eligibility(record());
    expect(result.missing.map((m) => m.code)).toEqual([
      'rule88.profession',
      'rule88.hours',
      'rule88.violence_component',
      'rule88.affidavit',
    ]);
    for (const m of result.missing) expect(m.citation).toMatch(/Rule 88\.05/);
  });
});

describe('special-education list and federal panels', () => {
  it('special education is met only by admission', () => {
    expect(specialEducationEligibility(record()).met).toBe(false);
    expect(specialEducationEligibility(record()).missing[0]!.citation).toMatch(/300\.506/);
    expect(specialEducationEligibility(record({ specialEducationAdmitted: true })).met).toBe(true);
  });

  it('federal panels follow what staff recorded, each district on its own', () => {
    const all = computeEligibility(record({ federalEasternDistrict: true }));
    expect(all.federal_ed.met).toBe(true);
    expect(all.federal_wd.met).toBe(false);
    expect(Object.keys(all)).toEqual(['rule17', 'rule88', 'special_education', 'federal_ed', 'federal_wd']);
  });
});

describe('employers', () => {
  it('matches the same organisation however it is written', () => {
    const a = normalizeEmployer('Springfield R-12 School District');
    expect(normalizeEmployer('springfield r12 school dist.')).toBe(a);
    expect(normalizeEmployer('Springfield R-XII Sch. Dist')).toBe(a);
    expect(normalizeEmployer('The Springfield R-12 School District')).toBe(a);
    expect(normalizeEmployer('DESE')).toBe(
      normalizeEmployer('Missouri Department of Elementary & Secondary Education'),
    );
    expect(normalizeEmployer('Mo. Dept. of Elementary and Secondary Education')).toBe(
      normalizeEmployer('DESE'),
    );
  });

  it('tells different districts apart', () => {
    expect(normalizeEmployer('Springfield R-12 School District')).not.toBe(
      normalizeEmployer('Springfield R-2 School District'),
    );
    expect(isEmployedBy(['Springfield R-12 School District'], ['Joplin Schools'])).toBe(false);
    expect(isEmployedBy(['Springfield R-12 School District'], ['springfield r12 school district'])).toBe(
      true,
    );
  });
});
