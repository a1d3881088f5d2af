import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { PARENT_ADDRESS, PARENT_PHONE } from '../../../test/cases.ts';
import type { TestClient } from '../../../test/client.ts';
import { signedSpecialEducationAgreement } from '../../../test/compliance.ts';
import { pdfText, pdfWords } from '../../../test/pdf-text.ts';

// Canary: the parent (the party a screening may find at risk) signs every document from a
// distinctive address and browser, and keeps an address and phone on the case. The district's
// representative, the other side, must find none of it in any answer about the case, any PDF
// (the Agreement to Mediate, the settlement agreement, the enforcement packet) or any e-mail.
// The mediator and the program keep the full evidence of each signature.

const CANARY_IP = '198.51.100.47';
const CANARY_DEVICE = 'SafeHarbor/7.3 (CanaryPhone; Hidden Hollow)';
const CANARIES = [CANARY_IP, CANARY_DEVICE, 'CanaryPhone', PARENT_ADDRESS, PARENT_PHONE];

let t: TestApp;
let w: Awaited<ReturnType<typeof signedSpecialEducationAgreement>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await signedSpecialEducationAgreement(t, { parentFrom: { ip: CANARY_IP, userAgent: CANARY_DEVICE } });
  const contact = await w.parent.put(w.url('/my-contact'), { address: PARENT_ADDRESS, phone: PARENT_PHONE });
  expect(contact.statusCode, contact.body).toBe(200);
  // A promise is missed, so the enforcement packet can be made; everyone signs in again.
  t.clock.set(new Date('2026-04-10T15:00:00Z'));
  await w.parent.signIn(w.parentUser.email, w.parentUser.password);
  await w.district.signIn(w.districtEmail, 'district rep password');
  await w.mediator.signIn(w.mediatorUser.email, w.mediatorUser.password);
  await w.coordinator.signIn(w.coordinatorUser.email, w.coordinatorUser.password);
});
afterAll(async () => t.close());

/** What a client reads from a response: the text of a PDF (lines joined) as well as its bytes. */
const readable = (r: { headers: Record<string, unknown>; rawPayload: Buffer; body: string }) =>
  String(r.headers['content-type']).startsWith('application/pdf')
    ? `${r.body}\n${pdfWords(Buffer.from(r.rawPayload))}`
    : r.body;

/** Every GET answer about the case that this client is allowed (2xx), by path. */
async function everythingAbout(client: TestClient): Promise<Map<string, string>> {
  const paths = t.routes
    .filter((r) => r.method === 'GET' && /^\/api\/v1\/cases\/:caseId(\/[^:]*)?$/.test(r.url))
    .map((r) => r.url.replace(':caseId', w.caseId));
  expect(paths).toEqual(
    expect.arrayContaining([
      `/api/v1/cases/${w.caseId}/agreement-to-mediate`,
      `/api/v1/cases/${w.caseId}/agreement-to-mediate.pdf`,
      `/api/v1/cases/${w.caseId}/agreement`,
      `/api/v1/cases/${w.caseId}/agreement.pdf`,
    ]),
  );
  const seen = new Map<string, string>();
  for (const path of paths) {
    const r = await client.get(path);
    if (r.statusCode < 300) seen.set(path, readable(r));
  }
  return seen;
}

const PDFS = ['/agreement-to-mediate.pdf', '/agreement.pdf', '/enforcement-packet.pdf'];

describe('the protected party’s address and device stay out of the other side’s copies', () => {
  it('the other party sees names, times and the fingerprint, and nothing of where or on what the parent signed', async () => {
    const seen = await everythingAbout(w.district);
    for (const doc of PDFS) expect(seen.has(`/api/v1/cases/${w.caseId}${doc}`), doc).toBe(true);
    for (const [path, text] of seen) {
      // The case page may show the other side's e-mail (unless a safeguard hides it); a document never does.
      const isDocument = /\/agreement|\.pdf$/.test(path);
      for (const canary of isDocument ? [...CANARIES, w.parentUser.email] : CANARIES)
        expect(text.includes(canary), `${canary} in ${path}`).toBe(false);
    }
    // What a party's copy does show of the parent's signature: name, time and the document's hash.
    const atm = seen.get(`/api/v1/cases/${w.caseId}/agreement-to-mediate.pdf`)!;
    expect(atm).toContain('/s/ Rosa Lopez');
    expect(atm).toMatch(/Signed electronically/);
    expect(atm).toMatch(/Document SHA-256: [0-9a-f]{20}/);
    const agreement = seen.get(`/api/v1/cases/${w.caseId}/agreement.pdf`)!;
    expect(agreement).toMatch(
      /Signer: Rosa Lopez, Parent\. Signed [^.]+\. Consent to sign electronically: yes\. Document SHA-256: [0-9a-f]{64}/,
    );
  });

  it('no e-mail the other side can get carries them, attachments included', async () => {
    const mail = await t.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', w.districtEmail.toLowerCase())
      .execute();
    expect(mail.length).toBeGreaterThan(3);
    for (const m of mail) {
      const attachments = JSON.parse(m.attachments) as { content: string; encoding?: string }[];
      const texts = [
        m.subject,
        m.text_body,
        m.html_body ?? '',
        ...attachments.map((a) => {
          const bytes = Buffer.from(a.content, a.encoding === 'base64' ? 'base64' : 'utf8');
          return bytes.subarray(0, 5).toString() === '%PDF-' ? pdfText(bytes) : bytes.toString();
        }),
      ];
      for (const canary of CANARIES)
        expect(texts.join('\n').includes(canary), `${canary} in ${m.template}`).toBe(false);
    }
  });

  it('the parent’s own copy shows their own signature in full, but not the district’s device', async () => {
    const own = readable(await w.parent.get(w.url('/agreement-to-mediate.pdf')));
    expect(own).toContain(CANARY_IP);
    expect(own).not.toContain('10.1.1.2');
  });

  it('the mediator and the program keep the full evidence of every signature', async () => {
    for (const client of [w.mediator, w.coordinator])
      for (const doc of PDFS) {
        const r = await client.get(w.url(doc));
        expect(r.statusCode, `${doc}: ${r.body.slice(0, 200)}`).toBe(200);
        const text = readable(r);
        expect(text, doc).toContain(CANARY_IP);
        expect(text, doc).toContain('10.1.1.2');
        expect(text, doc).toContain('SafeHarbor/7.3');
      }
    const json = (await w.mediator.get(w.url('/agreement-to-mediate'))).body;
    expect(json).toContain(CANARY_IP);
    expect(json).toContain(CANARY_DEVICE);
  });
});
