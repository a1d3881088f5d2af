import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEvents } from '../../../test/audit.ts';
import { signedIn } from '../../../test/client.ts';
import { compliance, SECRETS, signedSpecialEducationAgreement } from '../../../test/compliance.ts';
import { pdfWords } from '../../../test/pdf-text.ts';
import { attached, PDF_BYTES } from '../../../test/uploads.ts';
import { JOBS } from '../../jobs/jobs.ts';
import { createJobRunner } from '../../jobs/runner.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof signedSpecialEducationAgreement>>;
const packet = '/enforcement-packet.pdf';

beforeAll(async () => {
  t = await createTestApp();
  w = await signedSpecialEducationAgreement(t);
});
afterAll(async () => t.close());

describe('the enforcement packet', () => {
  it('is refused while every promise is kept or still has time', async () => {
    const r = await w.parent.get(w.url(packet));
    expect(r.statusCode).toBe(422);
    expect(r.json()).toEqual({ error: expect.objectContaining({ code: 'RULE_VIOLATION' }) });
  });

  it('holds the agreement, its certificate, the missed promise, dates, evidence and reminders — and nothing said in mediation', async () => {
    const speech = (await compliance(w.parent, w.caseId)).milestones[0]!;
    expect(
      (
        await w.district.post(w.url(`/milestones/${speech.id}/done`), {
          doneOn: '2026-03-02',
          note: 'First session held.',
          files: [attached('service-log.pdf', PDF_BYTES)],
        })
      ).statusCode,
    ).toBe(200);
    t.clock.set('2026-04-02T15:00:00Z');
    const runner = createJobRunner(t.deps, JOBS, 'packet-test');
    for (let i = 0; i < 3; i += 1) await runner.runDueJobs();
    w.parent = await signedIn(t.app, w.parentUser);
    w.district = await signedIn(t.app, { email: w.districtEmail, password: 'district rep password' });
    w.coordinator = await signedIn(t.app, w.coordinatorUser);
    w.mediator = await signedIn(t.app, w.mediatorUser);
    const r = await w.parent.get(w.url(packet));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const text = pdfWords(r.rawPayload);
    for (const expected of [
      'Enforcement packet',
      'Rule 88.08',
      // The agreement and its audit certificate
      'Maya receives speech therapy twice a week',
      'may not be used as evidence in any later due process hearing',
      '/s/ Dana Director',
      'Versions: version 1',
      // The missed promise, its dates and the log
      'Promises not kept',
      'Milestone 2: The evaluation is completed. Responsible: Riverside R-IV School District. Due April 1, 2026',
      'within 30 days after everyone signed on March 2, 2026',
      'Missed: not done by the date',
      'Marked done by Dana Director, done on March 2, 2026',
      // Evidence and reminders
      'E1. service-log.pdf',
      'Overdue notice for milestone 2 (due April 1, 2026), e-mailed to',
      'Rosa Lopez (requesting party)',
      'compliance.milestone_missed',
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    for (const secret of SECRETS) expect(text).not.toContain(secret.slice(0, 30));
  });

  it('reaches each reader in their own language, or the one they ask for; citations stay as they are', async () => {
    expect((await w.parent.patch('/api/v1/account', { language: 'es-US' })).statusCode).toBe(200);
    const read = async (client: typeof w.parent, query = '') => {
      const r = await client.get(w.url(packet) + query);
      expect(r.statusCode, r.body).toBe(200);
      return pdfWords(r.rawPayload);
    };
    const spanish = await read(w.parent);
    for (const expected of [
      'Paquete para hacer cumplir el acuerdo',
      'Qué contiene este paquete',
      'Compromisos no cumplidos',
      'Compromiso 2: The evaluation is completed. Responsable: Riverside R-IV School District. Vence el 1 de abril de 2026',
      'dentro de 30 días después de que todos firmaron el 2 de marzo de 2026',
      'No cumplido: no se hizo para la fecha',
      'Parte 4. Recordatorios enviados',
      'Aviso de vencimiento del compromiso 2',
      'Rosa Lopez (parte que pidió la mediación)',
      '/s/ Rosa Lopez Padre, madre o tutor',
      'Missouri Supreme Court Rule 88.08',
      'compliance.milestone_missed',
    ]) {
      expect(spanish, expected).toContain(expected);
    }
    for (const english of ['What this packet holds', 'Promises not kept', 'Overdue notice', 'Milestone 2'])
      expect(spanish, english).not.toContain(english);
    const english = await read(w.district);
    expect(english).toContain('Promises not kept');
    expect(english).not.toContain('Compromisos no cumplidos');
    expect(await read(w.parent, '?language=en-US')).toContain('Part 2. Milestone log');
    expect(await read(w.district, '?language=es-US')).toContain('Parte 2. Registro de compromisos');
    expect((await w.parent.patch('/api/v1/account', { language: 'en-US' })).statusCode).toBe(200);
  });

  it('goes to the signers, the mediator and the program; its reading is audited', async () => {
    expect((await w.district.get(w.url(packet))).statusCode).toBe(200);
    expect((await w.mediator.get(w.url(packet))).statusCode).toBe(200);
    expect((await w.coordinator.get(w.url(packet))).statusCode).toBe(200);
    const reads = await auditEvents(t.db, 'case.document_read', { caseId: w.caseId });
    expect(reads.filter((r) => r.data.includes('enforcement_packet'))).toHaveLength(8);
  });

  it('no compliance record, e-mail or log line holds a seeded secret', async () => {
    const rows = [
      ...(await t.db.selectFrom('compliance_events').selectAll().execute()),
      ...(await t.db.selectFrom('compliance_milestones').selectAll().execute()),
      ...(await t.db.selectFrom('compliance_reminders').selectAll().execute()),
      ...(await t.db
        .selectFrom('outbox_emails')
        .select(['subject', 'text_body'])
        .where('template', 'like', 'case-compliance%')
        .execute()),
    ];
    const all = JSON.stringify(rows) + t.logs.join('');
    for (const secret of SECRETS) expect(all).not.toContain(secret);
  });
});
