import type { Language } from './languages.ts';

/**
 * The words of a document a party receives (the Agreement to Mediate, the written agreement, the
 * court report, a receipt…) in one language. The documents are written here, in domain/, from
 * these words; the server hands them in from the catalogs (i18n/document-words.ts), so a
 * document reads the same in every language, sentence for sentence. Citations stay as they are.
 */
export type DocumentWords = {
  language: Language;
  /** One message of the documents catalog, with its arguments. */
  t: (key: string, values?: Record<string, unknown>) => string;
  /**
   * One of a rule pack's own phrases (what mediation costs, who signs, an exception to
   * confidentiality) in this language: the catalog's while the pack says what the catalog's
   * English says, else the pack's own words as they stand.
   */
  pack: (key: string, english: string) => string;
  /** "Ana and Luis", "Ana, Luis and Eva": a list as a sentence writes it. */
  list: (items: readonly string[]) => string;
};
