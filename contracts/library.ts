import { z } from 'zod';
import { fileTypesOf, UploadFile } from './files.ts';
import { Id } from './id.ts';
import { datedListQuery, listWithCsv, pageOf } from './list.ts';
import { defineRoute, fileBody } from './route.ts';

/** The members-only forms library, each form with its versions. */

const tags = ['association: forms library'];

export const FormParams = z.object({ formId: Id });

export const LibraryForm = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  description: z.string(),
  version: z.number(),
  versionNotes: z.string(),
  updatedAt: z.string(),
  filename: z.string().nullable(),
  size: z.number().nullable(),
});
export type LibraryForm = z.infer<typeof LibraryForm>;
export const listForms = defineRoute({
  method: 'GET',
  path: '/api/v1/association/forms',
  summary: 'The forms library (members in good standing)',
  tags,
  response: { 200: z.array(LibraryForm) },
});

const Added = z.object({ id: z.string(), version: z.number() });

export const AddFormBody = z.object({
  title: z.string().trim().min(3, 'Enter a title').max(160),
  category: z.string().trim().min(2, 'Enter a category').max(80),
  description: z.string().trim().max(1000).default(''),
  notes: z.string().trim().max(500).default(''),
  file: UploadFile('libraryForm', 'Choose a file'),
});
export type AddFormBody = z.infer<typeof AddFormBody>;
export const addForm = defineRoute({
  method: 'POST',
  path: '/api/v1/association/forms',
  summary: 'Add a form template (staff)',
  tags,
  body: AddFormBody,
  response: { 201: Added },
});

export const FormVersion = z.object({
  id: z.string(),
  version: z.number(),
  notes: z.string(),
  createdAt: z.string(),
  filename: z.string(),
  size: z.number(),
});
export type FormVersion = z.infer<typeof FormVersion>;
export const listVersions = defineRoute({
  method: 'GET',
  path: '/api/v1/association/forms/:formId/versions',
  summary: "A form's versions (members)",
  tags,
  params: FormParams,
  response: { 200: z.array(FormVersion) },
});

export const AddVersionBody = z.object({
  notes: z.string().trim().max(500).default(''),
  file: UploadFile('libraryForm', 'Choose a file'),
});
export type AddVersionBody = z.infer<typeof AddVersionBody>;
export const addVersion = defineRoute({
  method: 'POST',
  path: '/api/v1/association/forms/:formId/versions',
  summary: 'Upload a new version of a form (staff)',
  tags,
  params: FormParams,
  body: AddVersionBody,
  response: { 201: Added },
});

export const downloadForm = defineRoute({
  method: 'GET',
  path: '/api/v1/association/forms/:formId/download',
  summary: 'Download a form, the current version or a named one (members)',
  tags,
  params: FormParams,
  query: z.object({ version: z.coerce.number().int().min(1).optional() }),
  response: { 200: fileBody(fileTypesOf('libraryForm'), 'The form') },
});

// Staff's list of the library: searched, by the days a form last changed, paged, CSV.

export const LibraryFormsQuery = datedListQuery({
  searches: 'Part of the title, the category or the description',
  filters: {},
  days: 'Last changed (added, or a new version)',
  rows: ['form', 'forms'],
});
export type LibraryFormsQuery = z.input<typeof LibraryFormsQuery>;

export const LibraryFormRow = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  version: z.number(),
  versions: z.number(),
  updatedAt: z.string(),
});
export type LibraryFormRow = z.infer<typeof LibraryFormRow>;

export const { list: listLibraryForms, csv: downloadLibraryForms } = listWithCsv({
  path: '/api/v1/association/library-forms',
  summary:
    'Every form in the library, the latest changed first, searched by title, category or description and filtered by the day it last changed (staff)',
  tags,
  query: LibraryFormsQuery,
  page: pageOf(LibraryFormRow),
  csv: { of: 'forms', columns: 'One row per form: title, category, current version, versions, last changed' },
});
