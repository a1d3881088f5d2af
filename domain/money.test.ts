import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney } from './money.ts';

describe("money and counts in the reader's language", () => {
  it('prints whole cents as dollars, to the cent, in English and Spanish', () => {
    expect(formatMoney(125_000)).toBe('$1,250.00');
    expect(formatMoney(5, 'es-US')).toBe('$0.05');
    expect(formatMoney(100_000_000_000, 'es-US')).toBe('$1,000,000,000.00');
    expect(formatMoney(123_456_789_01)).toBe('$123,456,789.01');
  });

  it('groups a count by thousands', () => {
    expect(formatCount(12_500)).toBe('12,500');
    expect(formatCount(1, 'es-US')).toBe('1');
  });
});
