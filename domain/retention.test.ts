import { describe, expect, it } from 'vitest';
import { confidentialExpiresAt, monthOf, purgeDue, recordsExpireAt, resolveRetention } from './retention.ts';
import { RULE_PACKS } from './rule-packs/index.ts';

const closedAt = new Date('2026-03-04T19:00:00Z');
const pack = RULE_PACKS.find((p) => p.id === 'mo-dese-special-education')!;

describe('retention', () => {
  it('every pack gives a figure with its source, and says when it is unconfirmed', () => {
    for (const p of RULE_PACKS) {
      expect(p.retention.value.closedCaseYears).toBeGreaterThan(0);
      expect(p.retention.cite.length).toBeGreaterThan(5);
      if (p.retention.confirmed === false) expect(p.retention.note?.length ?? 0).toBeGreaterThan(10);
    }
  });

  it("takes the pack's figure, or the program's own schedule marked local", () => {
    expect(resolveRetention(pack).closedCaseYears).toMatchObject({
      value: 5,
      local: false,
      confirmed: false,
    });
    const own = resolveRetention(pack, {
      closedCaseYears: { value: 7, cite: 'District schedule', since: '2026-11-26' },
    });
    expect(own.closedCaseYears).toEqual({
      value: 7,
      cite: 'District schedule',
      since: '2026-11-26',
      local: true,
    });
    expect(resolveRetention(undefined).closedCaseYears.value).toBe(3);
  });

  it('counts whole years and days from the close', () => {
    expect(recordsExpireAt(closedAt, 5).toISOString()).toBe('2031-03-04T19:00:00.000Z');
    expect(confidentialExpiresAt(closedAt, 30)?.toISOString()).toBe('2026-04-03T19:00:00.000Z');
    expect(confidentialExpiresAt(closedAt, null)).toBeNull();
    expect(monthOf('2026-03-04T19:00:00Z')).toBe('2026-03');
  });

  it('is due nothing, the confidential words, or the record; a hold stops both', () => {
    const retention = resolveRetention(pack, { confidentialAfterDays: 30 });
    const at = (iso: string, held = false) => purgeDue({ closedAt, now: new Date(iso), retention, held });
    expect(at('2026-04-03T18:59:59Z')).toBe('none');
    expect(at('2026-04-03T19:00:00Z')).toBe('confidential');
    expect(at('2031-03-04T18:59:59Z')).toBe('confidential');
    expect(at('2031-03-04T19:00:00Z')).toBe('records');
    expect(at('2031-03-04T19:00:00Z', true)).toBe('none');
    expect(at('2026-05-01T00:00:00Z', true)).toBe('none');
    expect(
      purgeDue({ closedAt, now: new Date('2027-01-01'), retention: resolveRetention(pack), held: false }),
    ).toBe('none');
  });
});
