import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { json, signedIn, TestClient } from '../../../test/client.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Rules = {
  pack: { id: string } | null;
  rules: { key: string; text: string; cite: string; local: boolean }[];
};

describe("a program's rules", () => {
  it('shows anyone the pack the program follows, with citations', async () => {
    const program = await buildProgram(t.deps, { kind: 'special_education' });
    const rules = json<Rules>(await new TestClient(t.app).get(`/api/v1/programs/${program.id}/rules`));
    expect(rules.pack?.id).toBe('mo-dese-special-education');
    expect(rules.rules.find((r) => r.key === 'attorneys')).toMatchObject({ local: false });
    expect(rules.rules.every((r) => r.cite.length > 3)).toBe(true);
  });

  it('lets a coordinator set a local rule the pack allows, refuses one it does not, and can remove it', async () => {
    const program = await buildProgram(t.deps, { kind: 'family' });
    const coordinator = await buildUser(t.deps, { grants: [{ role: 'coordinator', programId: program.id }] });
    const client = await signedIn(t.app, coordinator);
    const url = `/api/v1/programs/${program.id}/rules/local`;

    const set = await client.put(url, {
      minimumHours: { value: 2, cite: '16th Circuit local rule: two hours unless waived' },
    });
    expect(set.statusCode).toBe(200);
    expect(json<Rules>(set).rules.find((r) => r.key === 'minimumHours')).toMatchObject({
      text: 'At least 2 hours of mediation',
      local: true,
    });

    const noCite = await client.put(url, { reportDeadlineDays: { value: 10, cite: '' } });
    expect(noCite.statusCode).toBe(400);
    expect(json(noCite)).toMatchObject({
      error: { fields: { 'reportDeadlineDays.cite': expect.any(String) } },
    });

    const special = await buildProgram(t.deps, { kind: 'special_education' });
    const seCoordinator = await buildUser(t.deps, {
      grants: [{ role: 'coordinator', programId: special.id }],
    });
    const refused = await (await signedIn(t.app, seCoordinator)).put(
      `/api/v1/programs/${special.id}/rules/local`,
      {
        companionsPerParty: { value: 6, cite: 'Our own wish' },
      },
    );
    expect(refused.statusCode).toBe(400);
    expect(json(refused)).toMatchObject({
      error: { fields: { companionsPerParty: expect.stringMatching(/does not let/) } },
    });

    const removed = await client.put(url, { minimumHours: null });
    expect(json<Rules>(removed).rules.find((r) => r.key === 'minimumHours')).toMatchObject({ local: false });
  });

  it('a program chooses how a family settlement is signed and what the court report says, citing its source; the case follows it', async () => {
    const program = await buildProgram(t.deps, { kind: 'family' });
    const coordinator = await buildUser(t.deps, { grants: [{ role: 'coordinator', programId: program.id }] });
    const client = await signedIn(t.app, coordinator);
    const url = `/api/v1/programs/${program.id}/rules/choices`;
    type WithChoices = Rules & {
      choices: { key: string; value: string; local: boolean; cite: string; packDefault: { value: string } }[];
      courtNoticeEmail: string | null;
    };

    const before = json<WithChoices>(await client.get(`/api/v1/programs/${program.id}/rules`));
    // The pack's defaults: ink for a family settlement (ESIGN excludes family law), settlement-only report.
    expect(before.choices.find((c) => c.key === 'settlementSignature')).toMatchObject({
      value: 'ink',
      local: false,
      cite: expect.stringContaining('15 U.S.C. 7003(a)(2)'),
    });
    expect(before.choices.find((c) => c.key === 'settlementSignature')?.cite).toContain('RSMo 432.210');
    expect(before.choices.find((c) => c.key === 'courtReport')).toMatchObject({ value: 'settlement_only' });
    expect(before.rules.find((r) => r.key === 'settlementSignature')).toMatchObject({
      unconfirmed: expect.stringContaining('revisor.mo.gov'),
    });

    const set = await client.put(url, {
      settlementSignature: {
        value: 'electronic',
        cite: '22nd Circuit practice: e-filed settlements accepted',
      },
      courtNoticeEmail: 'clerk@courts.example',
    });
    expect(set.statusCode).toBe(200);
    const after = json<WithChoices>(set);
    expect(after.choices.find((c) => c.key === 'settlementSignature')).toMatchObject({
      value: 'electronic',
      local: true,
      cite: '22nd Circuit practice: e-filed settlements accepted',
      packDefault: { value: 'ink' },
    });
    expect(after.courtNoticeEmail).toBe('clerk@courts.example');
    expect(after.rules.find((r) => r.key === 'settlementSignature')).toMatchObject({ local: true });

    // Bad input names the field.
    const noCite = await client.put(url, { settlementSignature: { value: 'electronic', cite: '' } });
    expect(noCite.statusCode).toBe(400);
    expect(json(noCite)).toMatchObject({
      error: { fields: { 'settlementSignature.cite': expect.any(String) } },
    });
    const notAnOption = await client.put(url, { courtReport: { value: 'everything', cite: 'Our wish' } });
    expect(notAnOption.statusCode).toBe(400);
    expect(json(notAnOption)).toMatchObject({
      error: { fields: { courtReport: expect.stringMatching(/choose one/) } },
    });
    const badEmail = await client.put(url, { courtNoticeEmail: 'not an address' });
    expect(badEmail.statusCode).toBe(400);
    expect(json(badEmail)).toMatchObject({ error: { fields: { courtNoticeEmail: expect.any(String) } } });

    // Back to the pack's default.
    const reset = json<WithChoices>(await client.put(url, { settlementSignature: null }));
    expect(reset.choices.find((c) => c.key === 'settlementSignature')).toMatchObject({
      value: 'ink',
      local: false,
    });
    expect(reset.courtNoticeEmail).toBe('clerk@courts.example');
  });
});
