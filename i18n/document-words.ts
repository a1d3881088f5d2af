import type { DocumentWords } from '../domain/document-words.ts';
import type { Language } from '../domain/languages.ts';
import { translator } from './i18n.ts';

/** The documents' words (domain/document-words.ts) from the `documents` catalog, in `language`. */
export function documentWords(language: Language): DocumentWords {
  const t = translator(language, 'documents');
  const english = translator('en-US', 'documents');
  const lists = new Intl.ListFormat(language, { type: 'conjunction' });
  return {
    language,
    t: (key, values) => t(key, values ?? {}),
    pack: (key, words) => (english(key) === words ? t(key) : words),
    list: (items) => lists.format(items),
  };
}
