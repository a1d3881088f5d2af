import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { englishOf, type PlainKey } from '../../contracts/messages.ts';
import { CATALOGS } from '../../i18n/i18n.ts';
import { describeFieldsIn, messageIn } from './field-errors.ts';

// The errors catalog finds a message by its English words: these tests fail when the English in
// the code and the catalog drift apart, so that a Spanish reader is never left with English
// unknowingly.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sources = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.test.ts')
      ? [readFileSync(path.join(root, file), 'utf8')]
      : [];
  });
// The domain's checks write field messages too (the Rule 88.06(a) disclosure's).
const code = [...sources('server'), ...sources('contracts'), ...sources('domain')].join('\n');
const errors = CATALOGS['en-US'].errors;

describe('the errors catalog', () => {
  it('holds only messages the code still writes, word for word', () => {
    const missing = Object.entries(errors.text).filter(([, english]) => {
      // A part the code fills in ({max}) is any expression or words there.
      const source = english
        .split(/\{\w+\}/)
        .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('(?:\\$\\{[^}]+\\}|[^\'"`]+?)');
      // "Enter the student’s name" is written `text(120, 'the student’s name')` (contracts/case-fields.ts).
      const named = /^Enter (.+)$/.exec(english)?.[1];
      return !new RegExp(source).test(code) && !(named && code.includes(`'${named}'`));
    });
    expect(missing.map(([key]) => key)).toEqual([]);
  });

  it('writes the plain messages in English as the contracts do', () => {
    const args = { max: 3, min: 4, divisor: 5, fields: 'extra' };
    const flat = (tree: object, prefix = ''): [string, string][] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flat(v, `${prefix}${k}.`),
      );
    for (const [key, message] of flat(errors.plain)) {
      const written = new IntlMessageFormat(message, 'en-US').format(args);
      expect(written, key).toBe(englishOf({ key: key as PlainKey, args }));
    }
  });

  it('finds a message with figures by its words, and leaves one it does not have as it is', () => {
    expect(messageIn('es-US', 'Keep it under 500 characters')).toBe('Use menos de 500 caracteres.');
    expect(messageIn('es-US', 'A message nobody wrote down')).toBe('A message nobody wrote down');
    expect(messageIn('en-US', 'Keep it under 500 characters')).toBe('Keep it under 500 characters');
  });

  it('names a field by its Spanish name, or asks to check it without a name', () => {
    expect(
      describeFieldsIn('es-US', {
        'respondent.email': 'Escriba una dirección.',
        'body.somethingUnnamed': 'Elija sí o no.',
      }),
    ).toBe(
      'Revise el correo electrónico de la otra parte. Escriba una dirección. Revise este dato. Elija sí o no.',
    );
  });
});
