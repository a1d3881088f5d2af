import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { auditEvents } from '../../../test/audit.ts';
import { json, signedIn } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { readySpecialEducationCase } from '../../../test/mediation.ts';
import { storedText } from '../../../test/stored-text.ts';
import { purgeCaseScreenings } from './screening.service.ts';

let t: TestApp;
let scene: Awaited<ReturnType<typeof readySpecialEducationCase>>;
beforeAll(async () => {
  t = await createTestApp();
  scene = await readySpecialEducationCase(t);
});
afterAll(async () => t.close());

const SAID = 'The father said he would hurt the other parent after the session';
type Listed = {
  exceptions: {
    id: string;
    kind: string;
    kindLabel: string;
    cite: string;
    reportedOn: string | null;
    reportedTo: string;
    reference: string | null;
    summary: string | null;
    recordedBy: string;
    review: { reviewedBy: string; note: string } | null;
    can: { review: boolean };
  }[];
  kinds: { id: string; cite: string }[];
  can: { record: boolean };
};
type ProgramList = {
  waiting: number;
  exceptions: { id: string; caseReference: string; kindLabel: string; reviewedAt: string | null }[];
};

describe('confidentiality exceptions: the mediator records, the program reviews', () => {
  it('records one with its day, whom and what, tells the coordinators without words, and lets them review it once', async () => {
    const { caseId, mediator, coordinator, coordinatorUser, mediatorUser, parent, programId } = scene;
    const url = `/api/v1/cases/${caseId}/confidentiality-exceptions`;

    // The form's choices come from the case's rules, with where each exception comes from.
    const before = json<Listed>(await mediator.get(url));
    expect(before.can).toEqual({ record: true });
    expect(before.kinds.map((k) => k.id)).toEqual(['suspected_child_abuse', 'threat_of_serious_harm']);
    expect(before.kinds[0]!.cite).toMatch(/RSMo 210\.115/);

    // Bad input names each field; a day after today is refused.
    const empty = await mediator.post(url, {});
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(json<{ error: { fields: object } }>(empty).error.fields).sort()).toEqual(
      ['kind', 'reportedOn', 'reportedTo', 'summary'].map((f) => expect.stringMatching(f)),
    );
    const future = await mediator.post(url, {
      kind: 'threat_of_serious_harm',
      reportedOn: '2026-03-09',
      reportedTo: 'Boone County Sheriff',
      summary: SAID,
    });
    expect(future.statusCode).toBe(400);
    expect(json(future)).toMatchObject({
      error: { fields: { reportedOn: expect.stringMatching(/after today/) } },
    });
    // Only the mediator records; the parties and the program do not.
    for (const client of [parent, coordinator])
      expect(
        (
          await client.post(url, {
            kind: 'threat_of_serious_harm',
            reportedOn: '2026-03-01',
            reportedTo: 'Police',
            summary: 'x',
          })
        ).statusCode,
      ).toBe(403);

    const recorded = await mediator.post(url, {
      kind: 'threat_of_serious_harm',
      reportedOn: '2026-03-02',
      reportedTo: 'Boone County Sheriff’s Office',
      reference: 'Report 26-1187',
      summary: SAID,
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const { id } = json<{ id: string }>(recorded);

    // The coordinators are told that one waits, with a link, and nothing of what was reported.
    const mail = await lastEmailTo(t.db, coordinatorUser.email, 'case-confidentiality-exception');
    expect(mail.text_body).toContain(`/cases/${caseId}`);
    for (const word of ['threat', 'Sheriff', 'hurt', '26-1187']) expect(mail.text_body).not.toContain(word);
    // What was reported is sealed: not in the database as text, nor in the audit data.
    expect(await storedText(t)).not.toContain(SAID);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['kind', 'data'])
      .where('subject_id', '=', id)
      .execute();
    expect(audit.map((a) => a.kind)).toEqual(['case.confidentiality_exception']);
    expect(JSON.stringify(audit)).not.toContain('hurt');

    // The parties never read the record.
    expect((await parent.get(url)).statusCode).toBe(403);
    expect((await scene.district.get(url)).statusCode).toBe(403);

    // The program's list across its cases: which case, what kind, waiting; no words.
    const waiting = json<ProgramList>(
      await coordinator.get(`/api/v1/programs/${programId}/confidentiality-exceptions`),
    );
    expect(waiting.waiting).toBe(1);
    expect(waiting.exceptions).toEqual([
      expect.objectContaining({ id, kindLabel: 'Threat of serious harm', reviewedAt: null }),
    ]);
    expect(JSON.stringify(waiting)).not.toContain('Sheriff');
    expect(
      (await coordinator.get(`/api/v1/programs/${programId}/confidentiality-exceptions?status=later`))
        .statusCode,
    ).toBe(400);

    // The coordinator reads it in full (an audited read) and may review it.
    const seen = json<Listed>(await coordinator.get(url));
    expect(seen.can.record).toBe(false);
    expect(seen.exceptions).toEqual([
      expect.objectContaining({
        kind: 'threat_of_serious_harm',
        reportedOn: '2026-03-02',
        reportedTo: 'Boone County Sheriff’s Office',
        reference: 'Report 26-1187',
        summary: SAID,
        recordedBy: 'Quinn Neutral',
        review: null,
        can: { review: true },
      }),
    ]);
    const reads = await auditEvents(t.db, 'screening.exceptions_read', { caseId: caseId });
    expect(reads.length).toBeGreaterThan(0);
    expect(json<Listed>(await mediator.get(url)).exceptions[0]!.can.review).toBe(false);

    const review = `${url}/${id}/review`;
    expect((await mediator.post(review, { note: 'Mine' })).statusCode).toBe(403);
    const noNote = await coordinator.post(review, { note: ' ' });
    expect(noNote.statusCode).toBe(400);
    expect(json(noNote)).toMatchObject({ error: { fields: { note: expect.any(String) } } });
    const reviewed = await coordinator.post(review, {
      note: 'Called the sheriff’s office: the report is on file.',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(json(reviewed)).toMatchObject({ reviewedBy: 'Casey Coordinator' });
    expect((await coordinator.post(review, { note: 'Again' })).statusCode).toBe(409);
    expect((await coordinator.post(`${url}/no-such-exception/review`, { note: 'x' })).statusCode).toBe(404);
    expect(await storedText(t)).not.toContain('the report is on file');

    // The mediator sees the review and is told of it; the list moves it to "reviewed".
    expect(json<Listed>(await mediator.get(url)).exceptions[0]!.review).toMatchObject({
      reviewedBy: 'Casey Coordinator',
      note: 'Called the sheriff’s office: the report is on file.',
    });
    expect(
      (await lastEmailTo(t.db, mediatorUser.email, 'case-confidentiality-exception-reviewed')).text_body,
    ).not.toContain('sheriff');
    const after = json<ProgramList>(
      await coordinator.get(`/api/v1/programs/${programId}/confidentiality-exceptions`),
    );
    expect(after).toMatchObject({ waiting: 0, exceptions: [] });
    const done = json<ProgramList>(
      await coordinator.get(`/api/v1/programs/${programId}/confidentiality-exceptions?status=reviewed`),
    );
    expect(done.exceptions).toEqual([expect.objectContaining({ id, reviewedAt: expect.any(String) })]);

    // Another program's coordinator sees none of it.
    const other = await signedIn(t.app, (await readySpecialEducationCase(t)).coordinatorUser);
    expect((await other.get(`/api/v1/programs/${programId}/confidentiality-exceptions`)).statusCode).toBe(
      403,
    );
    expect((await other.get(url)).statusCode).toBe(404);

    // Retention's early purge takes the words and keeps the record that a report was made.
    await purgeCaseScreenings(t.db, caseId);
    expect(json<Listed>(await coordinator.get(url)).exceptions[0]).toMatchObject({
      summary: null,
      review: expect.objectContaining({ note: '' }),
      reportedTo: 'Boone County Sheriff’s Office',
    });
  });
});
