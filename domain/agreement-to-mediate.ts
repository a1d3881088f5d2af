import type { ResolvedPack } from './rule-packs/index.ts';

export type AtmSection = { heading: string; paragraphs: string[] };
export type AtmDocument = { title: string; sections: AtmSection[] };

/**
 * Rule 88.06(a)(1): the mediator's fees, in figures. Amounts are in cents. `shares` says who pays
 * what part, by party name, in percent (together 100); free mediation names who pays instead.
 */
export type FeeTerms =
  | { kind: 'free'; paidBy: string }
  | {
      kind: 'hourly' | 'flat';
      /** Per hour (hourly) or for the whole mediation (flat). */
      cents: number;
      otherCosts: { label: string; cents: number }[];
      shares: { party: string; percent: number }[];
    };

/**
 * The mediator's written disclosure under Rule 88.06(a), the figures and facts it needs: the
 * fees (item 1) and the mediator's relationships with the parties and interests that could bias
 * (item 4), or an explicit statement that there are none (`relationships: null`).
 */
export type MediatorDisclosure = { fees: FeeTerms; relationships: string | null };

/** The fields the Rule 88.06 disclosure form asks for, in words (for messages naming a field). */
export const DISCLOSURE_FIELDS = {
  'fees.kind': 'how the mediator charges (free, by the hour, or one fee)',
  'fees.cents': 'the fee in dollars and cents',
  'fees.paidBy': 'who pays for free mediation',
  'fees.shares': 'what part of the cost each party pays',
  'fees.otherCosts': 'other costs, each with what it is for and its amount',
  relationships: 'the mediator’s relationships with the parties and any interest that could affect fairness',
} as const;
export type DisclosureField = keyof typeof DISCLOSURE_FIELDS;

/** Problems with a disclosure, by field, each in words a mediator can fix; empty when complete. */
export function checkDisclosure(
  d: MediatorDisclosure,
  partyNames: readonly string[],
): Partial<Record<DisclosureField, string>> {
  const problems: Partial<Record<DisclosureField, string>> = {};
  const f = d.fees;
  if (f.kind === 'free') {
    if (!f.paidBy.trim()) problems['fees.paidBy'] = 'Say who pays for the mediation.';
  } else {
    if (!Number.isInteger(f.cents) || f.cents <= 0)
      problems['fees.cents'] = 'Write the fee in dollars and cents, more than $0.';
    if (f.otherCosts.some((c) => !c.label.trim() || !Number.isInteger(c.cents) || c.cents < 0)) {
      problems['fees.otherCosts'] = 'Give each other cost what it is for and an amount in dollars and cents.';
    }
    const total = f.shares.reduce((n, s) => n + s.percent, 0);
    if (total !== 100 || f.shares.some((s) => !partyNames.includes(s.party) || s.percent < 0)) {
      problems['fees.shares'] = 'Say what part each party pays, in percent, adding up to 100.';
    }
  }
  if (d.relationships !== null && !d.relationships.trim()) {
    problems.relationships =
      'Describe any relationship with the parties and any interest that could affect fairness, or state there is none.';
  }
  return problems;
}

const usd = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

