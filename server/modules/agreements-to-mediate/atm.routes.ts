import { z } from 'zod';
import { requestMeta } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { CaseParams } from '../cases/cases.schemas.ts';
import { sendDownload } from '../files/files.service.ts';
import * as atm from './atm.service.ts';

const tags = ['agreement to mediate'];

export function agreementToMediateRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/cases/:caseId/agreement-to-mediate',
    {
      schema: {
        tags,
        summary: 'The Agreement to Mediate: text, fingerprint, who signed',
        params: CaseParams,
      },
    },
    async (request) => atm.getAgreementToMediate(deps, request.actor, request.params.caseId),
  );
  app.post(
    '/api/v1/cases/:caseId/agreement-to-mediate/signatures',
    {
      schema: {
        tags,
        summary: 'Sign the Agreement to Mediate electronically',
        params: CaseParams,
        body: z.object({
          documentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the document’s SHA-256'),
          intent: z.boolean('Tick the box to sign'),
          consentToElectronic: z.boolean('Tick the box to agree to sign electronically'),
          typedName: z.string().max(120, 'Keep it under 120 characters'),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await atm.signAgreementToMediate(
            deps,
            request.actor,
            request.params.caseId,
            request.body,
            requestMeta(request),
          ),
        ),
  );
  app.get(
    '/api/v1/cases/:caseId/agreement-to-mediate.pdf',
    { schema: { tags, summary: 'The signed Agreement to Mediate (PDF)', params: CaseParams } },
    async (request, reply) => {
      const { pdf, filename } = await atm.agreementToMediatePdf(deps, request.actor, request.params.caseId);
      return sendDownload(reply, { data: pdf, filename, contentType: 'application/pdf' });
    },
  );
}
