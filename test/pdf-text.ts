import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The text of a PDF as pdftotext reads it, to check what a document says: laid out as on the
 * page, or with `layout: false` in the order the document wrote it.
 */
export function pdfText(bytes: Buffer, { layout = true } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-']).toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The words of a PDF with every run of white space made one space, to find a sentence wherever its lines break. */
export const pdfWords = (bytes: Buffer, options?: { layout?: boolean }): string =>
  pdfText(bytes, options).replace(/\s+/g, ' ');
