import { z } from 'zod';
import { defineRoute } from './route.ts';

/** Audit: the append-only, hash-chained trail of every change and every confidential read. */

const tags = ['audit'];

export const VerifyResult = z.union([
  z.object({ ok: z.literal(true), events: z.number() }),
  z.object({ ok: z.literal(false), brokenAt: z.number(), reason: z.string() }),
]);
export type VerifyResult = z.infer<typeof VerifyResult>;
export const verifyAuditTrail = defineRoute({
  method: 'GET',
  path: '/api/v1/audit/verify',
  summary: 'Re-check the audit chain and name the first broken row (administrators)',
  tags,
  response: { 200: VerifyResult },
});

export const AuditEvent = z.object({
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
export type AuditEvent = z.infer<typeof AuditEvent>;
export const AuditQuery = z.object({
  programId: z.string().max(64).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
export const AuditPage = z.object({ events: z.array(AuditEvent), nextBefore: z.number().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
export const listAuditEvents = defineRoute({
  method: 'GET',
  path: '/api/v1/audit/events',
  summary: "Audit events, newest first: all (administrators) or one program's (its coordinators)",
  tags,
  query: AuditQuery,
  response: { 200: AuditPage },
});
