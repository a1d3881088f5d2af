import { describe, expect, it } from 'vitest';
import { requestLetterBlocks, requestLetterTitle } from '../domain/request-letter.ts';
import { translator } from './i18n.ts';

const input = {
  parent: { name: 'Rosa Martínez', phone: '555-0100' },
  student: { name: 'Maya', grade: '3' },
  district: 'Riverside R-VI',
  categories: ['Evaluation'],
  description: 'La escuela dejó la terapia del habla.',
};
const text = (language: 'en-US' | 'es-US') => {
  const t = translator(language, 'request');
  return [
    requestLetterTitle(t),
    ...requestLetterBlocks(input, t).flatMap((b) =>
      b.kind === 'list' ? b.items : b.kind === 'signature' ? [b.name, b.capacity, ...b.details] : [b.text],
    ),
  ].join('\n');
};

describe('the request letter', () => {
  it('is written in the language asked for, with what the parent typed as typed', () => {
    const spanish = text('es-US');
    expect(spanish).toContain('Solicitud de mediación de educación especial patrocinada por el estado');
    expect(spanish).toContain('De: Rosa Martínez, 555-0100');
    expect(spanish).toContain('Grado: 3');
    expect(spanish).toContain('La escuela dejó la terapia del habla.');
    expect(spanish).not.toMatch(/\bI request\b|Signature and date/);
    expect(text('en-US')).toContain('I am requesting state-sponsored mediation');
  });

  it('keeps its citations as they are in every language', () => {
    const citations = (letter: string) => letter.match(/34 CFR \d+\.\d+|RSMo \d+\.\d+/g)?.sort();
    expect(citations(text('es-US'))).toEqual(citations(text('en-US')));
  });
});
