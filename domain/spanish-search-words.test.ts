import { describe, expect, it } from 'vitest';
import { LANGUAGES, normalizeText, PRACTICE_AREA_LABELS, searchTerms } from './directory-search.ts';
import { SPANISH_TO_ENGLISH } from './spanish-search-words.ts';

describe('a Spanish visitor’s search words', () => {
  it('are read as the English words the index holds', () => {
    expect(searchTerms('custodia')).toEqual(['custody']);
    expect(searchTerms('Español')).toEqual(['spanish']);
    expect(searchTerms('divorcio')).toEqual(['divorce']);
    expect(searchTerms('Educación especial')).toEqual(['education', 'special']);
    expect(searchTerms('mediadora bilingüe')).toEqual(['mediator', 'bilingual']);
  });

  it('leave out function words while other words remain, and keep names and English as typed', () => {
    expect(searchTerms('custodia de los hijos en Springfield')).toEqual(['custody', 'child', 'springfield']);
    expect(searchTerms('De La Paz')).toEqual(['paz']);
    expect(searchTerms('de la')).toEqual(['de', 'la']);
    expect(searchTerms('Núñez custody family')).toEqual(['nunez', 'custody', 'family']);
    // Two Spanish words for one English word search it once.
    expect(searchTerms('hijos niños')).toEqual(['child']);
  });

  it('hold only words as the search normalizes them, each read as a word the index can hold', () => {
    const indexWords = new Set(
      normalizeText([...Object.values(PRACTICE_AREA_LABELS), ...Object.values(LANGUAGES)].join(' ')).split(
        ' ',
      ),
    );
    for (const [spanish, english] of Object.entries(SPANISH_TO_ENGLISH)) {
      expect(normalizeText(spanish), spanish).toBe(spanish);
      expect(normalizeText(english), english).toBe(english);
      expect(spanish, 'a word mapped to itself').not.toBe(english);
    }
    // Every kind of case and every language a visitor filters by has its Spanish search word.
    for (const word of ['custody', 'family', 'education', 'spanish', 'english', 'community', 'tenant'])
      expect(indexWords.has(word) && Object.values(SPANISH_TO_ENGLISH).includes(word), word).toBe(true);
  });
});
