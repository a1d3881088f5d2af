import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'rolldown/experimental';
import { describe, expect, it } from 'vitest';
import { CONVERTED_FILES } from './converted.ts';

// A converted page or e-mail file says nothing in its own code: every word a person reads comes
// from the catalogs, so it reads the same in each language. Read with the parser Vite builds the
// app with; what counts as words:
// - text between JSX tags;
// - a JSX attribute's text, except the attributes that are code (class names, links, ids, types);
// - any other string or template text that reads as a sentence or a label: a capital letter
//   followed by a word and a space, or several words ending in . ? ! or :.

const CODE_ATTRIBUTES = new Set([
  'className',
  'to',
  'href',
  'id',
  'key',
  'type',
  'name',
  'role',
  'autoComplete',
  'rel',
  'target',
  'method',
  'htmlFor',
  'inputMode',
  'kind',
  'tone',
  'lang',
  'viewBox',
  'd',
  'fill',
  'focusable',
  'width',
  'height',
  'i18nKey',
  'variant',
  'autoCapitalize',
  'ns',
  'pattern',
  'accept',
  'enterKeyHint',
  'spellCheck',
  'dir',
  'scope',
  'value',
]);
const isCodeAttribute = (name: string) =>
  CODE_ATTRIBUTES.has(name) ||
  /^(aria-(controls|describedby|labelledby|hidden|live|current|expanded|haspopup)|data-)/.test(name);

const LETTER = /\p{L}/u;
const READS_AS_WORDS = /(^|\s)\p{Lu}\p{Ll}+\s+\S|\p{L}+\s+\p{L}+.*[.?!:]$/u;

type AstNode = { type?: string; start?: number; [key: string]: unknown };

/**
 * What one node says to a person: its words, or `null` to look inside it, or `false` when it and
 * everything in it is code (an import, a type, a code attribute).
 */
function wordsOf(n: AstNode): string | null | false {
  switch (n.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'TSLiteralType':
      return false;
    case 'ExportNamedDeclaration':
      return n.source ? false : null;
    case 'JSXText':
      return LETTER.test(String(n.value)) ? String(n.value) : false;
    case 'JSXAttribute': {
      if (isCodeAttribute(String((n.name as AstNode).name ?? ''))) return false;
      const value = n.value as AstNode | null;
      return value?.type === 'Literal' && LETTER.test(String(value.value)) ? String(value.value) : null;
    }
    case 'Literal':
      return typeof n.value === 'string' && READS_AS_WORDS.test(n.value) ? n.value : false;
    case 'TemplateElement': {
      const cooked = String((n.value as { cooked?: string }).cooked ?? '');
      return READS_AS_WORDS.test(cooked) ? cooked : false;
    }
    default:
      return null;
  }
}

/** A named part of a program: a top-level function or constant, or a property of an exported object. */
function partNamed(node: unknown, name: string): AstNode | null {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = partNamed(item, name);
      if (found) return found;
    }
    return null;
  }
  if (!node || typeof node !== 'object') return null;
  const n = node as AstNode;
  const named = (n.key ?? n.id) as AstNode | undefined;
  if (
    (n.type === 'Property' || n.type === 'VariableDeclarator' || n.type === 'FunctionDeclaration') &&
    named?.name === name
  )
    return n;
  for (const [key, value] of Object.entries(n)) {
    if (key === 'type') continue;
    const found = partNamed(value, name);
    if (found) return found;
  }
  return null;
}

/**
 * Each piece of text a person would read in a file, or in one named part of it
 * ("cases.emails.ts#requestReceived"), with its line.
 */
function literalText(entry: string, source: string): { line: number; text: string }[] {
  const [file = entry, part] = entry.split('#');
  const { program, errors } = parseSync(file, source, { lang: file.endsWith('x') ? 'tsx' : 'ts' });
  if (errors.length) throw new Error(`${file} does not parse: ${errors[0]?.message}`);
  const scope = part ? partNamed(program, part) : program;
  if (!scope) throw new Error(`${file} has no part named ${part}`);
  const found: { line: number; text: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as AstNode;
    const words = wordsOf(n);
    if (typeof words === 'string')
      found.push({ line: source.slice(0, n.start ?? 0).split('\n').length, text: words.trim() });
    if (words !== null) return;
    for (const [key, value] of Object.entries(n)) if (key !== 'type') walk(value);
  };
  walk(scope);
  return found;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('converted pages and e-mails', () => {
  it.each(CONVERTED_FILES)('%s carries no words outside the catalogs', (entry) => {
    const file = entry.split('#')[0]!;
    const text = literalText(entry, readFileSync(path.join(root, file), 'utf8'));
    expect(text.map((t) => `${file}:${t.line} ${JSON.stringify(t.text)}`)).toEqual([]);
  });

  it('finds words in a page, and leaves code alone', () => {
    const page = `
      import { x } from './Some thing.ts';
      const notice = { notice: 'You are signed out.' };
      export const P = () => (
        <div className="button button-small" aria-controls="a b">
          <p title="A title">Hello there</p>
          <p>{t('shell.menu')} {name}</p>
          <input placeholder={'Your name'} />
          <Field label={\`Use at least \${n} characters\`} />
        </div>
      );`;
    expect(literalText('page.tsx', page).map((t) => t.text)).toEqual([
      'You are signed out.',
      'A title',
      'Hello there',
      'Your name',
      'Use at least',
    ]);
  });

  it('reads one named part of a file on its own', () => {
    const emails = `
      export const EMAILS = {
        done: (t) => ({ subject: t('done.subject') }),
        left: () => ({ subject: 'Still in English' }),
      };`;
    expect(literalText('a.emails.ts#done', emails)).toEqual([]);
    expect(literalText('a.emails.ts#left', emails).map((t) => t.text)).toEqual(['Still in English']);
    expect(() => literalText('a.emails.ts#gone', emails)).toThrow(/no part named gone/);
  });
});
