import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEvents } from '../../../test/audit.ts';
import { json, type TestClient } from '../../../test/client.ts';
import { signedSpecialEducationAgreement } from '../../../test/compliance.ts';
import { pdfWords } from '../../../test/pdf-text.ts';

// Issue 19: the parent reads and signs the Agreement to Mediate and the written agreement in
// Spanish, the district's representative in English. Each signature records the language and the
// fingerprint of the exact text its signer read; each person's PDF is in their language.

let t: TestApp;
let w: Awaited<ReturnType<typeof signedSpecialEducationAgreement>>;
const SPANISH = { 'accept-language': 'es-US' };
const ENGLISH = { 'accept-language': 'en-US' };
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

beforeAll(async () => {
  t = await createTestApp();
  w = await signedSpecialEducationAgreement(t, { parentLanguage: 'es-US' });
});
afterAll(async () => t.close());

/** The text of a PDF this client downloads, its lines joined. */
async function pdf(client: TestClient, path: string): Promise<string> {
  const r = await client.get(w.url(path));
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers['content-type']).toMatch(/^application\/pdf/);
  return pdfWords(Buffer.from(r.rawPayload));
}

/** The signatures on one kind of the case's documents, as stored. */
const signaturesOn = (kind: string) =>
  t.db
    .selectFrom('signatures as s')
    .innerJoin('case_documents as d', 'd.id', 's.document_id')
    .select([
      's.signer_name',
      's.document_language',
      's.document_sha256',
      's.intent_statement',
      's.signer_capacity',
    ])
    .where('d.case_id', '=', w.caseId)
    .where('d.kind', '=', kind)
    .orderBy('s.signer_name')
    .execute();

describe('the Agreement to Mediate in Spanish', () => {
  it('is the text the server sends in the page’s language, with that text’s own fingerprint', async () => {
    const es = json<{ title: string; text: string; sha256: string; language: string }>(
      await w.parent.get(w.url('/agreement-to-mediate'), { headers: SPANISH }),
    );
    const en = json<{ text: string; sha256: string; language: string }>(
      await w.parent.get(w.url('/agreement-to-mediate'), { headers: ENGLISH }),
    );
    expect(es).toMatchObject({ title: 'Acuerdo para Mediar', language: 'es-US' });
    expect(en.language).toBe('en-US');
    expect(es.text).toContain('Lo que se dice en la mediación es privado.');
    expect(es.text).toContain('La mediación es gratuita. La paga el Estado de Missouri.');
    // Citations stay as they are.
    expect(es.text).toContain('20 U.S.C. 1415(e)(2)(G)');
    expect(es.text).not.toContain('Who this agreement is between');
    expect(es.sha256).toBe(sha256(es.text));
    expect(en.sha256).toBe(sha256(en.text));
    expect(es.sha256).not.toBe(en.sha256);
  });

  it('records for each signer the language and the fingerprint of the text they signed', async () => {
    const es = json<{ sha256: string }>(
      await w.parent.get(w.url('/agreement-to-mediate'), { headers: SPANISH }),
    );
    const en = json<{ sha256: string }>(
      await w.parent.get(w.url('/agreement-to-mediate'), { headers: ENGLISH }),
    );
    expect(await signaturesOn('agreement_to_mediate')).toEqual([
      expect.objectContaining({
        signer_name: 'Dana Director',
        document_language: 'en-US',
        document_sha256: en.sha256,
        intent_statement: 'I have read this document and I sign it. My typed name is my signature.',
      }),
      expect.objectContaining({
        signer_name: 'Rosa Lopez',
        document_language: 'es-US',
        document_sha256: es.sha256,
        intent_statement: 'He leído este documento y lo firmo. Mi nombre escrito es mi firma.',
        signer_capacity: 'Parte',
      }),
    ]);
    const view = json<{ signers: { name: string; language: string | null }[] }>(
      await w.mediator.get(w.url('/agreement-to-mediate')),
    );
    expect(view.signers).toEqual([
      expect.objectContaining({ name: 'Rosa Lopez', language: 'es-US' }),
      expect.objectContaining({ name: 'Dana Director', language: 'en-US' }),
    ]);
  });

  it('the parent’s signed copy is in Spanish; the district’s in English, or in Spanish when asked', async () => {
    const parent = await pdf(w.parent, '/agreement-to-mediate.pdf');
    expect(parent).toContain('Acuerdo para Mediar');
    expect(parent).toContain('Entre quiénes es este acuerdo');
    expect(parent).toContain('Firmas');
    expect(parent).toMatch(/Firmado electrónicamente el lunes, 2 de marzo de 2026/);
    expect(parent).toMatch(/Firmó el texto en español, SHA-256: [0-9a-f]{64}/);
    expect(parent).toMatch(/Firmó el texto en inglés, SHA-256: [0-9a-f]{64}/);
    expect(parent).toMatch(/Página 1 de \d/);
    expect(parent).not.toContain('Who this agreement is between');

    const district = await pdf(w.district, '/agreement-to-mediate.pdf');
    expect(district).toContain('Who this agreement is between');
    expect(district).toContain('Signed the Spanish text');
    expect(await pdf(w.district, '/agreement-to-mediate.pdf?language=es-US')).toContain(
      'Entre quiénes es este acuerdo',
    );
  });
});

