/**
 * The private screening each party answers before mediation. The questions follow what makes
 * mediation unsuitable (a party not willing to be honest, not able to take part, physically
 * abusive or afraid of abuse). Flags are weighted to suggest a decision; the mediator decides.
 */
export type ScreeningQuestion = {
  id: string;
  text: string;
  /** Weight of a "yes" answer (negative when "no" is the worrying answer). */
  weight: number;
  area: 'safety' | 'abuse' | 'capacity' | 'honesty';
};

export const SCREENING_QUESTIONS: readonly ScreeningQuestion[] = [
  {
    id: 'feel_safe',
    text: 'Do you feel safe being in the same room or video call as the other side?',
    weight: -3,
    area: 'safety',
  },
  {
    id: 'afraid_of_harm',
    text: 'Are you afraid the other side might hurt you or someone close to you?',
    weight: 4,
    area: 'abuse',
  },
  {
    id: 'past_abuse',
    text: 'Has the other side ever hurt, threatened or controlled you?',
    weight: 4,
    area: 'abuse',
  },
  {
    id: 'protection_order',
    text: 'Is there a protection order between you and the other side?',
    weight: 5,
    area: 'abuse',
  },
  {
    id: 'can_speak_up',
    text: 'Can you say what you need, even if the other side disagrees?',
    weight: -2,
    area: 'capacity',
  },
  {
    id: 'needs_support',
    text: 'Would it help to have a support person or an interpreter with you?',
    weight: 1,
    area: 'capacity',
  },
  {
    id: 'willing_honest',
    text: 'Are you willing to share honest information and listen?',
    weight: -3,
    area: 'honesty',
  },
  {
    id: 'hide_address',
    text: 'Do you want your address and contact details kept from the other side?',
    weight: 2,
    area: 'safety',
  },
];

export type ScreeningAnswers = Record<string, boolean>;

/** The answers that raise no concern: "yes" where a "no" would worry, and "no" to the rest. */
export const UNCONCERNED_ANSWERS: ScreeningAnswers = Object.fromEntries(
  SCREENING_QUESTIONS.map((q) => [q.id, q.weight < 0]),
);
export type Suggestion = 'proceed' | 'proceed_with_safeguards' | 'not_suitable';
export const SAFEGUARDS = ['separate_sessions', 'support_person', 'hide_contact', 'quick_exit'] as const;
export type Safeguard = (typeof SAFEGUARDS)[number];

export function scoreScreening(answers: ScreeningAnswers): {
  score: number;
  flags: string[];
  suggestion: Suggestion;
  safeguards: Safeguard[];
} {
  let score = 0;
  const flags: string[] = [];
  for (const q of SCREENING_QUESTIONS) {
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
  if (answers.hide_address) safeguards.push('hide_contact');
  const suggestion: Suggestion =
    score >= 9 ? 'not_suitable' : score >= 2 ? 'proceed_with_safeguards' : 'proceed';
  return { score, flags: unique, suggestion, safeguards: [...new Set(safeguards)] };
}

export const CONFIDENTIALITY_EXCEPTIONS = ['suspected_child_abuse', 'threat_of_serious_harm'] as const;
export type ConfidentialityException = (typeof CONFIDENTIALITY_EXCEPTIONS)[number];
