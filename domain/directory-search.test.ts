import { describe, expect, it } from 'vitest';
import {
  facetGroups,
  facetTokens,
  nameKey,
  normalizeText,
  relevanceScore,
  searchTerms,
  sortScoreKey,
  typoBudget,
  withinEdits,
} from './directory-search.ts';

const profile = {
  displayName: 'José Núñez',
  practiceName: 'Núñez Family Mediation, LLC',
  bio: 'Co-parenting plans.',
  areas: ['family', 'child_custody'] as const,
  languages: ['es', 'en'] as const,
  counties: [
    { fips: '29077', name: 'Greene', circuit: 31 },
    { fips: '29043', name: 'Christian', circuit: 38 },
  ],
  statewide: false,
  inPerson: true,
  remote: true,
  hourlyRate: 150,
  slidingScale: true,
  freeService: false,
  acceptingCases: true,
  rosters: ['rule17', 'rule88'],
  verifiedHours: 40,
  yearsPractice: 12,
  hasPhoto: false,
};

describe('directory search keys', () => {
  it('normalises text the same way for both databases', () => {
    expect(normalizeText('  José Núñez — Co-parenting, LLC! ')).toBe('jose nunez co parenting llc');
    expect(searchTerms('Núñez, a  family! family')).toEqual(['nunez', 'family']);
    // A Spanish word is read as the English word the index holds (spanish-search-words.test.ts).
    expect(searchTerms('Español, a  family! family')).toEqual(['spanish', 'family']);
  });

  it('builds facet tokens and groups that line up', () => {
    const tokens = facetTokens(profile);
    expect(tokens).toBe(
      ' areafamily areachildcustody langes langen cty29077 cty29043 cir31 cir38 rosterrule17 rosterrule88 feehourly feesliding modremote modinperson accepting ',
    );
    const groups = facetGroups({
      area: ['family', 'child_custody'],
      county: '29077',
      language: ['es', 'en'],
      fee: 'sliding',
      roster: ['rule88'],
    });
    expect(groups).toHaveLength(7);
    for (const group of groups) expect(group.some((t) => tokens.includes(` ${t} `))).toBe(true);
    // Every language chosen is required: a mediator who speaks Spanish only is not found for Spanish and Vietnamese.
    const both = facetGroups({ language: ['es', 'vi'] });
    expect(both.every((group) => group.some((t) => tokens.includes(` ${t} `)))).toBe(false);
    expect(facetTokens({ ...profile, statewide: true })).toContain(' ctyall cirall ');
  });

  it('orders better-qualified, accepting mediators first with a fixed-width key', () => {
    const a = relevanceScore(profile);
    const b = relevanceScore({ ...profile, acceptingCases: false });
    expect(a).toBeGreaterThan(b);
    expect(sortScoreKey(a) < sortScoreKey(b)).toBe(true);
    expect(sortScoreKey(a)).toHaveLength(6);
    expect(nameKey('Ávila, Ana')).toBe('avila ana');
  });
});

describe('typing mistakes', () => {
  it('allows one edit from 5 letters and two from 9', () => {
    expect([typoBudget('iep'), typoBudget('divor'), typoBudget('custody'), typoBudget('bilinguel')]).toEqual([
      0, 1, 1, 2,
    ]);
  });

  it('counts a letter added, dropped, changed or two letters swapped as one edit', () => {
    expect(withinEdits('custdy', 'custody', 1)).toBe(true);
    expect(withinEdits('custoddy', 'custody', 1)).toBe(true);
    expect(withinEdits('cuztody', 'custody', 1)).toBe(true);
    expect(withinEdits('cusotdy', 'custody', 1)).toBe(true);
    expect(withinEdits('cstdy', 'custody', 1)).toBe(false);
    expect(withinEdits('cstdy', 'custody', 2)).toBe(true);
    expect(withinEdits('mediation', 'meditation', 1)).toBe(true);
    expect(withinEdits('landlord', 'parenting', 2)).toBe(false);
  });
});
