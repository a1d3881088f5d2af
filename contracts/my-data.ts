import { z } from 'zod';
import { Can } from './can.ts';
import { defineRoute, fileBody } from './route.ts';

/**
 * A person's data: everything Parley holds about them, as a download, and deleting their account
 * (a preview of what goes and what is kept and why, then a confirmation with their password).
 */

const tags = ['your data'];

export const exportMyData = defineRoute({
  method: 'GET',
  path: '/api/v1/account/data/export',
  summary: 'Download everything Parley holds about you (a zip: data.json and your documents)',
  tags,
  response: {
    200: fileBody(['application/zip'], 'data.json, what Parley holds about you, and the files you uploaded'),
  },
});

export const DeletionItem = z.object({
  /** What it is, in plain words. */
  what: z.string(),
  /** How many, where that helps ("3 e-mails"). */
  count: z.number().nullable(),
  /** Why it is kept, and how (de-identified or as it is), for what stays. */
  why: z.string().nullable(),
});
export type DeletionItem = z.infer<typeof DeletionItem>;

export const DeletionPreview = z.object({
  /** Goes when you confirm. */
  deleted: z.array(DeletionItem),
  /** Stays, because the law or a program must keep it; each says why and how. */
  kept: z.array(DeletionItem),
  /** What stops deletion now (a case still open), each in plain words. */
  blockers: z.array(z.string()),
  can: Can('delete'),
});
export type DeletionPreview = z.infer<typeof DeletionPreview>;

export const previewAccountDeletion = defineRoute({
  method: 'GET',
  path: '/api/v1/account/data/deletion',
  summary: 'What deleting your account would remove, and what would be kept and why',
  tags,
  response: { 200: DeletionPreview },
});

export const DeleteAccountBody = z.object({
  password: z
    .string('Enter your password')
    .min(1, 'Enter your password')
    .max(200, 'Use 200 characters or fewer'),
  confirm: z.literal(true, 'Check the box to confirm you want your account deleted'),
});
export type DeleteAccountBody = z.infer<typeof DeleteAccountBody>;

export const AccountDeleted = z.object({ deleted: z.array(DeletionItem), kept: z.array(DeletionItem) });
export type AccountDeleted = z.infer<typeof AccountDeleted>;

export const deleteMyAccount = defineRoute({
  method: 'POST',
  path: '/api/v1/account/data/deletion',
  summary: 'Delete your account, with your password; signs you out',
  tags,
  body: DeleteAccountBody,
  response: { 200: AccountDeleted },
});
