import type { DocumentWords } from './document-words.ts';
import { formatMoney } from './money.ts';
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

/** Item 1 of Rule 88.06(a), in figures. */
function feesText(f: FeeTerms, freeHours: number | null, w: DocumentWords): string {
  const { t } = w;
  if (f.kind === 'free') return t('atm.disclosures.feesFree', { payer: f.paidBy.trim() });
  const money = (cents: number) => formatMoney(cents, w.language);
  const other = f.otherCosts.map((c) =>
    t('atm.disclosures.otherCost', { amount: money(c.cents), label: c.label.trim() }),
  );
  const shares = f.shares.map((s) => t('atm.disclosures.share', { party: s.party, percent: s.percent }));
  return [
    t(f.kind === 'hourly' ? 'atm.disclosures.feesHourly' : 'atm.disclosures.feesFlat', {
      fee: money(f.cents),
    }),
    freeHours ? t('atm.disclosures.freeHours', { hours: freeHours }) : '',
    other.length
      ? t('atm.disclosures.otherCosts', { costs: w.list(other) })
      : t('atm.disclosures.noOtherCosts'),
    t('atm.disclosures.shares', { shares: w.list(shares) }),
  ]
    .filter(Boolean)
    .join(' ');
}

/** Rule 88.06(a): the mediator's seven written disclosures, in plain words, with the figures given. */
export function rule8806Disclosures(
  disclosure: MediatorDisclosure | undefined,
  freeHours: number | null,
  w: DocumentWords,
): string[] {
  const { t } = w;
  return [
    disclosure ? feesText(disclosure.fees, freeHours, w) : t('atm.disclosures.feesMissing'),
    t('atm.disclosures.notRepresent'),
    t('atm.disclosures.process'),
    !disclosure
      ? t('atm.disclosures.relationshipsMissing')
      : disclosure.relationships === null
        ? t('atm.disclosures.noRelationships')
        : t('atm.disclosures.relationships', { relationships: disclosure.relationships.trim() }),
    t('atm.disclosures.ownLawyer'),
    t('atm.disclosures.shareWithLawyers'),
    t('atm.disclosures.children'),
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
 * The Agreement to Mediate for one case, written from its pack in one language (`w`). The exact
 * text is what each party signs: its SHA-256 is recorded with every signature, with the language
 * it was in. On a Rule 88 pack it carries the mediator's Rule 88.06(a) disclosures, with the fees
 * in figures and the relationships stated.
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
  w: DocumentWords,
): AtmDocument {
  const { t } = w;
  const kind = pack.programKind;
  const sections: AtmSection[] = [
    {
      heading: t('atm.who.heading'),
      paragraphs: [
        t('atm.who.case', { reference: c.caseRef, program: c.programName }),
        t('atm.who.people', { parties: w.list(c.partyNames), mediator: c.mediatorName }),
      ],
    },
    {
      heading: t('atm.choice.heading'),
      paragraphs: [
        pack.consent.value === 'court_ordered' ? t('atm.choice.courtOrdered') : t('atm.choice.voluntary'),
        t('atm.choice.yours'),
      ],
    },
    {
      heading: t('atm.private.heading'),
      paragraphs: [
        t('atm.private.evidence', { statute: pack.confidentiality.value.statute }),
        t('atm.private.limits'),
        ...pack.confidentiality.value.exceptions.map((e) =>
          t('atm.private.exception', {
            exception: w.pack(`pack.exception.${e.id}.text`, e.text),
            duty: w.pack(`pack.exception.${e.id}.duty`, e.dutyText),
          }),
        ),
        t('atm.private.report'),
        t('atm.private.law'),
      ],
    },
    {
      heading: t('atm.role.heading'),
      paragraphs: [t('atm.role.neutral'), t('atm.role.noAdvice')],
    },
    {
      heading: t('atm.lawyer.heading'),
      paragraphs: [
        t('atm.lawyer.anyTime'),
        ...(pack.attorneysAtSessions.value ? [] : [t('atm.lawyer.notAtSessions')]),
      ],
    },
    { heading: t('atm.costs.heading'), paragraphs: [w.pack(`pack.cost.${kind}`, pack.cost.value.text)] },
    {
      heading: t('atm.reached.heading'),
      paragraphs: [
        t('atm.reached.signedBy', {
          signers: w.pack(`pack.signedBy.${kind}`, pack.agreementSignedBy.value),
        }),
        pack.agreementGoesTo.value === 'no one else'
          ? t('atm.reached.noCopy')
          : t('atm.reached.copyTo', {
              recipient: w.pack(`pack.goesTo.${kind}`, pack.agreementGoesTo.value),
            }),
      ],
    },
  ];
  if (pack.requiredWritings.value.includes('rule_88_06_disclosures')) {
    sections.push({
      heading: t('atm.disclosures.heading'),
      paragraphs: rule8806Disclosures(c.disclosure, pack.freeHours.value, w),
    });
  }
  sections.push({ heading: t('atm.signing.heading'), paragraphs: [t('atm.signing.text')] });
  return { title: t('atm.title'), sections };
}

/** The exact text that is hashed and signed. */
export function documentText(doc: AtmDocument): string {
  return [doc.title, '', ...doc.sections.flatMap((s) => [s.heading, ...s.paragraphs, ''])].join('\n');
}
