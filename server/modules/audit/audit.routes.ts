import { z } from 'zod';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { listAuditEvents, verifyAuditTrailAs } from './audit.service.ts';

const tags = ['audit'];

const VerifyResult = z.union([
  z.object({ ok: z.literal(true), events: z.number() }),
  z.object({ ok: z.literal(false), brokenAt: z.number(), reason: z.string() }),
]);

const AuditEvent = z.object({
  seq: z.number(),
  occurredAt: z.string(),
  kind: z.string(),
  actorId: z.string().nullable(),
  programId: z.string().nullable(),
  caseId: z.string().nullable(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export function auditRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/audit/verify',
    {
      schema: {
        tags,
        summary: 'Re-check the audit chain and name the first broken row (administrators)',
        response: { 200: VerifyResult },
      },
    },
    async (request) => verifyAuditTrailAs(deps.db, request.actor),
  );

  app.get(
    '/api/v1/audit/events',
    {
      schema: {
        tags,
        summary: "Audit events, newest first: all (administrators) or one program's (its coordinators)",
        querystring: z.object({
          programId: z.string().max(64).optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ events: z.array(AuditEvent), nextBefore: z.number().nullable() }) },
      },
    },
    async (request) => listAuditEvents(deps.db, request.actor, request.query),
  );
}
