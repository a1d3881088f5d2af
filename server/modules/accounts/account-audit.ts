import type { Tx } from '../../db/database.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { AccountsAuditKind } from './accounts.audit.ts';

/**
 * An audit entry about one person's account (`userId`, null when no account matched), written
 * by `actorId`: the person themself, or null when nobody is signed in.
 */
export function recordAccountAudit(
  tx: Tx,
  kind: AccountsAuditKind,
  entry: {
    at: Date;
    userId: string | null;
    actorId: string | null;
    ip?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  const { userId, ...rest } = entry;
  return recordAudit(tx, { kind, subjectType: 'user', subjectId: userId, ...rest });
}
