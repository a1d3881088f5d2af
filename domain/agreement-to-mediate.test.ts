import { describe, expect, it } from 'vitest';
import {
  agreementToMediate,
  checkDisclosure,
  documentText,
  type MediatorDisclosure,
  missingBeforeSigning,
} from './agreement-to-mediate.ts';
import { findPack, resolvePack } from './rule-packs/index.ts';

const family = resolvePack(findPack('mo-rule-88-family')!);
const sped = resolvePack(findPack('mo-dese-special-education')!);
const parties = ['Alex Rivera', 'Sam Rivera'];
const text = (pack: typeof family, disclosure?: MediatorDisclosure) =>
  documentText(
    agreementToMediate(pack, {
      caseRef: 'F-26-0001',
      programName: '16th Circuit Family Mediation',
      partyNames: parties,
      mediatorName: 'Robin Fair',
      ...(disclosure ? { disclosure } : {}),
    }),
  );
const hourly: MediatorDisclosure = {
  fees: {
    kind: 'hourly',
    cents: 15_000,
    otherCosts: [{ label: 'the meeting room', cents: 2_500 }],
    shares: [
      { party: 'Alex Rivera', percent: 60 },
      { party: 'Sam Rivera', percent: 40 },
    ],
  },
  relationships: 'I coached Sam Rivera’s softball team in 2019. I have no money interest in the case.',
};

describe('Rule 88.06(a): the written disclosures inside the Agreement to Mediate the parties sign', () => {
  it('(1) states the fees in figures, other costs and who pays what part; (4) states the relationships', () => {
    const t = text(family, hourly);
    expect(t).toContain('The mediator’s written disclosures (Rule 88.06(a))');
    expect(t).toContain(
      '1. Costs: the mediator charges $150.00 an hour. Other costs: $25.00 for the meeting room. Alex Rivera pays 60% and Sam Rivera pays 40%.',
    );
    expect(t).toContain(
      '4. The mediator’s relationships with you and interests that could affect fairness: I coached Sam Rivera’s softball team in 2019.',
    );
    for (const n of [2, 3, 5, 6, 7]) expect(t).toContain(`${n}. `);
  });

  it('a mediator with no relationship says so in the document; free mediation names who pays', () => {
    const t = text(family, {
      fees: { kind: 'free', paidBy: 'The 16th Circuit mediation fund' },
      relationships: null,
    });
    expect(t).toContain('1. Costs: mediation is free to you. The 16th Circuit mediation fund pays for it.');
    expect(t).toContain('4. The mediator has no relationship with either of you');
  });

  it('a program’s free hours are stated beside the hourly fee', () => {
    const local = resolvePack(findPack('mo-rule-88-family')!, {
      freeHours: { value: 2, cite: 'Local rule 68.12' },
    });
    expect(text(local, hourly)).toContain(
      '$150.00 an hour. The first 2 hours are free under the program’s rule.',
    );
  });

  it('without the figures the document says not to sign, and the service is told what is missing', () => {
    const t = text(family);
    expect(t).toContain('the mediator has not yet written the fees here. Do not sign until they are.');
    expect(missingBeforeSigning(family, undefined)).toEqual([
      'how the mediator charges (free, by the hour, or one fee)',
      'the mediator’s relationships with the parties and any interest that could affect fairness',
    ]);
    expect(missingBeforeSigning(family, hourly)).toEqual([]);
    // Special education has no Rule 88.06 disclosures: nothing is missing, no section appears.
    expect(missingBeforeSigning(sped, undefined)).toEqual([]);
    expect(text(sped)).not.toContain('Rule 88.06');
  });

  it('names each field that is wrong, in words', () => {
    expect(
      checkDisclosure(
        {
          fees: {
            kind: 'hourly',
            cents: 0,
            otherCosts: [{ label: '', cents: 100 }],
            shares: [{ party: 'Alex Rivera', percent: 50 }],
          },
          relationships: '  ',
        },
        parties,
      ),
    ).toEqual({
      'fees.cents': 'Write the fee in dollars and cents, more than $0.',
      'fees.otherCosts': 'Give each other cost what it is for and an amount in dollars and cents.',
      'fees.shares': 'Say what part each party pays, in percent, adding up to 100.',
      relationships:
        'Describe any relationship with the parties and any interest that could affect fairness, or state there is none.',
    });
    expect(checkDisclosure({ fees: { kind: 'free', paidBy: ' ' }, relationships: null }, parties)).toEqual({
      'fees.paidBy': 'Say who pays for the mediation.',
    });
    expect(checkDisclosure(hourly, parties)).toEqual({});
  });
});

describe('where a signed agreement goes', () => {
  it('says it in one plain sentence', () => {
    expect(text(sped)).toContain('A copy goes to DESE, the state program.');
    expect(text(sped)).not.toContain('a copy to');
    expect(text(family)).toContain('A copy goes to the court, for approval.');
  });
});
