import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../domain/languages.ts';
import { CATALOGS, NAMESPACES } from './i18n.ts';

// Every language has every message, and each message takes the same arguments (with the same
// kinds: a plural stays a plural) and the same markup: a page or an e-mail never falls back to
// English, nor drops or invents a value.

type Catalog = { [key: string]: string | Catalog };

/** "shell.menu" → "Menu", for every message of a catalog. */
function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }> };
const KINDS = ['literal', 'argument', 'number', 'date', 'time', 'select', 'plural', 'pound', 'tag'];

/** A message's ICU arguments as "name:kind", sorted, found in every branch of its plurals and selects. */
function argumentsOf(message: string, language: string): string[] {
  const found = new Set<string>();
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      const kind = KINDS[node.type];
      if (node.value !== undefined && kind !== 'literal' && kind !== 'pound')
        found.add(`${node.value}:${kind}`);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, language, undefined, { ignoreTag: true }).getAst() as Node[]);
  return [...found].sort();
}

/** The markup a message carries (<strong>…</strong>), which the page fills with its own elements. */
const tagsOf = (message: string) => [...message.matchAll(/<\/?(\w+)>/g)].map((m) => m[0]).sort();

describe('the catalogs', () => {
  const [english, ...others] = LANGUAGES;
  for (const namespace of NAMESPACES) {
    const source = flatten(CATALOGS[english][namespace] as Catalog);
    for (const language of others) {
      const translated = flatten(CATALOGS[language][namespace] as Catalog);
      it(`${language} ${namespace} has the same messages as ${english}`, () => {
        expect([...translated.keys()].sort()).toEqual([...source.keys()].sort());
      });
      it(`${language} ${namespace} takes the same arguments and markup in every message`, () => {
        const differ = [...source].flatMap(([key, message]) => {
          const other = translated.get(key);
          if (other === undefined) return [];
          const same =
            JSON.stringify(argumentsOf(message, english)) === JSON.stringify(argumentsOf(other, language)) &&
            JSON.stringify(tagsOf(message)) === JSON.stringify(tagsOf(other));
          return same ? [] : [key];
        });
        expect(differ).toEqual([]);
      });
      it(`${language} ${namespace} translates into words, not blanks`, () => {
        expect([...translated].filter(([, message]) => message.trim() === '').map(([key]) => key)).toEqual(
          [],
        );
      });
    }
  }

  it('finds an argument that a translation lost, and a plural made plain', () => {
    expect(argumentsOf('{n, plural, one {# case} other {# cases}} for {name}', 'en-US')).toEqual([
      'n:plural',
      'name:argument',
    ]);
    expect(argumentsOf('{n} casos', 'es-US')).toEqual(['n:argument']);
  });
});
