import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeFields, fieldLabel, installPlainMessages, SCHEMA_DEFAULT_MESSAGE } from './messages.ts';

beforeAll(() => installPlainMessages());

const messages = (schema: z.ZodType, value: unknown) =>
  (schema.safeParse(value).error?.issues ?? []).map((issue) => issue.message);

describe('plain messages in place of zod’s', () => {
  it('says what to do for each kind of bad value, and keeps a schema’s own words', () => {
    const Form = z.strictObject({
      name: z.string().max(64),
      agree: z.boolean(),
      email: z.email(),
      confirm: z.literal(true),
      kind: z.enum(['family', 'civil']),
      own: z.string().min(2, 'Use your own words'),
      day: z.iso.date(),
      issues: z.array(z.string()).min(1),
      count: z.number().int().max(5),
      missing: z.string(),
    });
    const said = messages(Form, {
      name: 'x'.repeat(65),
      agree: 'true',
      email: 'nope',
      confirm: false,
      kind: 'other',
      own: 'x',
      day: '2026',
      issues: [],
      count: 1.5,
      extra: 1,
    });
    expect(said).toEqual([
      'Use 64 characters or fewer.',
      'Choose yes or no.',
      'Enter an e-mail address, like name@example.com.',
      'Please check this box to go on.',
      'Choose one of the choices offered.',
      'Use your own words',
      'Enter a date, like 2026-03-15.',
      'Choose at least one.',
      'Enter a whole number.',
      'Please fill this in.',
      'Parley does not take extra here.',
    ]);
    for (const message of said) expect(message).not.toMatch(SCHEMA_DEFAULT_MESSAGE);
  });

  it('names fields in words, not code', () => {
    expect(fieldLabel('body.email')).toBe('e-mail address');
    expect(fieldLabel('respondent.email')).toBe('respondent e-mail address');
    expect(fieldLabel('programId')).toBe('program');
    expect(fieldLabel('dueProcessCost')).toBe('due process cost');
    expect(fieldLabel('closedCaseYears.value')).toBe('closed case years');
    expect(fieldLabel('closedCaseYears.cite')).toBe('source of the closed case years');
    expect(fieldLabel('safeguards.0.participantId')).toBe('participant');
    expect(
      describeFields({ name: 'Use 64 characters or fewer.', 'body.requireMfa': 'Choose yes or no.' }),
    ).toBe(
      'Please check the name: use 64 characters or fewer. Please check the require two-step sign-in: choose yes or no.',
    );
    expect(describeFields({ participantId: 'is not on this case' })).toBe(
      'The participant is not on this case.',
    );
  });
});
