import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementToMediate } from '../../../contracts/agreements-to-mediate.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { buildRosterMediator, familyCaseAtAgreementToMediate } from '../../../test/cases.ts';
import { json } from '../../../test/client.ts';
import { lastEmailTo } from '../../../test/mailbox.ts';
import { buildProgram, buildUser } from '../../db/seed/builders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('Rule 88.06(a): the mediator’s disclosure inside the Agreement to Mediate', () => {
  it('no one signs until the mediator writes the fees in figures and the relationships; then the text carries them', async () => {
    const program = await buildProgram(t.deps, { kind: 'family' });
    const coordinatorUser = await buildUser(t.deps, {
      grants: [{ role: 'coordinator', programId: program.id }],
    });
    const mediatorUser = await buildRosterMediator(t, {
      programId: program.id,
      name: 'Morgan Disclosure',
      rosters: ['rule88'],
    });
    const { caseId, pat, mediator, emails } = await familyCaseAtAgreementToMediate(t, {
      programId: program.id,
      coordinatorUser,
      mediatorUser,
      n: 91,
    });
    const url = `/api/v1/cases/${caseId}/agreement-to-mediate`;
    const before = json<AgreementToMediate>(await pat.get(url));
    expect(before.missingDisclosures).toHaveLength(2);
    expect(before.can).toEqual({ sign: false, writeDisclosure: false });
    expect(before.text).toContain('Do not sign until they are.');
    const early = await pat.post(`${url}/signatures`, {
      documentSha256: before.sha256,
      intent: true,
      consentToElectronic: true,
      typedName: 'Pat Rivera',
    });
    expect(early.statusCode).toBe(422);
    expect(json<{ error: { message: string } }>(early).error.message).toMatch(/Rule 88\.06\(a\)/);
    expect(json<AgreementToMediate>(await mediator.get(url)).can.writeDisclosure).toBe(true);

    // A party cannot write it; bad figures are refused naming the field.
    expect(
      (await pat.put(`${url}/disclosure`, { fees: { kind: 'free', paidBy: 'x' }, relationships: null }))
        .statusCode,
    ).toBe(403);
    const names = before.signers.map((s) => s.name);
    const badShares = await mediator.put(`${url}/disclosure`, {
      fees: { kind: 'hourly', cents: 12_500, otherCosts: [], shares: [{ party: names[0], percent: 60 }] },
      relationships: null,
    });
    expect(badShares.statusCode).toBe(400);
    expect(json(badShares)).toMatchObject({ error: { fields: { 'fees.shares': expect.any(String) } } });
    const noFee = await mediator.put(`${url}/disclosure`, {
      fees: { kind: 'flat', cents: 0, otherCosts: [], shares: [{ party: names[0], percent: 100 }] },
      relationships: null,
    });
    expect(json(noFee)).toMatchObject({ error: { fields: { 'fees.cents': expect.any(String) } } });
    // The field messages are in the language of the page that sent the disclosure.
    type Refusal = { error: { message: string; fields: Record<string, string> } };
    const inLanguage = async (language: string, body: unknown) =>
      json<Refusal>(
        await mediator.request('PUT', `${url}/disclosure`, body, {
          headers: { 'accept-language': language },
        }),
      ).error;
    const unchecked = {
      fees: { kind: 'hourly', cents: 0, otherCosts: [], shares: [{ party: names[0], percent: 60 }] },
      relationships: ' ',
    };
    expect((await inLanguage('en-US', unchecked)).fields).toEqual({
      'fees.cents': 'Write the fee in dollars and cents, more than $0.',
      'fees.shares': 'Say what part each party pays, in percent, adding up to 100.',
      relationships:
        'Describe any relationship with the parties and any interest that could affect fairness, or state there is none.',
    });
    const spanish = await inLanguage('es-US', unchecked);
    expect(spanish.fields).toEqual({
      'fees.cents': 'Escriba la tarifa en dólares y centavos, más de $0.',
      'fees.shares': 'Diga qué porcentaje paga cada parte; entre todas deben sumar 100.',
      relationships:
        'Describa cualquier relación con las partes y cualquier interés que pueda afectar la imparcialidad, o declare que no hay ninguno.',
    });
    expect(spanish.message).toMatch(/^Revise la tarifa\. Escriba la tarifa/);
    const negative = { ...unchecked, fees: { ...unchecked.fees, cents: -5 } };
    expect((await inLanguage('en-US', negative)).fields).toMatchObject({
      'fees.cents': 'The fee cannot be below $0',
    });
    expect((await inLanguage('es-US', negative)).fields).toMatchObject({
      'fees.cents': 'La tarifa no puede ser menor de $0',
    });
    expect((await inLanguage('es-US', { ...unchecked, fees: { kind: 'barter' } })).fields).toMatchObject({
      'fees.kind': 'Diga cómo cobra el mediador: gratis, por hora o una sola tarifa',
    });

    const written = await mediator.put(`${url}/disclosure`, {
      fees: {
        kind: 'hourly',
        cents: 12_500,
        otherCosts: [{ label: 'the room', cents: 4_000 }],
        shares: [
          { party: names[0], percent: 50 },
          { party: names[1], percent: 50 },
        ],
      },
      relationships: 'I served on a school board with Riley’s sister until 2019.',
    });
    expect(written.statusCode).toBe(200);
    const after = json<AgreementToMediate>(await pat.get(url));
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.missingDisclosures).toEqual([]);
    expect(after.can.sign).toBe(true);
    expect(after.text).toContain('1. Costs: the mediator charges $125.00 an hour.');
    expect(after.text).toContain('Other costs: $40.00 for the room.');
    expect(after.text).toContain(`${names[0]} pays 50% and ${names[1]} pays 50%.`);
    expect(after.text).toContain('school board with Riley’s sister');
    expect((await lastEmailTo(t.db, emails.pat, 'case-disclosure-written')).subject).toMatch(
      /ready to read and sign/,
    );
    const signed = await pat.post(`${url}/signatures`, {
      documentSha256: after.sha256,
      intent: true,
      consentToElectronic: true,
      typedName: names[0],
    });
    expect(signed.statusCode).toBe(201);
  });
});
