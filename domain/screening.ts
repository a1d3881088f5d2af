/**
 * The private screening each party answers before mediation. The questions follow what makes
 * mediation unsuitable (a party not willing to be honest, not able to take part, physically
 * abusive or afraid of abuse), in the terms of the case: the pack names its kind of screening
 * (`screening` in domain/rule-packs), and in a special-education case the parent and the
 * district's staff are asked different questions. Flags are weighted to suggest a decision; the
 * mediator decides.
 */
export type ScreeningQuestion = {
  id: string;
  text: string;
  /** Weight of a "yes" answer (negative when "no" is the worrying answer). */
  weight: number;
  area: 'safety' | 'abuse' | 'capacity' | 'honesty' | 'accommodation';
};

/**
 * The pack's kind of screening. `abuse`: the family-mediation screening for domestic violence and
 * coercion (Rule 88.05's training component on violence and power imbalance; circuits screen
 * intake for it). `special_education`: a parent and a school district, about safety,
 * accommodations and whether the district comes with someone who can agree for it.
 * `general`: neighbors, customers and businesses: safety and the ability to take part.
 */
export const SCREENING_KINDS = ['abuse', 'special_education', 'general'] as const;
export type ScreeningKind = (typeof SCREENING_KINDS)[number];

/** Who answers, in the terms of the case: any party, or a special-education case's parent or school. */
export type Answerer = 'party' | 'parent' | 'school';

const FEEL_SAFE: ScreeningQuestion = {
  id: 'feel_safe',
  text: 'Do you feel safe being in the same room or video call as the other side?',
  weight: -3,
  area: 'safety',
};
const AFRAID_OF_HARM: ScreeningQuestion = {
  id: 'afraid_of_harm',
  text: 'Are you afraid the other side might hurt you or someone close to you?',
  weight: 4,
  area: 'abuse',
};
const PAST_ABUSE: ScreeningQuestion = {
  id: 'past_abuse',
  text: 'Has the other side ever hurt, threatened or controlled you?',
  weight: 4,
  area: 'abuse',
};
const PROTECTION_ORDER: ScreeningQuestion = {
  id: 'protection_order',
  text: 'Is there a protection order between you and the other side?',
  weight: 5,
  area: 'abuse',
};
const CAN_SPEAK_UP: ScreeningQuestion = {
  id: 'can_speak_up',
  text: 'Can you say what you need, even if the other side disagrees?',
  weight: -2,
  area: 'capacity',
};
const NEEDS_SUPPORT: ScreeningQuestion = {
  id: 'needs_support',
  text: 'Would it help to have a support person or an interpreter with you?',
  weight: 1,
  area: 'capacity',
};
const WILLING_HONEST: ScreeningQuestion = {
  id: 'willing_honest',
  text: 'Are you willing to share honest information and listen?',
  weight: -3,
  area: 'honesty',
};
const HIDE_ADDRESS: ScreeningQuestion = {
  id: 'hide_address',
  text: 'Do you want your address and contact details kept from the other side?',
  weight: 2,
  area: 'safety',
};

const ABUSE_SCREENING: readonly ScreeningQuestion[] = [
  FEEL_SAFE,
  AFRAID_OF_HARM,
  PAST_ABUSE,
  PROTECTION_ORDER,
  CAN_SPEAK_UP,
  NEEDS_SUPPORT,
  WILLING_HONEST,
  HIDE_ADDRESS,
];

/** The abuse screening without asking about past abuse: the same questions, in the same order. */
const GENERAL_SCREENING: readonly ScreeningQuestion[] = ABUSE_SCREENING.filter((q) => q !== PAST_ABUSE);

const PARENT_SCREENING: readonly ScreeningQuestion[] = [
  {
    id: 'comfortable_meeting',
    text: 'Are you comfortable meeting the district’s staff, in person or by video?',
    weight: -3,
    area: 'safety',
  },
  {
    id: 'safety_concern',
    text: 'Is there anything about meeting the district’s staff that worries you for your safety or your child’s?',
    weight: 4,
    area: 'safety',
  },
  {
    id: 'can_speak_up',
    text: 'Can you say what your child needs, even when the district’s staff disagree?',
    weight: -2,
    area: 'capacity',
  },
  {
    id: 'needs_accommodation',
    text: 'Do you need an accommodation to take part, such as an interpreter, a sign language interpreter, documents in another format, an accessible room or a certain time of day?',
    weight: 1,
    area: 'accommodation',
  },
  {
    id: 'needs_support',
    text: 'Would you like someone with you, such as a relative, a friend or a parent advocate?',
    weight: 1,
    area: 'capacity',
  },
  {
    id: 'willing_honest',
    text: 'Are you willing to share what you know about your child’s needs and listen to the district’s view?',
    weight: -3,
    area: 'honesty',
  },
  {
    id: 'hide_address',
    text: 'Do you want your address and phone number kept from the district’s staff? The program passes messages on.',
    weight: 2,
    area: 'safety',
  },
];

