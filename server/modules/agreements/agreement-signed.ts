import type { Tx } from '../../db/database.ts';
import type { Deps } from '../../infra/deps.ts';
import type { CaseAccess } from '../cases/case-access.ts';

/**
 * What other areas do when everyone has signed the written agreement (compliance tracking creates
 * the agreement's milestones). Handlers run inside the signing transaction: if one fails, the
 * signature that completed the agreement rolls back with it.
 */
export type SignedAgreement = { documentId: string; version: number; signedAt: string };
type Handler = (tx: Tx, deps: Deps, ctx: CaseAccess, signed: SignedAgreement) => Promise<void>;

const handlers: Handler[] = [];

export function onAgreementSigned(handler: Handler): void {
  handlers.push(handler);
}

export async function agreementSigned(tx: Tx, deps: Deps, ctx: CaseAccess, signed: SignedAgreement) {
  for (const handler of handlers) await handler(tx, deps, ctx, signed);
}
