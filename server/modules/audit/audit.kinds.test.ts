import { describe, expect, it } from 'vitest';
import { AUDIT_KINDS } from './audit.kinds.ts';

describe('the audit kinds', () => {
  it('are each listed by one area only, as subject.what_happened', () => {
    const seen = new Set<string>();
    const twice = AUDIT_KINDS.filter((k) => seen.size === seen.add(k).size);
    expect(twice).toEqual([]);
    expect(AUDIT_KINDS.filter((k) => !/^[a-z_]+\.[a-z_]+$/.test(k))).toEqual([]);
  });
});
