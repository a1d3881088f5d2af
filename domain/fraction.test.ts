import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approximately, Fraction, formatMixed } from './fraction.ts';

const small = fc.integer({ min: -10_000, max: 10_000 });
const nonZero = small.filter((n) => n !== 0);
const fraction = fc.tuple(small, nonZero).map(([n, d]) => Fraction.of(n, d));

describe('exact fractions', () => {
  it('keeps lowest terms with a positive denominator', () => {
    expect(Fraction.of(6, -4).toRatio()).toEqual({ numerator: -3, denominator: 2 });
    expect(Fraction.of(0, 7).toRatio()).toEqual({ numerator: 0, denominator: 1 });
    expect(Fraction.of(2, 4).equals(Fraction.of(1, 2))).toBe(true);
    expect(() => Fraction.of(1, 0)).toThrow(RangeError);
    expect(() => Fraction.ONE.dividedBy(Fraction.ZERO)).toThrow(RangeError);
  });

  it('adds up exactly where floating point drifts', () => {
    // 0.1 + 0.2 !== 0.3 in floating point; 1/10 + 2/10 is 3/10.
    expect(Fraction.of(1, 10).plus(Fraction.of(2, 10)).equals(Fraction.of(3, 10))).toBe(true);
    expect(Fraction.of(218, 3).minus(Fraction.of(8, 3)).toString()).toBe('70');
    expect(Fraction.of(40).times(Fraction.of(13, 15)).toString()).toBe('104/3');
  });

  it('obeys the laws of arithmetic and orders like the numbers it stands for', () => {
    fc.assert(
      fc.property(fraction, fraction, (a, b) => {
        expect(a.plus(b).minus(b).equals(a)).toBe(true);
        if (b.numerator !== 0n) expect(a.times(b).dividedBy(b).equals(a)).toBe(true);
        const exact =
          Number(a.numerator) * Number(b.denominator) - Number(b.numerator) * Number(a.denominator);
        expect(a.compare(b)).toBe(Math.sign(exact));
        expect(a.compare(b) === 0).toBe(a.equals(b));
      }),
    );
  });

  it('writes a ratio for a page', () => {
    expect(formatMixed({ numerator: 218, denominator: 3 })).toBe('72 2/3');
    expect(formatMixed({ numerator: 2, denominator: 15 })).toBe('2/15');
    expect(formatMixed({ numerator: 50, denominator: 1 })).toBe('50');
    expect(approximately({ numerator: 218, denominator: 3 })).toBe(72.67);
  });
});
