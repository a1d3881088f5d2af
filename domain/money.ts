import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages.ts';

/**
 * Money and counts as the reader's language writes them (Spanish of the United States writes
 * dollars as English does: "$1,250.00"). Amounts are whole cents (integers) everywhere in Parley;
 * only the printing divides, so no sum is ever off by a cent.
 */
const money = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    new Intl.NumberFormat(language, { style: 'currency', currency: 'USD', minimumFractionDigits: 2 }),
  ]),
) as Record<Language, Intl.NumberFormat>;

const whole = Object.fromEntries(
  LANGUAGES.map((language) => [language, new Intl.NumberFormat(language, { maximumFractionDigits: 0 })]),
) as Record<Language, Intl.NumberFormat>;

/** "$1,250.00" from 125000 cents, in the reader's language. */
export const formatMoney = (cents: number, language: Language = DEFAULT_LANGUAGE): string =>
  money[language].format(cents / 100);

/** "12,500": a count, grouped as the reader groups thousands. */
export const formatCount = (n: number, language: Language = DEFAULT_LANGUAGE): string =>
  whole[language].format(n);
