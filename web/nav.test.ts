import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../domain/languages.ts';
import { CATALOGS } from '../i18n/i18n.ts';
import { FOOTER_NAV, NAV } from './nav.ts';

// The shell names each link by its path in the common catalog (nav."/programs"): a link added to
// the navigation needs its words in every language, the English the same as its label here.
describe('the navigation in every language', () => {
  const links = [...NAV, ...FOOTER_NAV];
  for (const language of LANGUAGES) {
    it(`${language} names every link`, () => {
      const names: Record<string, string> = CATALOGS[language].common.nav;
      expect(links.filter((link) => !names[link.to]).map((link) => link.to)).toEqual([]);
    });
  }
  it('says in English what the labels say', () => {
    const names: Record<string, string> = CATALOGS['en-US'].common.nav;
    expect(links.filter((link) => names[link.to] !== link.label).map((link) => link.to)).toEqual([]);
  });
});
