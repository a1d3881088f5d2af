import { describe, expect, it } from 'vitest';
import {
  agreementToMediate,
  checkDisclosure,
  documentText,
  type MediatorDisclosure,
  missingBeforeSigning,
} from '../domain/agreement-to-mediate.ts';
import { findPack, resolvePack } from '../domain/rule-packs/index.ts';
import { documentWords } from './document-words.ts';

// The Agreement to Mediate as the packs write it (domain/agreement-to-mediate.ts), in the words
// of the documents catalog: here, where the catalogs can be read.
const english = documentWords('en-US');

const family = resolvePack(findPack('mo-rule-88-family')!);
const sped = resolvePack(findPack('mo-dese-special-education')!);
const civil = resolvePack(findPack('mo-rule-17-civil')!);
const community = resolvePack(findPack('community-center')!);
const parties = ['Alex Rivera', 'Sam Rivera'];
const text = (pack: typeof family, disclosure?: MediatorDisclosure) =>
  documentText(
    agreementToMediate(
      pack,
      {
        caseRef: 'F-26-0001',
        programName: '16th Circuit Family Mediation',
        partyNames: parties,
        mediatorName: 'Robin Fair',
        ...(disclosure ? { disclosure } : {}),
      },
      english,
    ),
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

describe('Agreement to Mediate, from each pack', () => {
  it('Rule 88.06(a): the seven written disclosures are part of the Agreement to Mediate', () => {
    const doc = agreementToMediate(
      family,
      {
        caseRef: 'F-1',
        programName: 'P',
        partyNames: ['A', 'B'],
        mediatorName: 'M',
      },
      english,
    );
    const text = documentText(doc);
    for (const n of [1, 2, 3, 4, 5, 6, 7]) expect(text).toContain(`${n}. `);
    expect(text).toMatch(/best for your children/);
  });

  const atm = (pack: typeof sped) =>
    documentText(
      agreementToMediate(
        pack,
        {
          caseRef: 'S-1',
          programName: 'DESE',
          partyNames: ['Pat', 'District'],
          mediatorName: 'Mo',
        },
        english,
      ),
    );
  it('20 U.S.C. 1415(e)(2)(G): states confidentiality, its exceptions, no legal advice, right to a lawyer, costs', () => {
    const text = atm(sped);
    expect(text).toContain('20 U.S.C. 1415(e)(2)(G)');
    expect(text).toMatch(/child has been, or may be, abused or neglected/);
    expect(text).toMatch(/threat to seriously hurt/);
    expect(text).toMatch(/does not give legal advice/);
    expect(text).toMatch(/talk to a lawyer/);
    expect(text).toMatch(/free/);
    expect(text).toMatch(/lawyers do not come/);
  });
  it('RSMo 210.115: the duty to report child abuse depends on the mediator’s profession; no mediator is told they "must report" as such', () => {
    for (const pack of [sped, family, civil, community]) {
      const text = atm(pack);
      expect(text).not.toMatch(/The mediator must report/);
      expect(text).toMatch(/mandated reporter under Missouri law .* must report it/);
      expect(text).toMatch(/Any other mediator may report it/);
    }
  });
});
