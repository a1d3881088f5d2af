/**
 * Who may be offered for which kind of case, computed from the training record and never typed
 * in. Each roster is one pure function that returns whether its rule is met and, when not, exactly
 * what is missing, each item with the rule it comes from (see shared reference: missouri-rules.md).
 * Only courses verified by association staff or a program coordinator count.
 */

export const ROSTERS = ['rule17', 'rule88', 'special_education', 'federal_ed', 'federal_wd'] as const;
/** Rule 17 civil list, Rule 88.05 domestic list, the state special-education list, federal panels (E.D. and W.D. Mo.). */
export type Roster = (typeof ROSTERS)[number];

export const ROSTER_LABELS = {
  rule17: 'Rule 17 civil mediation list',
  rule88: 'Rule 88.05 domestic relations list',
  special_education: 'State special-education mediator list (DESE)',
  federal_ed: 'Federal court panel, Eastern District of Missouri',
  federal_wd: 'Federal court panel, Western District of Missouri',
} as const satisfies Record<Roster, string>;

/** What a person reads on a profile when the requirement is met. */
export const ROSTER_MET_TEXT = {
  rule17: 'Meets the Rule 17 training requirement',
  rule88: 'Meets the Rule 88.05 requirements for domestic relations cases',
  special_education: 'On the state special-education mediator list',
  federal_ed: 'On the Eastern District of Missouri federal court panel',
  federal_wd: 'On the Western District of Missouri federal court panel',
} as const satisfies Record<Roster, string>;

export const CITATIONS = {
  rule17:
    'Missouri Supreme Court Rule 17; The Missouri Bar’s Rule 17 list: mediators need at least 16 hours of formal mediation training',
  rule88Who:
    'Missouri Supreme Court Rule 88.05 (effective 1 July 2022): an attorney, or a graduate degree in psychiatry, psychology, social work, counseling or a related behavioral science',
  rule88Hours: 'Missouri Supreme Court Rule 88.05: at least 20 hours of child-custody mediation training',
  rule88Violence:
    'Missouri Supreme Court Rule 88.05: the training includes a component on violence and power imbalance',
  rule88Affidavit: 'Missouri Supreme Court Rule 88.05: qualification is shown by affidavit',
  specialEducation:
    '34 CFR 300.506(b)(1)(iii) and (c)(1); RSMo 162.959: the state keeps the list of qualified, impartial mediators',
  federalEd: 'U.S. District Court, Eastern District of Missouri: the court’s panel of neutrals',
  federalWd: 'U.S. District Court, Western District of Missouri: the court’s panel of neutrals',
} as const;

export const RULE_17_HOURS = 16;
export const RULE_88_HOURS = 20;

export const COURSE_KINDS = [
  'civil_core',
  'family_custody',
  'violence_power_imbalance',
  'special_education',
  'continuing_education',
] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

export const COURSE_KIND_LABELS = {
  civil_core: 'Civil mediation (core training)',
  family_custody: 'Family and child-custody mediation',
  violence_power_imbalance: 'Violence and power imbalance component',
  special_education: 'Special-education mediation',
  continuing_education: 'Continuing education',
} as const satisfies Record<CourseKind, string>;

/** Degrees Rule 88.05 names, and 'other' for a degree it does not. */
export const DEGREE_FIELDS = [
  'psychiatry',
  'psychology',
  'social_work',
  'counseling',
  'behavioral_science',
  'other',
] as const;
export type DegreeField = (typeof DEGREE_FIELDS)[number];

export type TrainingCourse = { hours: number; kind: CourseKind; verified: boolean };

export type TrainingRecord = {
  courses: readonly TrainingCourse[];
  /** Admitted to a bar (Rule 88.05 says "an attorney"). */
  attorney: boolean;
  /** Fields of graduate degrees held. */
  graduateDegrees: readonly DegreeField[];
  /** Bar admission and degrees checked by association staff. */
  credentialsVerified: boolean;
  /** The Rule 88.05 affidavit is on file and has been checked. */
  affidavitOnFile: boolean;
  /** Admitted to the state list by the state program's coordinator. */
  specialEducationAdmitted: boolean;
  /** Federal panels, recorded by association staff from the courts' own lists. */
  federalEasternDistrict: boolean;
  federalWesternDistrict: boolean;
};

