import { z } from 'zod';

const text = (max: number, what: string) =>
  z.string(`Enter ${what}`).trim().min(1, `Enter ${what}`).max(max, `Keep it under ${max} characters`);

const Due = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('date'), date: z.iso.date('Enter a date like 2026-03-03') }),
    z.object({
      kind: z.literal('days_after_signing'),
      days: z
        .number('Enter a number of days')
        .int('Enter whole days')
        .min(1, 'At least 1 day')
        .max(730, 'At most 730 days'),
    }),
  ],
  { error: 'Choose a date, or a number of days after signing' },
);

export const DraftBody = z.object({
  terms: z
    .array(
      z.object({
        issueId: z.string().min(1).max(64).nullable().default(null),
        text: text(4000, 'what was agreed'),
        responsible: text(200, 'who does it'),
      }),
    )
    .min(1, 'Write at least one term')
    .max(50),
  milestones: z
    .array(
      z.object({
        what: text(500, 'what happens'),
        responsible: text(200, 'who is responsible'),
        due: Due,
        evidence: text(500, 'what shows it was done'),
      }),
    )
    .max(50)
    .default([]),
  settledIssueIds: z
    .array(z.string().min(1).max(64))
    .min(1, 'Choose the issues this agreement settles')
    .max(50),
  changeNote: z.string().trim().max(500, 'Keep it under 500 characters').default(''),
});
export type DraftInput = z.infer<typeof DraftBody>;

export const SignBody = z.object({
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the document’s SHA-256'),
  intent: z.boolean('Tick the box to sign'),
  consentToElectronic: z.boolean('Tick the box to agree to sign electronically'),
  typedName: z.string('Type your full name').max(120, 'Keep it under 120 characters'),
  attestAuthority: z.boolean().default(false),
});
export type SignInput = z.infer<typeof SignBody>;

export const SignedCopyBody = z.object({
  filename: text(200, 'a file name'),
  contentBase64: z
    .string('Attach the scanned copy')
    .min(8, 'Attach the scanned copy')
    .max(14_000_000, 'The file is too large (10 MB at most)'),
});

export const DiffQuery = z.object({
  from: z.coerce.number('Choose a version').int().min(1),
  to: z.coerce.number('Choose a version').int().min(1),
});
