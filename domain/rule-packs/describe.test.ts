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

  it('Rule 88.04(e) in plain words: an undenied application replaces the mediator; a denied one goes to the court', () => {
    const lines = describePack(resolvePack(findPack('mo-rule-88-family')!));
    expect(lines.find((l) => l.key === 'disqualification')?.text).toBe(
      'A party may apply in writing to disqualify the mediator for cause. If no other party denies it within 10 days (counted as the court counts), the mediator is replaced. If a party denies it, the court decides. The program cannot refuse an application no one denied.',
    );
    expect(lines.find((l) => l.key === 'deadline:disqualification_denial')?.text).toMatch(
      /10 days counted as the court counts: if the last day is a Saturday, Sunday or Missouri legal holiday, it moves to the next day the court is open/,
    );
  });

  it('Rule 17.03(b) in plain words: the opt-out window and what a filed opt-out does', () => {
    const lines = describePack(resolvePack(findPack('mo-rule-17-civil')!));
    const consent = lines.find((l) => l.key === 'consent')!;
    expect(consent.text).toMatch(
      /may opt out in writing in the 30 days before the court’s deadline to begin/,
    );
    expect(consent.text).toMatch(/A filed opt-out ends the referral and the court is told/);
    expect(consent.cite).toMatch(/^Rule 17\.03\(b\)/);
    expect(lines.find((l) => l.key === 'deadline:opt_out_window')?.text).toMatch(
      /the day before the court’s deadline/,
    );
  });

  it('privacy: each limit says where it comes from, and no mediator is told they "must report" as such', () => {
    const lines = describePack(resolvePack(findPack('mo-rule-88-family')!));
    expect(lines.find((l) => l.key === 'confidentiality')?.text).toBe(
      'What is said in mediation is confidential under Rule 88.08, with the limits below.',
    );
    const abuse = lines.find((l) => l.key === 'exception:suspected_child_abuse')!;
    expect(abuse.cite).toMatch(/RSMo 210\.115\.1/);
    expect(abuse.text).toMatch(
      /mandated reporter under Missouri law .* must report it.*Any other mediator may report it/,
    );
    const harm = lines.find((l) => l.key === 'exception:threat_of_serious_harm')!;
    expect(harm.text).toMatch(/may warn/);
    expect(harm.unconfirmed).toMatch(/question of law/);
  });

  it('special education: the 15-day rule reads "scheduled" and is marked unconfirmed; no unwritten agreement', () => {
    const lines = describePack(resolvePack(findPack('mo-dese-special-education')!));
    const session = lines.find((l) => l.key === 'deadline:session_scheduled')!;
    expect(session.text).toBe(
      'First session scheduled (a date set): 15 calendar days, weekends and holidays included.',
    );
    expect(session.unconfirmed).toMatch(/State Plan itself was not read/);
    expect(lines.find((l) => l.key === 'outcomes')?.text).toMatch(
      /An agreement that is not written down does not count/,
    );
  });

  it('a program’s choices show as local, with the rule it named', () => {
    const family = findPack('mo-rule-88-family')!;
    const lines = describePack(
      resolvePack(
        family,
        {},
        { courtReport: { value: 'settlement_and_attendance', cite: '16th Circuit Local Rule 68.12' } },
      ),
    );
    expect(lines.find((l) => l.key === 'courtReport')).toMatchObject({
      text: 'Whether mediation took place and ended, whether the dispute was resolved, and who attended. Never anything that was said in mediation.',
      cite: '16th Circuit Local Rule 68.12',
      local: true,
    });
    expect(lines.find((l) => l.key === 'settlementSignature')).toMatchObject({
      text: 'In ink on paper.',
      local: false,
    });
  });
});