export type Missing = { code: string; text: string; citation: string };
export type Eligibility = { roster: Roster; met: boolean; missing: Missing[] };

/** Kinds of course that are mediation training for the Rule 17 hours (continuing education is not). */
const MEDIATION_TRAINING: readonly CourseKind[] = [
  'civil_core',
  'family_custody',
  'violence_power_imbalance',
  'special_education',
];
/** Kinds that count toward the 20 hours of child-custody training (the violence component is part of it). */
const CUSTODY_TRAINING: readonly CourseKind[] = ['family_custody', 'violence_power_imbalance'];

/** Verified hours of the given kinds, rounded to a tenth so 0.1 + 0.2 adds up as people expect. */
export function verifiedHours(courses: readonly TrainingCourse[], kinds: readonly CourseKind[]): number {
  const total = courses.filter((c) => c.verified && kinds.includes(c.kind)).reduce((s, c) => s + c.hours, 0);
  return Math.round(total * 10) / 10;
}

function unverifiedHours(courses: readonly TrainingCourse[], kinds: readonly CourseKind[]): number {
  const total = courses.filter((c) => !c.verified && kinds.includes(c.kind)).reduce((s, c) => s + c.hours, 0);
  return Math.round(total * 10) / 10;
}

const hoursText = (n: number) => `${n} ${n === 1 ? 'hour' : 'hours'}`;

function hoursMissing(
  code: string,
  courses: readonly TrainingCourse[],
  kinds: readonly CourseKind[],
  required: number,
  what: string,
  citation: string,
): Missing | null {
  const have = verifiedHours(courses, kinds);
  if (have >= required) return null;
  const short = Math.round((required - have) * 10) / 10;
  const pending = unverifiedHours(courses, kinds);
  const waiting = pending > 0 ? ` (${hoursText(pending)} recorded are waiting to be verified)` : '';
  return {
    code,
    text: `At least ${hoursText(required)} of ${what}: ${hoursText(have)} verified, ${hoursText(short)} more needed${waiting}.`,
    citation,
  };
}

/** Rule 17 list: at least 16 hours of formal mediation training. */
export function rule17Eligibility(record: TrainingRecord): Eligibility {
  const missing = [
    hoursMissing(
      'rule17.hours',
      record.courses,
      MEDIATION_TRAINING,
      RULE_17_HOURS,
      'mediation training',
      CITATIONS.rule17,
    ),
  ].filter((m): m is Missing => m !== null);
  return { roster: 'rule17', met: missing.length === 0, missing };
}

const RULE_88_DEGREES: readonly DegreeField[] = [
  'psychiatry',
  'psychology',
  'social_work',
  'counseling',
  'behavioral_science',
];

/**
 * Rule 88.05 domestic list: an attorney or a listed graduate degree (checked by staff); at least
 * 20 hours of child-custody mediation training including a violence and power-imbalance
 * component; the affidavit on file.
 */
export function rule88Eligibility(record: TrainingRecord): Eligibility {
  const missing: Missing[] = [];
  const qualifies = record.attorney || record.graduateDegrees.some((d) => RULE_88_DEGREES.includes(d));
  if (!qualifies) {
    missing.push({
      code: 'rule88.profession',
      text: 'Be an attorney, or hold a graduate degree in psychiatry, psychology, social work, counseling or a related behavioral science.',
      citation: CITATIONS.rule88Who,
    });
  } else if (!record.credentialsVerified) {
    missing.push({
      code: 'rule88.profession_unverified',
      text: 'Your bar admission or graduate degree is recorded but not yet checked by association staff.',
      citation: CITATIONS.rule88Who,
    });
  }
  const hours = hoursMissing(
    'rule88.hours',
    record.courses,
    CUSTODY_TRAINING,
    RULE_88_HOURS,
    'child-custody mediation training',
    CITATIONS.rule88Hours,
  );
  if (hours) missing.push(hours);
  if (!record.courses.some((c) => c.verified && c.kind === 'violence_power_imbalance' && c.hours > 0)) {
    missing.push({
      code: 'rule88.violence_component',
      text: 'A verified training component on violence and power imbalance.',
      citation: CITATIONS.rule88Violence,
    });
  }
  if (!record.affidavitOnFile) {
    missing.push({
      code: 'rule88.affidavit',
      text: 'The Rule 88.05 affidavit, uploaded and checked by association staff.',
      citation: CITATIONS.rule88Affidavit,
    });
  }
  return { roster: 'rule88', met: missing.length === 0, missing };
}

