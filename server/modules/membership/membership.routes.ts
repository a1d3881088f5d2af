import { z } from 'zod';
import type { App } from '../../http/types.ts';
import type { Deps } from '../../infra/deps.ts';
import { sendDownload } from '../files/files.service.ts';
import {
  JoinBody,
  MembershipQuery,
  MembershipRow,
  MyMembership,
  Payment,
  PaymentParams,
  PaymentsQuery,
  RecordPaymentBody,
  Tier,
  TierBody,
  TierParams,
  TierPatch,
} from './membership.schemas.ts';
import * as membership from './membership.service.ts';
import * as payments from './payments.service.ts';
import { progressRoutes } from './progress.routes.ts';

const tags = ['association: membership'];

/** Membership, payments and (progress.routes.ts) continuing education and the mediator path. */
export function membershipRoutes(app: App, deps: Deps) {
  progressRoutes(app, deps);
  app.get(
    '/api/v1/association/tiers',
    { schema: { tags, summary: 'Membership tiers open to join', response: { 200: z.array(Tier) } } },
    async (request) => membership.listTiers(deps, request.actor, false),
  );
  app.get(
    '/api/v1/association/tiers/all',
    {
      schema: {
        tags,
        summary: 'Every tier, including closed ones (staff)',
        response: { 200: z.array(Tier) },
      },
    },
    async (request) => membership.listTiers(deps, request.actor, true),
  );
  app.post(
    '/api/v1/association/tiers',
    {
      schema: { tags, summary: 'Create a membership tier (staff)', body: TierBody, response: { 201: Tier } },
    },
    async (request, reply) =>
      reply.status(201).send(await membership.createTier(deps, request.actor, request.body)),
  );
  app.patch(
    '/api/v1/association/tiers/:tierId',
    {
      schema: {
        tags,
        summary: 'Change a membership tier (staff)',
        params: TierParams,
        body: TierPatch,
        response: { 200: Tier },
      },
    },
    async (request) => membership.updateTier(deps, request.actor, request.params.tierId, request.body),
  );

  app.get(
    '/api/v1/association/membership',
    { schema: { tags, summary: 'My membership and payments', response: { 200: MyMembership } } },
    async (request) => membership.myMembership(deps, request.actor),
  );
  app.post(
    '/api/v1/association/membership',
    {
      schema: {
        tags,
        summary: 'Join the association at a tier',
        body: JoinBody,
        response: { 200: MyMembership },
      },
    },
    async (request) => membership.join(deps, request.actor, request.body),
  );
  app.post(
    '/api/v1/association/membership/renew',
    { schema: { tags, summary: 'Renew my membership', body: JoinBody, response: { 200: MyMembership } } },
    async (request) => membership.renew(deps, request.actor, request.body),
  );
  app.get(
    '/api/v1/association/memberships',
    {
      schema: {
        tags,
        summary: 'Memberships, by state (staff)',
        querystring: MembershipQuery,
        response: { 200: z.array(MembershipRow) },
      },
    },
    async (request) => membership.listMemberships(deps, request.actor, request.query.status),
  );

  app.get(
    '/api/v1/association/payments',
    {
      schema: {
        tags,
        summary: 'Recent payments (staff)',
        querystring: PaymentsQuery,
        response: { 200: z.array(Payment) },
      },
    },
    async (request) => membership.listPayments(deps, request.actor, request.query.userId),
  );
  app.post(
    '/api/v1/association/payments',
    {
      schema: {
        tags,
        summary: 'Record a payment received by cheque, cash or at an event (staff; offline provider)',
        body: RecordPaymentBody,
        response: {
          201: z.object({ id: z.string(), receiptNumber: z.string(), expiresAt: z.string().nullable() }),
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await payments.recordPayment(deps, request.actor, request.body)),
  );
  app.get(
    '/api/v1/association/payments/:paymentId/receipt',
    { schema: { tags, summary: 'A payment receipt as PDF (the payer or staff)', params: PaymentParams } },
    async (request, reply) =>
      sendDownload(reply, await payments.receipt(deps, request.actor, request.params.paymentId)),
  );
}
