import { z } from 'zod';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { sendDownload, uploadBodyLimit } from '../files/files.service.ts';
import * as library from './library.service.ts';

const tags = ['association: forms library'];
const Upload = z.object({
  filename: z.string().trim().min(1, 'Give the file a name').max(200),
  contentBase64: z.base64('Send the file as base64').min(1, 'Choose a file'),
});
const FormParams = z.object({ formId: z.string().min(1).max(64) });

export function libraryRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/association/forms',
    {
      schema: {
        tags,
        summary: 'The forms library (members in good standing)',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              category: z.string(),
              description: z.string(),
              version: z.number(),
              versionNotes: z.string(),
              updatedAt: z.string(),
              filename: z.string().nullable(),
              size: z.number().nullable(),
            }),
          ),
        },
      },
    },
    async (request) => library.listForms(deps, request.actor),
  );
  app.post(
    '/api/v1/association/forms',
    {
      bodyLimit: uploadBodyLimit('libraryForm'),
      schema: {
        tags,
        summary: 'Add a form template (staff)',
        body: z.object({
          title: z.string().trim().min(3, 'Enter a title').max(160),
          category: z.string().trim().min(2, 'Enter a category').max(80),
          description: z.string().trim().max(1000).default(''),
          notes: z.string().trim().max(500).default(''),
          file: Upload,
        }),
        response: { 201: z.object({ id: z.string(), version: z.number() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await library.createForm(deps, request.actor, request.body)),
  );
  app.get(
    '/api/v1/association/forms/:formId/versions',
    {
      schema: {
        tags,
        summary: "A form's versions (members)",
        params: FormParams,
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              version: z.number(),
              notes: z.string(),
              createdAt: z.string(),
              filename: z.string(),
              size: z.number(),
            }),
          ),
        },
      },
    },
    async (request) => library.listVersions(deps, request.actor, request.params.formId),
  );
  app.post(
    '/api/v1/association/forms/:formId/versions',
    {
      bodyLimit: uploadBodyLimit('libraryForm'),
      schema: {
        tags,
        summary: 'Upload a new version of a form (staff)',
        params: FormParams,
        body: z.object({ notes: z.string().trim().max(500).default(''), file: Upload }),
        response: { 201: z.object({ id: z.string(), version: z.number() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await library.addVersion(deps, request.actor, request.params.formId, request.body)),
  );
  app.get(
    '/api/v1/association/forms/:formId/download',
    {
      schema: {
        tags,
        summary: 'Download a form, the current version or a named one (members)',
        params: FormParams,
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await library.download(deps, request.actor, request.params.formId, request.query.version),
      ),
  );
}
