/**
 * The languages Parley speaks. Each person reads pages, e-mails and documents in their own:
 * chosen at sign-up or from the switch on every page, kept on the account, remembered in the
 * browser for a visitor. The tags are BCP 47, so they go as they are into `<html lang>` and Intl.
 */
export const LANGUAGES = ['en-US', 'es-US'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What a person who has not chosen reads. */
export const DEFAULT_LANGUAGE: Language = 'en-US';

/** Each language's name in its own words, as the switch shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { 'en-US': 'English', 'es-US': 'Español' };

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** A stored or sent value as a language: anything unknown reads as the default. */
export const languageOr = (value: unknown): Language => (isLanguage(value) ? value : DEFAULT_LANGUAGE);
