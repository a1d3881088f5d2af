import type { ResolvedPack } from './rule-packs/index.ts';

export type AtmSection = { heading: string; paragraphs: string[] };
export type AtmDocument = { title: string; sections: AtmSection[] };

/** Rule 88.06(a): the mediator's seven written disclosures, in plain words. */
export const RULE_88_06_DISCLOSURES = [
  '1. Costs: what mediation costs and who pays is written in the section about costs above.',
  '2. The mediator does not represent either of you and is not anyone’s lawyer.',
  '3. The process: the mediator meets with you, helps you talk, and helps you write down what you agree on.',
  '4. The mediator has told you about any relationship or conflict that could affect fairness.',
  '5. Each of you should get advice from your own lawyer, before and after mediation.',
  '6. If you both agree, papers and facts you share can be given to your lawyers.',
  '7. What is best for your children comes first.',
];

/**
 * The Agreement to Mediate for one case, written from its pack. The exact text is what each party
 * signs: its SHA-256 is recorded with every signature.
 */
export function agreementToMediate(
  pack: ResolvedPack,
  c: { caseRef: string; programName: string; partyNames: string[]; mediatorName: string },
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
        `There are limits. The mediator must report ${pack.confidentiality.value.exceptions.join(', and ')}.`,
        'The mediator may only tell the court or agency whether mediation happened or ended, whether you reached an agreement, and who came.',
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
        `A copy goes to ${pack.agreementGoesTo.value}.`,
      ],
    },
  ];
  if (pack.requiredWritings.value.includes('rule_88_06_disclosures')) {
    sections.push({
      heading: 'The mediator’s written disclosures (Rule 88.06(a))',
      paragraphs: [...RULE_88_06_DISCLOSURES],
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
