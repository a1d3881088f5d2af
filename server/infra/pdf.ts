import PDFDocument from 'pdfkit';
import { DEFAULT_LANGUAGE, type Language } from '../../domain/languages.ts';
import { translator } from '../../i18n/i18n.ts';

/**
 * Parley's PDF adapter: plain, readable documents from blocks. Used for the request letter, the
 * Agreement to Mediate, and later the settlement agreement and court reports. Text stays text, so
 * `pdftotext` reads back exactly what was written.
 */
export type PdfBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'spacer' }
  | {
      kind: 'signature';
      name: string;
      capacity: string;
      /** Lines under the name: when and how it was signed, or a blank line to sign on paper. */
      details: string[];
    };

export type PdfInput = {
  title: string;
  subtitle?: string;
  blocks: PdfBlock[];
  /** Left of the page number on every page, e.g. the case reference. */
  footer: string;
  /** Document metadata. */
  author?: string;
  /** Fixes the metadata dates so the same input yields the same bytes. */
  createdAt?: Date;
  /** The document's language: its metadata, and the page numbers' words ("Page 1 of 2"). */
  language?: Language;
};

export async function renderPdf(input: PdfInput): Promise<Buffer> {
  const language = input.language ?? DEFAULT_LANGUAGE;
  const t = translator(language, 'documents');
  const doc = new PDFDocument({
    lang: language,
    size: 'LETTER',
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    bufferPages: true,
    info: {
      Title: input.title,
      Author: input.author ?? 'Parley',
      ...(input.createdAt ? { CreationDate: input.createdAt, ModDate: input.createdAt } : {}),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).text(input.title);
  if (input.subtitle) doc.font('Helvetica').fontSize(11).fillColor('#333333').text(input.subtitle);
  doc.fillColor('#000000').moveDown();
  for (const block of input.blocks) {
    switch (block.kind) {
      case 'heading':
        doc.moveDown(0.5).font('Helvetica-Bold').fontSize(13).text(block.text).moveDown(0.25);
        break;
      case 'paragraph':
        doc.font('Helvetica').fontSize(11).text(block.text, { lineGap: 2 }).moveDown(0.5);
        break;
      case 'list':
        doc.font('Helvetica').fontSize(11).list(block.items, { bulletRadius: 2, lineGap: 2 }).moveDown(0.5);
        break;
      case 'spacer':
        doc.moveDown();
        break;
      case 'signature': {
        if (doc.y > doc.page.height - 180) doc.addPage();
        doc.moveDown();
        const x = doc.page.margins.left;
        doc
          .moveTo(x, doc.y + 14)
          .lineTo(x + 260, doc.y + 14)
          .stroke();
        doc.moveDown(1.2).font('Helvetica-Bold').fontSize(11).text(block.name);
        doc.font('Helvetica').fontSize(10).text(block.capacity);
        for (const line of block.details) doc.fontSize(9).fillColor('#333333').text(line);
        doc.fillColor('#000000').moveDown();
        break;
      }
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#555555')
      .text(
        t('pdf.page', { footer: input.footer, page: i + 1, pages: range.count }),
        doc.page.margins.left,
        doc.page.height - 50,
        {
          width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
          align: 'center',
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
