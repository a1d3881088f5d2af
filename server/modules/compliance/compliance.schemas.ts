import { z } from 'zod';

const date = z.iso.date('Enter a date like 2026-03-03');
const note = (max: number) => z.string().trim().max(max, `Keep it under ${max} characters`);

export const MilestoneParams = z.object({
  caseId: z.string().min(1).max(64),
  milestoneId: z.string().min(1).max(64),
});
export const EvidenceParams = MilestoneParams.extend({ fileId: z.string().min(1).max(64) });
export const ProgramParams = z.object({ programId: z.string().min(1).max(64) });

/** A file sent as base64 in JSON (the same as the signed paper copy): checked by its bytes. */
const EvidenceFile = z.object({
  filename: z
    .string('Give the file a name')
    .trim()
    .min(1, 'Give the file a name')
    .max(200, 'Keep the name under 200 characters'),
  contentBase64: z
    .string('Attach the file')
    .min(8, 'Attach the file')
    .max(14_000_000, 'The file is too large (10 MB at most)'),
});

export const MarkDoneBody = z.object({
  doneOn: date,
  note: note(2000).default(''),
  files: z.array(EvidenceFile).max(5, 'Attach at most 5 files').default([]),
});
export type MarkDoneInput = z.infer<typeof MarkDoneBody>;

export const ConfirmBody = z.object({ note: note(2000).default('') });
export const DisputeBody = z.object({
  reason: z
    .string('Say what is not done')
    .trim()
    .min(1, 'Say what is not done')
    .max(2000, 'Keep it under 2000 characters'),
});
export const WaiveBody = z.object({
  confirm: z.literal(true, 'Tick the box to give up this promise'),
  note: note(2000).default(''),
});

const Due = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('date'), date }),
    z.object({
      kind: z.literal('days_after_signing'),
      days: z
        .number('Enter a number of days')
        .int('Enter whole days')
        .min(1, 'At least 1 day')
        .max(730, 'At most 730 days'),
    }),
    z.object({
      kind: z.literal('months_after_signing'),
      months: z
        .number('Enter a number of months')
        .int('Enter whole months')
        .min(1, 'At least 1 month')
        .max(24, 'At most 24 months'),
    }),
  ],
  { error: 'Choose a date, or a number of days or months after signing' },
);

export const CorrectBody = z
  .object({
    what: z
      .string()
      .trim()
      .min(1, 'Enter what was promised')
      .max(500, 'Keep it under 500 characters')
      .optional(),
    responsibleSide: z.enum(['requester', 'respondent', 'both'], 'Choose who is responsible').optional(),
    due: Due.optional(),
    evidenceExpected: z
      .string()
      .trim()
      .min(1, 'Enter what shows it was done')
      .max(500, 'Keep it under 500 characters')
      .optional(),
    reason: z
      .string('Say why you are correcting it')
      .trim()
      .min(3, 'Say why you are correcting it')
      .max(1000, 'Keep it under 1000 characters'),
  })
  .refine((b) => b.what || b.responsibleSide || b.due || b.evidenceExpected, {
    message: 'Change at least one thing',
    path: ['what'],
  });
export type CorrectInput = z.infer<typeof CorrectBody>;

export const SettingsBody = z.object({
  remindDaysBefore: z
    .number('Enter a number of days')
    .int('Enter whole days')
    .min(0, 'At least 0 days')
    .max(60, 'At most 60 days'),
  escalateToMediator: z.boolean('Choose yes or no'),
  escalateToCoordinator: z.boolean('Choose yes or no'),
});
export type ComplianceSettings = z.infer<typeof SettingsBody>;
