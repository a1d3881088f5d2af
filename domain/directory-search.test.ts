import { describe, expect, it } from 'vitest';
import {
  facetGroups,
  facetTokens,
  nameKey,
  normalizeText,
  relevanceScore,
  searchTerms,
  sortScoreKey,
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
    expect(searchTerms('Español, a  family! family')).toEqual(['espanol', 'family']);
  });

  it('builds facet tokens and groups that line up', () => {
    const tokens = facetTokens(profile);
    expect(tokens).toBe(
      ' areafamily areachildcustody langes langen cty29077 cty29043 cir31 cir38 rosterrule17 rosterrule88 feehourly feesliding modremote modinperson accepting ',
    );
    const groups = facetGroups({
      area: 'family',
      county: '29077',
      language: 'es',
      fee: 'sliding',
      roster: 'rule88',
    });
    for (const group of groups) expect(group.some((t) => tokens.includes(` ${t} `))).toBe(true);
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
