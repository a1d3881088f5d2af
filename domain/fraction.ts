/**
 * Exact rational numbers over BigInt, for fair division: points and shares must come out equal
 * exactly, not within a floating-point tolerance (72⅔ points each, never 72.66666666666667 against
 * 72.66666666666666). Always kept in lowest terms with a positive denominator, so two equal
 * fractions have equal parts and compare with `equals`.
 */
export class Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;

  private constructor(numerator: bigint, denominator: bigint) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  static of(numerator: bigint | number, denominator: bigint | number = 1n): Fraction {
    let n = BigInt(numerator);
    let d = BigInt(denominator);
    if (d === 0n) throw new RangeError('A fraction cannot have a denominator of zero.');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    return new Fraction(n / g, d / g);
  }

  static readonly ZERO = Fraction.of(0);
  static readonly ONE = Fraction.of(1);

  plus(other: Fraction): Fraction {
    return Fraction.of(
      this.numerator * other.denominator + other.numerator * this.denominator,
      this.denominator * other.denominator,
    );
  }

  minus(other: Fraction): Fraction {
    return this.plus(other.negated());
  }

  times(other: Fraction): Fraction {
    return Fraction.of(this.numerator * other.numerator, this.denominator * other.denominator);
  }

  dividedBy(other: Fraction): Fraction {
    if (other.numerator === 0n) throw new RangeError('Cannot divide by zero.');
    return Fraction.of(this.numerator * other.denominator, this.denominator * other.numerator);
  }

  negated(): Fraction {
    return new Fraction(-this.numerator, this.denominator);
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `other`. */
  compare(other: Fraction): -1 | 0 | 1 {
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  equals(other: Fraction): boolean {
    return this.numerator === other.numerator && this.denominator === other.denominator;
  }

  /** Plain data for JSON and pages. Only for values whose parts fit in a safe integer. */
  toRatio(): Ratio {
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    if (this.numerator > max || -this.numerator > max || this.denominator > max) {
      throw new RangeError('The fraction is too large to show exactly.');
    }
    return { numerator: Number(this.numerator), denominator: Number(this.denominator) };
  }

  toString(): string {
    return this.denominator === 1n ? `${this.numerator}` : `${this.numerator}/${this.denominator}`;
  }
}

/** An exact fraction as plain data, in lowest terms with a positive denominator: 218/3. */
export type Ratio = { numerator: number; denominator: number };

export const fromRatio = (r: Ratio): Fraction => Fraction.of(r.numerator, r.denominator);

/**
 * A non-negative ratio in words a page can show: "72 2/3", "13/15", "40". Exact, no rounding; a
 * page that also wants a decimal can show `approximately(r)` beside it.
 */
export function formatMixed(r: Ratio): string {
  const whole = Math.trunc(r.numerator / r.denominator);
  const rest = r.numerator - whole * r.denominator;
  if (rest === 0) return `${whole}`;
  return whole === 0 ? `${rest}/${r.denominator}` : `${whole} ${rest}/${r.denominator}`;
}

/** A decimal for "about 72.67" beside the exact figure; never used in a calculation. */
export const approximately = (r: Ratio, digits = 2): number =>
  Math.round((r.numerator / r.denominator) * 10 ** digits) / 10 ** digits;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