/** Item 1 of Rule 88.06(a), in figures. */
function feesText(f: FeeTerms, freeHours: number | null): string {
  if (f.kind === 'free') return `1. Costs: mediation is free to you. ${f.paidBy.trim()} pays for it.`;
  const other = f.otherCosts.map((c) => `${usd(c.cents)} for ${c.label.trim()}`);
  const shares = f.shares.map((s) => `${s.party} pays ${s.percent}%`).join(' and ');
  return [
    `1. Costs: the mediator charges ${usd(f.cents)}${f.kind === 'hourly' ? ' an hour' : ' for the whole mediation'}.`,
    freeHours
      ? `The first ${freeHours} hour${freeHours === 1 ? ' is' : 's are'} free under the program’s rule.`
      : '',
    other.length ? `Other costs: ${other.join(', ')}.` : 'There are no other costs.',
    `${shares}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** Rule 88.06(a): the mediator's seven written disclosures, in plain words, with the figures given. */
export function rule8806Disclosures(
  disclosure: MediatorDisclosure | undefined,
  freeHours: number | null,
): string[] {
  return [
    disclosure
      ? feesText(disclosure.fees, freeHours)
      : '1. Costs: the mediator has not yet written the fees here. Do not sign until they are.',
    '2. The mediator does not represent either of you, or both of you, and is not anyone’s lawyer.',
    '3. The process: the mediator meets with you, helps you talk, and helps you write down what you agree on.',
    !disclosure
      ? '4. Relationships and conflicts: the mediator has not yet written them here. Do not sign until they are.'
      : disclosure.relationships === null
        ? '4. The mediator has no relationship with either of you, and no personal, money or other interest, that could make the mediator unfair.'
        : `4. The mediator’s relationships with you and interests that could affect fairness: ${disclosure.relationships.trim()}`,
    '5. Each of you should get advice from your own lawyer, before and after mediation.',
    '6. If you both agree at the end, papers and facts shared in mediation can be given to your lawyers.',
    '7. The mediator will make sure you think fully about what is best for your children and understand what your choices mean for them.',
  ];
}

/**
 * Whether this Agreement to Mediate is ready to sign: on a Rule 88 pack, the mediator's fees and
 * relationships must be written into it first (Rule 88.06(a)(1), (4)). The missing fields, in words.
 */
export function missingBeforeSigning(
  pack: ResolvedPack,
  disclosure: MediatorDisclosure | undefined,
): string[] {
  if (!pack.requiredWritings.value.includes('rule_88_06_disclosures') || disclosure) return [];
  return [DISCLOSURE_FIELDS['fees.kind'], DISCLOSURE_FIELDS.relationships];
}

/**
 * The Agreement to Mediate for one case, written from its pack. The exact text is what each party
 * signs: its SHA-256 is recorded with every signature. On a Rule 88 pack it carries the mediator's
 * Rule 88.06(a) disclosures, with the fees in figures and the relationships stated.
 */
export function agreementToMediate(
  pack: ResolvedPack,
  c: {
    caseRef: string;
    programName: string;
    partyNames: string[];
    mediatorName: string;
    disclosure?: MediatorDisclosure;
  },
): AtmDocument {
  const sections: AtmSection[] = [
    {
      heading: 'Who this agreement is between',
      paragraphs: [
        `Case ${c.caseRef} in ${c.programName}.`,
        `The parties: ${c.partyNames.join(' and ')}. The mediator: ${c.mediatorName}.`,
      ],
    },
    {
      heading: 'Taking part is your choice',
      paragraphs: [
        pack.consent.value === 'court_ordered'
          ? 'The court asked you to come to mediation. Whether you agree to anything is always your choice.'
          : 'You are here because you chose to be. You can stop at any time.',
        'Nobody can make you agree to anything. You decide.',
      ],
    },
    {
      heading: 'What is said stays private',
      paragraphs: [
        `What is said in mediation is private. It cannot be used as evidence in court or at a hearing later (${pack.confidentiality.value.statute}).`,
        'There are limits:',
        ...pack.confidentiality.value.exceptions.map((e) => `If there is ${e.text}: ${e.dutyText}`),
        'The mediator may only tell the court or agency what its rules allow: whether mediation happened or ended, whether you reached an agreement, and, only where the rules allow it, who came.',
        'This written agreement is what makes the law protect your mediation.',
      ],
    },
    {
      heading: 'What the mediator does and does not do',
      paragraphs: [
        'The mediator is neutral. The mediator does not take sides and does not represent anyone.',
        'The mediator does not give legal advice and does not decide for you.',
      ],
    },
    {
      heading: 'Your right to a lawyer',
      paragraphs: [
        'You can talk to a lawyer at any time, before you sign any agreement.',
        ...(pack.attorneysAtSessions.value
          ? []
          : [
              'In this program, lawyers do not come to the mediation sessions for either side. You may bring an advocate or support person who is not your lawyer.',
            ]),
      ],
    },
    { heading: 'Costs', paragraphs: [pack.cost.value.text] },
    {
      heading: 'If you reach an agreement',
      paragraphs: [
        `An agreement is written down and signed by ${pack.agreementSignedBy.value}.`,
        pack.agreementGoesTo.value === 'no one else'
          ? 'Each of you keeps a copy; no copy goes to anyone else.'
          : `A copy goes to ${pack.agreementGoesTo.value}.`,
      ],
    },
  ];
  if (pack.requiredWritings.value.includes('rule_88_06_disclosures')) {
    sections.push({
      heading: 'The mediator’s written disclosures (Rule 88.06(a))',
      paragraphs: rule8806Disclosures(c.disclosure, pack.freeHours.value),
    });
  }
  sections.push({
    heading: 'Signing',
    paragraphs: [
      'By signing, you say you have read this agreement, you understand it, and you agree to mediate under it.',
    ],
  });
  return { title: 'Agreement to Mediate', sections };
}

/** The exact text that is hashed and signed. */
export function documentText(doc: AtmDocument): string {
  return [doc.title, '', ...doc.sections.flatMap((s) => [s.heading, ...s.paragraphs, ''])].join('\n');
}
