import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, type Language, languageOr } from '../domain/languages.ts';
import {
  formatMissouriDate,
  formatMissouriDateTime,
  formatMissouriMonth,
  formatMissouriShortDay,
  formatMissouriStamp,
  formatMissouriTime,
} from '../domain/missouri-time.ts';
import { formatCount, formatMoney } from '../domain/money.ts';
import { createI18n } from '../i18n/i18n.ts';

/**
 * The web app's language: the signed-in person's (from their account), else the one a visitor
 * chose on the switch (remembered in this browser), else English. `<html lang>` follows it, so
 * screen readers and translation tools read the page in the right language.
 */
const REMEMBERED = 'parley.language';

function rememberedLanguage(): Language {
  try {
    return languageOr(localStorage.getItem(REMEMBERED));
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export const webI18n = createI18n(rememberedLanguage());
document.documentElement.lang = webI18n.language;

/** Shows the app in `language` from now on, and remembers it in this browser. */
export function showLanguage(language: Language) {
  try {
    localStorage.setItem(REMEMBERED, language);
  } catch {
    // A browser that keeps nothing still switches for this visit.
  }
  document.documentElement.lang = language;
  if (webI18n.language !== language) void webI18n.changeLanguage(language);
}

/** The language the page is shown in. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return languageOr(i18n.language);
}

/**
 * Missouri dates, times, money and counts printed in the page's language: the one way a page
 * prints them, so a Spanish page never shows an English date.
 */
export function useFormats() {
  const language = useLanguage();
  return useMemo(
    () => ({
      language,
      dateTime: (at: Date | string) => formatMissouriDateTime(at, language),
      date: (at: Date | string, options: { weekday?: boolean } = {}) =>
        formatMissouriDate(at, options, language),
      stamp: (at: Date | string) => formatMissouriStamp(at, language),
      month: (at: Date | string) => formatMissouriMonth(at, language),
      shortDay: (at: Date | string) => formatMissouriShortDay(at, language),
      time: (at: Date | string) => formatMissouriTime(at, language),
      money: (cents: number) => formatMoney(cents, language),
      count: (n: number) => formatCount(n, language),
    }),
    [language],
  );
}
