import { describe, expect, it } from 'vitest';
import { pdfWords } from '../../../test/pdf-text.ts';
import { receiptPdf } from './payments.ts';

// Issue 19: a receipt reads in its payer's language, money and dates as that language writes them.
const payment = {
  userId: 'u1',
  payerName: 'María Núñez',
  purpose: 'dues' as const,
  membershipId: null,
  registrationId: null,
  description: 'Full membership dues, 2026–2027',
  method: 'cheque' as const,
  amountCents: 125_000,
  reference: '1042',
  receivedOn: '2026-03-16',
  recordedBy: null,
  receiptNumber: 'AMM-2026-ABCD1234',
  issuedAt: new Date('2026-03-16T15:00:00Z'),
};

describe('a receipt', () => {
  it('in Spanish: its words, the amount and the date received', async () => {
    const text = pdfWords(await receiptPdf(payment, 'es-US'));
    expect(text).toContain('Recibo');
    expect(text).toContain('Número de recibo: AMM-2026-ABCD1234');
    expect(text).toContain('Recibido de: María Núñez');
    expect(text).toContain('Monto: $1,250.00');
    expect(text).toContain('Forma de pago: Cheque (1042)');
    expect(text).toContain('Fecha de recibido: 16 de marzo de 2026');
    expect(text).toContain('Gracias. Guarde este recibo para sus registros.');
  });
  it('in English as before, the date written out', async () => {
    const text = pdfWords(await receiptPdf(payment));
    expect(text).toContain('Amount: $1,250.00');
    expect(text).toContain('Paid by: Check (1042)');
    expect(text).toContain('Date received: March 16, 2026');
  });
});
