import { describe, expect, it } from 'vitest';
import { describePack } from './describe.ts';
import { findPack, resolvePack } from './index.ts';

describe('a program’s rules in plain words', () => {
  it('34 CFR 300.506 and the Missouri State Plan: the special-education program is free, voluntary and without lawyers', () => {
    const pack = findPack('mo-dese-special-education')!;
    const lines = describePack(resolvePack(pack));
    const byKey = Object.fromEntries(lines.map((l) => [l.key, l]));
    expect(byKey.cost?.text).toMatch(/free/i);
    expect(byKey.consent?.text).toMatch(/Either side may say no/);
    expect(byKey.attorneys?.text).toMatch(/Lawyers do not attend/);
    expect(byKey.companionsPerParty?.text).toBe('Up to 3, unless both sides agree to more.');
    for (const line of lines) expect(line.cite.length).toBeGreaterThan(3);
  });

  it('marks the rules a program set for itself, with the local rule it cites', () => {
    const pack = findPack('mo-rule-88-family')!;
    const overrides = { minimumHours: { value: 2, cite: '16th Circuit Local Rule 68.10' } };
    const lines = describePack(resolvePack(pack, overrides), Object.keys(overrides));
    const minimum = lines.find((l) => l.key === 'minimumHours')!;
    expect(minimum).toMatchObject({
      text: 'At least 2 hours of mediation',
      cite: '16th Circuit Local Rule 68.10',
      local: true,
    });
    expect(lines.find((l) => l.key === 'attorneys')?.local).toBe(false);
  });

  it('a free-hours allowance is a local rule a court or community program may set, never the state-paid program', () => {
    const family = findPack('mo-rule-88-family')!;
    expect(describePack(resolvePack(family)).find((l) => l.key === 'freeHours')).toMatchObject({
      text: 'No free-hours allowance set by the program',
      local: false,
    });
    const overrides = { freeHours: { value: 3, cite: '16th Circuit family mediation fund order' } };
    expect(
      describePack(resolvePack(family, overrides), ['freeHours']).find((l) => l.key === 'freeHours'),
    ).toMatchObject({
      text: 'The first 3 hours of mediation are free',
      cite: '16th Circuit family mediation fund order',
      local: true,
    });
    // 34 CFR 300.506(b)(4): the state pays for all of it, so there is no allowance to show.
    const se = describePack(resolvePack(findPack('mo-dese-special-education')!));
    expect(se.find((l) => l.key === 'freeHours')).toBeUndefined();
  });
});
