import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, type Language, languageOr } from '../domain/languages.ts';
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
