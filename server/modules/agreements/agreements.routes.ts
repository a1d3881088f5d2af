import { z } from 'zod';
import { requestMeta } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { CaseParams } from '../cases/cases.schemas.ts';
import { sendDownload, uploadBodyLimit } from '../files/files.service.ts';
import { DiffQuery, DraftBody, SignBody, SignedCopyBody } from './agreements.schemas.ts';
import * as agreements from './agreements.service.ts';
import * as signing from './signing.service.ts';

const tags = ['written agreement'];

export function agreementsRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/cases/:caseId/agreement',
    {
      schema: {
        tags,
        summary: 'The written agreement: text, versions, signers, comments',
        params: CaseParams,
      },
    },
    async (request) => agreements.getAgreement(deps, request.actor, request.params.caseId),
  );
  app.post(
    '/api/v1/cases/:caseId/agreement/versions',
    {
      schema: {
        tags,
        summary: 'Write or revise the agreement (a new version)',
        params: CaseParams,
        body: DraftBody,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await agreements.draftAgreement(deps, request.actor, request.params.caseId, request.body)),
  );
  app.get(
    '/api/v1/cases/:caseId/agreement/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two versions',
        params: CaseParams,
        querystring: DiffQuery,
      },
    },
    async (request) =>
      agreements.agreementDiff(
        deps,
        request.actor,
        request.params.caseId,
        request.query.from,
        request.query.to,
      ),
  );
  app.post(
    '/api/v1/cases/:caseId/agreement/comments',
    {
      schema: {
        tags,
        summary: 'Comment on the draft',
        params: CaseParams,
        body: z.object({
          body: z
            .string('Write a comment')
            .trim()
            .min(1, 'Write a comment')
            .max(2000, 'Keep it under 2000 characters'),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await agreements.commentOnAgreement(deps, request.actor, request.params.caseId, request.body.body),
        ),
  );
  app.post(
    '/api/v1/cases/:caseId/agreement/signatures',
    {
      schema: {
        tags,
        summary: 'Sign the current version electronically',
        params: CaseParams,
        body: SignBody,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await signing.signAgreement(
            deps,
            request.actor,
            request.params.caseId,
            request.body,
            requestMeta(request),
          ),
        ),
  );
  app.post(
    '/api/v1/cases/:caseId/agreement/signed-copy',
    {
      bodyLimit: uploadBodyLimit('signedAgreement'),
      schema: {
        tags,
        summary: 'Upload the scanned copy signed in ink (PDF, PNG or JPEG)',
        params: CaseParams,
        body: SignedCopyBody,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await signing.uploadSignedCopy(deps, request.actor, request.params.caseId, request.body)),
  );
  app.get(
    '/api/v1/cases/:caseId/agreement/signed-copy',
    { schema: { tags, summary: 'The scanned copy signed in ink', params: CaseParams } },
    async (request, reply) => {
      return sendDownload(reply, await signing.signedCopy(deps, request.actor, request.params.caseId));
    },
  );
  app.post(
    '/api/v1/cases/:caseId/agreement/court-approval',
    {
      schema: {
        tags,
        summary: 'Record the court’s approval (Rule 88.06(c))',
        params: CaseParams,
        body: z.object({ approvedOn: z.iso.date('Enter a date like 2026-04-01') }),
      },
    },
    async (request) =>
      agreements.recordCourtApproval(deps, request.actor, request.params.caseId, request.body.approvedOn),
  );
  app.get(
    '/api/v1/cases/:caseId/agreement.pdf',
    {
      schema: {
        tags,
        summary: 'The agreement with its signature page and audit certificate (PDF)',
        params: CaseParams,
      },
    },
    async (request, reply) => {
      const { pdf, filename } = await signing.agreementPdf(deps, request.actor, request.params.caseId);
      return sendDownload(reply, { data: pdf, filename, contentType: 'application/pdf' });
    },
  );
}
