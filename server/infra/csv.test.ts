import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, and leaves an empty cell for null', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['Smith, Jo', 'say "hi"'],
          [null, 3],
        ],
      ),
    ).toBe('a,b\r\n"Smith, Jo","say ""hi"""\r\n,3\r\n');
  });
  it('never lets a cell start a spreadsheet formula', () => {
    expect(toCsv(['name'], [['=HYPERLINK("x")'], ['-2'], ['@SUM']])).toBe(
      'name\r\n"\'=HYPERLINK(""x"")"\r\n\'-2\r\n\'@SUM\r\n',
    );
  });
});
