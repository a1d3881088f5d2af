import { describe, expect, it } from 'vitest';
import { checkAttendance } from '../attendance.ts';
import { validateChoices } from './choices.ts';
import {
  DEFAULT_PACK_FOR_KIND,
  findPack,
  PackOverrideError,
  RULE_PACKS,
  resolvePack,
  validateOverrides,
} from './index.ts';
import type { Cited, RulePack } from './types.ts';

const pack = (id: string) => resolvePack(findPack(id)!);
const sped = pack('mo-dese-special-education');
const family = pack('mo-rule-88-family');
const civil = pack('mo-rule-17-civil');
const community = pack('community-center');

const citedSettings = (p: RulePack): [string, Cited<unknown>][] =>
  Object.entries(p as unknown as Record<string, unknown>)
    .filter(([, v]) => typeof v === 'object' && v !== null && 'cite' in v && 'value' in v)
    .map(([k, v]) => [k, v as Cited<unknown>]);

describe('every pack', () => {
  it.each(RULE_PACKS.map((p) => [p.id, p] as const))(
    '%s: each setting carries a citation and a version date',
    (_id, p) => {
      const settings = citedSettings(p);
      expect(settings.length).toBeGreaterThan(15);
      for (const [, s] of settings) {
        expect(s.cite.length).toBeGreaterThan(2);
        expect(s.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      for (const d of p.deadlines) expect(d.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  );

  it('one pack per program kind of SPEC.md', () => {
    for (const kind of ['special_education', 'family', 'civil', 'community']) {
      expect(findPack(DEFAULT_PACK_FOR_KIND[kind])?.programKind).toBe(kind);
    }
  });
});

describe('special education (IDEA 34 CFR 300.506, DESE)', () => {
  it('34 CFR 300.506(a): the four categories of dispute', () => {
    expect(sped.issueTemplates.value.map((i) => i.id)).toEqual([
      'identification',
      'evaluation',
      'educational_placement',
      'provision_of_services',
    ]);
  });
  it('34 CFR 300.506(b)(1)(i): voluntary, both must agree', () => {
    expect(sped.consent.value).toBe('both_must_agree');
    expect(sped.consent.cite).toContain('300.506(b)(1)(i)');
  });
  it('34 CFR 300.506(b)(4): the state bears the cost', () => {
    expect(sped.cost.value.kind).toBe('free_state_pays');
  });
  it('Missouri State Plan: no attorney attends for any party; a non-attorney advocate may', () => {
    const attorney = checkAttendance(sped, {
      role: 'attorney',
      isAttorney: true,
      companions: 0,
      bothAgreedToMore: false,
    });
    expect(attorney?.code).toBe('ATTORNEY_NOT_ALLOWED');
    expect(attorney?.message).toContain('State Plan');
    expect(
      checkAttendance(sped, { role: 'advocate', isAttorney: false, companions: 0, bothAgreedToMore: false }),
    ).toBeNull();
  });
  it('DESE practice: at most 3 companions per party unless both agree', () => {
    const fourth = { role: 'support' as const, isAttorney: false, companions: 3 };
    expect(checkAttendance(sped, { ...fourth, bothAgreedToMore: false })?.code).toBe('COMPANION_LIMIT');
    expect(checkAttendance(sped, { ...fourth, bothAgreedToMore: true })).toBeNull();
    expect(checkAttendance(sped, { ...fourth, companions: 2, bothAgreedToMore: false })).toBeNull();
  });
  it('34 CFR 300.506(c)(1): the mediator is not an employee of the state agency (DESE) or the district', () => {
    expect(sped.roster.value).toEqual({
      kind: 'directory',
      roster: 'special_education',
      excludeAgency: 'Missouri Department of Elementary and Secondary Education',
    });
  });
  it('34 CFR 300.506(b)(3)(ii) and DESE: joint choice from the state list, or rotation', () => {
    expect(sped.selection.value).toEqual(['joint_choice', 'rotation']);
  });
  it('DESE practice: session within 15 days of choosing the mediator; completed within 30 days of agreeing', () => {
    const [session, completed] = sped.deadlines;
    expect(session).toMatchObject({ from: 'mediator_chosen', days: 15, dayKind: 'calendar' });
    expect(completed).toMatchObject({ from: 'consented', days: 30, dayKind: 'calendar' });
  });
  it('34 CFR 300.506(b)(1)(ii): next steps on a decline name due process and a state child complaint', () => {
    expect(sped.nextSteps.value.join(' ')).toMatch(/due process/);
    expect(sped.nextSteps.value.join(' ')).toMatch(/child complaint/);
  });
  it('DESE: the companion cap is not a local setting a program may change', () => {
    expect(() => validateOverrides(sped, { companionsPerParty: { value: 5, cite: 'local' } })).toThrow();
  });
});

describe('family (Rule 88)', () => {
  it('Rule 88.04: the issues a court may order to mediation', () => {
    expect(family.issueTemplates.value.map((i) => i.id)).toEqual([
      'custody',
      'parenting_time',
      'parenting_plan',
      'child_support',
      'maintenance',
      'property_division',
    ]);
  });
  it('Rule 88.04: court-ordered to attend', () => expect(family.consent.value).toBe('court_ordered'));
  it('Rule 88.04(e): an adverse party may deny an application within 10 court days; the court decides a denied one', () => {
    expect(family.disqualification.value).toEqual({
      kind: 'rule_88_04',
      denyWithinDays: 10,
      dayKind: 'court',
      decidedBy: 'court',
    });
    expect(family.disqualification.cite).toMatch(/no denial is filed/);
    expect(family.deadlines[0]).toMatchObject({
      from: 'disqualification_requested',
      days: 10,
      dayKind: 'court',
      counting: expect.stringMatching(/Rule 44\.01\(a\).*RSMo 9\.010/),
    });
  });
  it('Rule 88.05: mediators from the Rule 88 roster', () => {
    expect(family.roster.value).toMatchObject({ kind: 'directory', roster: 'rule88' });
  });
  it('15 U.S.C. 7003(a)(2) and RSMo 432.210: family settlements are signed in ink unless the program chooses otherwise', () => {
    expect(family.electronicSignatures.value).toEqual({ agreementToMediate: true, settlement: false });
    expect(family.chosen.settlementSignature).toMatchObject({ value: 'ink', local: false });
    expect(family.electronicSignatures.cite).toMatch(/7003\(a\)\(2\)/);
    expect(family.electronicSignatures.cite).toMatch(/432\.210/);
    expect(findPack('mo-rule-88-family')!.choices.settlementSignature).toMatchObject({
      options: ['ink', 'electronic'],
      confirmed: false,
    });
  });
  it('a family program whose court accepts electronic signatures chooses them, naming its court’s practice', () => {
    const pack = findPack('mo-rule-88-family')!;
    const chosen = validateChoices(pack, {
      settlementSignature: { value: 'electronic', cite: '16th Circuit e-filing practice' },
    });
    const resolved = resolvePack(pack, {}, chosen);
    expect(resolved.electronicSignatures).toMatchObject({
      value: { agreementToMediate: true, settlement: true },
      cite: '16th Circuit e-filing practice',
    });
    expect(resolved.chosen.settlementSignature.local).toBe(true);
  });
  it('a choice outside the pack’s list, or one that names no rule, is refused naming the setting', () => {
    const pack = findPack('mo-rule-88-family')!;
    const refused = (raw: Record<string, unknown>) => {
      try {
        validateChoices(pack, raw);
      } catch (e) {
        return e instanceof PackOverrideError ? { field: e.field, message: e.message } : null;
      }
      return null;
    };
    expect(refused({ settlementSignature: { value: 'fax', cite: 'local rule' } })).toEqual({
      field: 'settlementSignature',
      message: 'choose one of: ink, electronic',
    });
    expect(refused({ courtReport: { value: 'settlement_and_attendance', cite: '' } })).toEqual({
      field: 'courtReport',
      message: 'name the court rule or practice this follows',
    });
    expect(refused({ colour: { value: 'red', cite: 'house style' } })?.field).toBe('colour');
  });
  it('Rule 88: attorneys may attend', () => {
    expect(
      checkAttendance(family, { role: 'attorney', isAttorney: true, companions: 0, bothAgreedToMore: false }),
    ).toBeNull();
  });
  it('16th Circuit local rule: a program sets a minimum of two hours', () => {
    const overrides = validateOverrides(family, {
      minimumHours: { value: 2, cite: '16th Circuit Local Rule 68.4' },
    });
    const local = resolvePack(findPack('mo-rule-88-family')!, overrides);
    expect(local.minimumHours).toMatchObject({ value: 2, cite: '16th Circuit Local Rule 68.4' });
  });
  it('a program may set a free-hours allowance; without one there is none', () => {
    expect(resolvePack(findPack('mo-rule-88-family')!).freeHours.value).toBeNull();
    const o = validateOverrides(family, { freeHours: { value: 3, cite: 'Circuit mediation fund order' } });
    expect(resolvePack(findPack('mo-rule-88-family')!, o).freeHours).toMatchObject({ value: 3 });
  });
  it('34 CFR 300.506(b)(4): the state pays for special-education mediation, so no program sets free hours', () => {
    expect(() =>
      validateOverrides(findPack('mo-dese-special-education')!, {
        freeHours: { value: 3, cite: 'local rule' },
      }),
    ).toThrow(/does not let a program change this/);
  });
});

describe('civil (Rule 17)', () => {
  it('Rule 17.03(b): counsel opts out in writing in the 30 days before the deadline to begin, ending the referral', () => {
    expect(civil.optOut.value).toMatchObject({ windowDays: 30, filedBy: 'counsel', effect: 'ends_referral' });
    // The deadline shown is the window's last day: the day before the deadline to begin.
    expect(civil.deadlines[0]).toMatchObject({
      id: 'opt_out_window',
      from: 'begin_by',
      days: -1,
      dayKind: 'court',
    });
    expect(civil.optOut.cite).toMatch(/compelling circumstances/);
  });
  it('Rule 17.03: the parties agree on a neutral, else the court appoints', () => {
    expect(civil.selection.value).toEqual(['joint_choice', 'appointment']);
  });
  it('Rule 17.01: covers civil claims, small claims and landlord/tenant', () => {
    expect(civil.caseTypes.value.map((c) => c.id)).toEqual([
      'civil_claim',
      'small_claims',
      'landlord_tenant',
    ]);
  });
  it('7th Circuit local rule: a report deadline of ten days', () => {
    const o = validateOverrides(civil, {
      reportDeadlineDays: { value: 10, cite: '7th Circuit civil mediation rules' },
    });
    expect(resolvePack(findPack('mo-rule-17-civil')!, o).reportDeadlineDays.value).toBe(10);
  });
  it('refuses an override that is not a whole number', () => {
    expect(() => validateOverrides(civil, { reportDeadlineDays: { value: -1, cite: 'x rule' } })).toThrow(
      /whole number/,
    );
  });
});

describe('community center', () => {
  it('center practice: voluntary, coordinator assigns from its own mediators', () => {
    expect(community.consent.value).toBe('voluntary');
    expect(community.roster.value).toEqual({ kind: 'program' });
    expect(community.selection.value).toContain('appointment');
  });
});

describe('confidentiality and its exceptions', () => {
  it('Rules 88.08 and 17.06: the family and civil packs rest confidentiality on the Supreme Court’s own rules', () => {
    expect(family.confidentiality.value.statute).toBe('Rule 88.08');
    expect(civil.confidentiality.value.statute).toBe('Rule 17.06');
    expect(family.confidentiality.cite).toMatch(/88\.08\(a\)–\(b\)/);
  });
  it('every exception cites where it comes from, and none rests on RSMo 435.014, which does not list them', () => {
    for (const p of RULE_PACKS) {
      const exceptions = p.confidentiality.value.exceptions;
      expect(exceptions.map((e) => e.id)).toEqual(['suspected_child_abuse', 'threat_of_serious_harm']);
      for (const e of exceptions) {
        expect(e.cite).not.toMatch(/435\.014/);
        expect(e.cite.length).toBeGreaterThan(10);
      }
    }
    const [abuse, harm] = family.confidentiality.value.exceptions;
    expect(abuse).toMatchObject({
      duty: 'depends_on_profession',
      cite: expect.stringMatching(/RSMo 210\.115\.1/),
    });
    expect(harm).toMatchObject({ duty: 'may_disclose', confirmed: false });
  });
});

describe('citations', () => {
  const allCited = (p: RulePack) => [
    ...citedSettings(p).map(([, c]) => c),
    ...Object.values(p.choices),
    ...p.deadlines,
    ...p.confidentiality.value.exceptions,
  ];
  it.each(RULE_PACKS.map((p) => [p.id, p] as const))(
    '%s: whatever could not be confirmed says what is open; whatever was read says where and when',
    (_id, p) => {
      for (const c of allCited(p)) {
        if (c.confirmed === false) expect(c.note?.length ?? 0).toBeGreaterThan(10);
        if (c.source) expect(c.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    },
  );
  it.each(RULE_PACKS.map((p) => [p.id, p] as const))(
    '%s: each deadline says how its days are counted',
    (_id, p) => {
      for (const d of p.deadlines) expect(d.counting.length).toBeGreaterThan(10);
    },
  );
  it('the corrected rules were read: Rule 88.04 and 17.03 from their official or annotated text, with the date', () => {
    expect(family.disqualification).toMatchObject({
      read: '2026-11-26',
      source: expect.stringMatching(/88\.04/),
    });
    expect(civil.optOut).toMatchObject({
      read: '2026-11-26',
      source: expect.stringMatching(/courts\.mo\.gov/),
    });
    expect(civil.optOut.confirmed).toBeUndefined();
  });
});