describe('the written agreement in Spanish', () => {
  it('reads in Spanish, pack clauses and all, with the citations as they are', async () => {
    const a = json<{
      title: string;
      language: string;
      text: string;
      sha256: string;
      advice: string[];
      bindingStatement: string;
      signers: { name: string; capacity: string }[];
      document: { sections: { heading: string; numbered: boolean; paragraphs: string[] }[] };
    }>(await w.parent.get(w.url('/agreement'), { headers: SPANISH }));
    expect(a.title).toBe('Acuerdo de Mediación');
    expect(a.language).toBe('es-US');
    expect(a.sha256).toBe(sha256(a.text));
    expect(a.text).toContain('34 CFR 300.506(b)(7)');
    expect(a.text).toContain('Confidencialidad');
    expect(a.text).toContain('a más tardar el 16 de marzo de 2026');
    expect(a.text).toContain('dentro de 30 días después de que todos firmen');
    expect(a.bindingStatement).toMatch(/^Entiendo que este acuerdo es legalmente obligatorio/);
    expect(a.advice[0]).toContain('(34 CFR 300.506(b)(7))');
    expect(a.signers.map((s) => s.capacity)).toEqual([
      'Padre, madre o tutor',
      'Representante del distrito por Riverside R-IV School District, con autoridad para comprometer al distrito',
    ]);
    const terms = a.document.sections.find((s) => s.heading === 'Términos')!;
    expect(terms.numbered).toBe(true);
    expect(a.document.sections.find((s) => s.heading === 'Calendario')!.numbered).toBe(true);
  });

  it('each signature says which text was signed: the parent’s Spanish, the district’s English', async () => {
    const es = json<{ sha256: string }>(await w.parent.get(w.url('/agreement'), { headers: SPANISH }));
    const en = json<{ sha256: string }>(await w.parent.get(w.url('/agreement'), { headers: ENGLISH }));
    expect(await signaturesOn('settlement_agreement')).toEqual([
      expect.objectContaining({
        signer_name: 'Dana Director',
        document_language: 'en-US',
        document_sha256: en.sha256,
      }),
      expect.objectContaining({
        signer_name: 'Rosa Lopez',
        document_language: 'es-US',
        document_sha256: es.sha256,
        signer_capacity: 'Padre, madre o tutor',
      }),
    ]);
    const audit = await auditEvents(t.db, 'document.signed', { caseId: w.caseId });
    expect(audit.map((e) => e.data).join(' ')).toContain(es.sha256);
  });

  it('the parent downloads it in Spanish (pdftotext reads Spanish); the district in English', async () => {
    const parent = await pdf(w.parent, '/agreement.pdf');
    expect(parent).toContain('Acuerdo de Mediación');
    expect(parent).toContain('Términos');
    expect(parent).toContain('Confidencialidad');
    expect(parent).toContain('Quién firma');
    expect(parent).toContain('Declaro que tengo autoridad para comprometer al distrito escolar');
    expect(parent).toContain('Versiones: versión 1 escrita el lunes, 2 de marzo de 2026');
    expect(parent).toMatch(/Firmó el texto en español, SHA-256: [0-9a-f]{64}/);
    expect(parent).toMatch(
      /SHA-256 del texto firmado: [0-9a-f]{64} \(el texto en inglés\) y [0-9a-f]{64} \(el texto en español\)/,
    );
    expect(parent).toContain('34 CFR 300.506(b)(6)(i)');
    expect(parent).not.toContain('Who signs');

    const district = await pdf(w.district, '/agreement.pdf');
    expect(district).toContain('Mediation Agreement');
    expect(district).toContain('Who signs');
    expect(district).toContain('Signed the Spanish text');
  });
});