const SCHOOL_SCREENING: readonly ScreeningQuestion[] = [
  {
    // 34 CFR 300.506(b)(6)(iii): the agreement is signed by a representative with authority to bind
    // the district; DESE practice: someone with decision-making power attends for it.
    id: 'has_authority',
    text: 'Will someone who can sign an agreement for the district take part in the mediation?',
    weight: -3,
    area: 'capacity',
  },
  {
    id: 'staff_available',
    text: 'Can the staff who know the student best take part?',
    weight: -1,
    area: 'capacity',
  },
  {
    id: 'needs_accommodation',
    text: 'Does anyone coming for the district need an accommodation to take part, such as an interpreter or an accessible room?',
    weight: 1,
    area: 'accommodation',
  },
  {
    id: 'safety_concern',
    text: 'Is there a safety concern the mediator should know about before the district’s staff meet the family?',
    weight: 3,
    area: 'safety',
  },
  {
    id: 'willing_honest',
    text: 'Is the district willing to share the records the disagreement turns on and listen to the family’s view?',
    weight: -3,
    area: 'honesty',
  },
];

/** Who answers a case of this kind from this side: in special education the requester is the parent. */
export function answererOf(kind: ScreeningKind, side: 'requester' | 'respondent'): Answerer {
  if (kind !== 'special_education') return 'party';
  return side === 'requester' ? 'parent' : 'school';
}

/** The questions a party answers, by the pack's kind of screening and their side. */
export function screeningQuestions(
  kind: ScreeningKind,
  side: 'requester' | 'respondent',
): readonly ScreeningQuestion[] {
  if (kind === 'abuse') return ABUSE_SCREENING;
  if (kind === 'general') return GENERAL_SCREENING;
  return answererOf(kind, side) === 'parent' ? PARENT_SCREENING : SCHOOL_SCREENING;
}

export type ScreeningAnswers = Record<string, boolean>;

/** The answers that raise no concern to these questions: "yes" where a "no" would worry, "no" to the rest. */
export const unconcernedAnswers = (questions: readonly ScreeningQuestion[]): ScreeningAnswers =>
  Object.fromEntries(questions.map((q) => [q.id, q.weight < 0]));

/** The unconcerned answers of a party of this kind of screening on this side (demo data and tests). */
export const unconcernedFor = (kind: ScreeningKind, side: 'requester' | 'respondent') =>
  unconcernedAnswers(screeningQuestions(kind, side));

export type Suggestion = 'proceed' | 'proceed_with_safeguards' | 'not_suitable';
export const SAFEGUARDS = [
  'separate_sessions',
  'support_person',
  'accommodation',
  'hide_contact',
  'quick_exit',
] as const;
export type Safeguard = (typeof SAFEGUARDS)[number];

/**
 * The safeguards that fit who is screened. A school district's staff get no quick-exit button
 * (it hides a page from someone at risk at home) and no hidden contact details (the district's
 * are public).
 */
export function safeguardsFor(kind: ScreeningKind, side: 'requester' | 'respondent'): readonly Safeguard[] {
  const who = answererOf(kind, side);
  if (who === 'school') return ['separate_sessions', 'accommodation'];
  if (who === 'parent')
    return ['separate_sessions', 'support_person', 'accommodation', 'hide_contact', 'quick_exit'];
  return ['separate_sessions', 'support_person', 'hide_contact', 'quick_exit'];
}

/** The score, the areas flagged, the suggestion and the safeguards (of those that fit) the answers point to. */
export function scoreScreening(
  answers: ScreeningAnswers,
  questions: readonly ScreeningQuestion[] = ABUSE_SCREENING,
  offered: readonly Safeguard[] = SAFEGUARDS,
): {
  score: number;
  flags: string[];
  suggestion: Suggestion;
  safeguards: Safeguard[];
} {
  let score = 0;
  const flags: string[] = [];
  for (const q of questions) {
    const yes = answers[q.id];
    if (yes === undefined) continue;
    const worrying = q.weight > 0 ? yes : !yes;
    if (worrying) {
      score += Math.abs(q.weight);
      flags.push(q.area);
    }
  }
  const unique = [...new Set(flags)];
  const safeguards: Safeguard[] = [];
  if (unique.includes('abuse') || unique.includes('safety'))
    safeguards.push('separate_sessions', 'quick_exit');
  if (answers.needs_support) safeguards.push('support_person');
  if (answers.needs_accommodation) safeguards.push('accommodation');
  if (answers.hide_address) safeguards.push('hide_contact');
  const suggestion: Suggestion =
    score >= 9 ? 'not_suitable' : score >= 2 ? 'proceed_with_safeguards' : 'proceed';
  return {
    score,
    flags: unique,
    suggestion,
    safeguards: [...new Set(safeguards)].filter((s) => offered.includes(s)),
  };
}

export const CONFIDENTIALITY_EXCEPTIONS = ['suspected_child_abuse', 'threat_of_serious_harm'] as const;
export type ConfidentialityException = (typeof CONFIDENTIALITY_EXCEPTIONS)[number];
/** Each kind's short name for lists (the case's rules say it in full, with the law it comes from). */
export const CONFIDENTIALITY_EXCEPTION_LABELS: Record<ConfidentialityException, string> = {
  suspected_child_abuse: 'Suspected child abuse or neglect',
  threat_of_serious_harm: 'Threat of serious harm',
};