/**
 * The state special-education list: the state program's coordinator admits mediators to it.
 * Whether one may be offered for a particular case also depends on who employs them
 * (see isEmployedBy), which this list alone cannot know.
 */
export function specialEducationEligibility(record: TrainingRecord): Eligibility {
  const missing: Missing[] = record.specialEducationAdmitted
    ? []
    : [
        {
          code: 'special_education.admission',
          text: 'Admission to the state list by the coordinator of the state special-education mediation program.',
          citation: CITATIONS.specialEducation,
        },
      ];
  return { roster: 'special_education', met: missing.length === 0, missing };
}

/** Federal panels: the courts keep their own lists; association staff record membership. */
export function federalEligibility(record: TrainingRecord, district: 'ed' | 'wd'): Eligibility {
  const on = district === 'ed' ? record.federalEasternDistrict : record.federalWesternDistrict;
  const name = district === 'ed' ? 'Eastern' : 'Western';
  const missing: Missing[] = on
    ? []
    : [
        {
          code: `federal_${district}.panel`,
          text: `Membership of the ${name} District of Missouri panel, recorded by association staff.`,
          citation: district === 'ed' ? CITATIONS.federalEd : CITATIONS.federalWd,
        },
      ];
  return { roster: district === 'ed' ? 'federal_ed' : 'federal_wd', met: missing.length === 0, missing };
}

/** Every roster at once, in ROSTERS order. */
export function computeEligibility(record: TrainingRecord): Record<Roster, Eligibility> {
  return {
    rule17: rule17Eligibility(record),
    rule88: rule88Eligibility(record),
    special_education: specialEducationEligibility(record),
    federal_ed: federalEligibility(record, 'ed'),
    federal_wd: federalEligibility(record, 'wd'),
  };
}

const EMPLOYER_ALIASES: Record<string, string> = {
  dese: 'missouri department of elementary and secondary education',
  'mo dese': 'missouri department of elementary and secondary education',
  'missouri dese': 'missouri department of elementary and secondary education',
  'department of elementary and secondary education':
    'missouri department of elementary and secondary education',
  'mo department of elementary and secondary education':
    'missouri department of elementary and secondary education',
};

/**
 * A comparable form of an organisation's name, so "Springfield R-12 School District",
 * "springfield r12 school dist." and "Springfield R-XII Sch. Dist" match: lower case, accents and
 * punctuation dropped, common abbreviations spelt out, "the" and legal suffixes removed.
 */
export function normalizeEmployer(name: string): string {
  let s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\b([a-z])-(\d+)\b/g, '$1$2') // R-12 → r12
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const words = s.split(' ').map((w) => {
    if (w === 'dist' || w === 'dst') return 'district';
    if (w === 'sch' || w === 'schl') return 'school';
    if (w === 'dept' || w === 'dpt') return 'department';
    if (w === 'mo') return 'missouri';
    if (w === 'sd') return 'school district';
    if (w === 'xii') return '12';
    return w;
  });
  s = words
    .join(' ')
    .replace(/\b(the|inc|llc|co|corp)\b/g, ' ')
    .replace(/\br (\d+)\b/g, 'r$1')
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(/\br xii\b/g, 'r12');
  return EMPLOYER_ALIASES[s] ?? EMPLOYER_ALIASES[s.replace(/^missouri /, 'mo ')] ?? s;
}

/** Whether any employer of the mediator is one of the organisations named (after normalising both). */
export function isEmployedBy(employers: readonly string[], organisations: readonly string[]): boolean {
  const mine = new Set(employers.map(normalizeEmployer));
  return organisations.some((o) => mine.has(normalizeEmployer(o)));
}
