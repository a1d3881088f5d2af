import { describe, expect, it } from 'vitest';
import { languageOfHeader } from './language.ts';

describe('the language an answer is written in', () => {
  it('is the page language the web app sends', () => {
    expect(languageOfHeader('es-US')).toBe('es-US');
    expect(languageOfHeader('en-US')).toBe('en-US');
  });

  it("is the first of a browser's languages Parley speaks, by weight and then order", () => {
    expect(languageOfHeader('es-MX,es;q=0.9,en;q=0.8')).toBe('es-US');
    expect(languageOfHeader('fr-FR,fr;q=0.9,es;q=0.5,en;q=0.4')).toBe('es-US');
    expect(languageOfHeader('en;q=0.2, es;q=0.7')).toBe('es-US');
    expect(languageOfHeader('ES')).toBe('es-US');
  });

  it('is English when nothing Parley speaks is asked for', () => {
    expect(languageOfHeader(undefined)).toBe('en-US');
    expect(languageOfHeader('')).toBe('en-US');
    expect(languageOfHeader('de-DE, fr;q=0.5')).toBe('en-US');
    expect(languageOfHeader('es;q=0')).toBe('en-US');
  });
});
