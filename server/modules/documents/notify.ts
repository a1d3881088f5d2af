import type { Visibility } from '../../../domain/case-talk.ts';
import type { Tx } from '../../db/database.ts';
import type { Deps } from '../../infra/deps.ts';
import type { CaseAccess } from '../cases/case-access.ts';
import { joined } from '../cases/notify.ts';
import { titled } from '../notifications/notifications.emails.ts';
import { notifyEach } from '../notifications/notifications.service.ts';
import { mediatorsOf } from './talk-access.ts';

// Telling people about the document folder.

/**
 * A notification for the folder (under the bell, and by e-mail or in the digest as each person
 * chose): that something happened and the way to it, never a file's name.
 */
export async function tell(
  tx: Tx,
  deps: Deps,
  ctx: CaseAccess,
  kind: 'shared' | 'share-asked',
  to: { userId: string | null }[],
) {
  await notifyEach(
    tx,
    deps,
    to.map((p) => p.userId).filter((id) => id !== ctx.viewer.userId),
    {
      kind: 'document',
      caseId: ctx.c.id,
      link: `/cases/${ctx.c.id}/documents`,
      title: titled(kind === 'shared' ? 'documentShared' : 'askToShare'),
    },
  );
}

/** Tells the people who may now open a document that it was shared with them. */
export async function announceDocument(
  tx: Tx,
  deps: Deps,
  ctx: CaseAccess,
  doc: { uploaderId: string | null; visibility: Visibility },
) {
  const mediators = await mediatorsOf(tx, ctx);
  const table = doc.visibility === 'everyone' ? joined(ctx.participants) : [];
  await tell(tx, deps, ctx, 'shared', [
    ...mediators,
    ...table,
    ...ctx.participants
      .filter((p) => p.user_id === doc.uploaderId && p.status === 'active')
      .map((p) => ({ email: p.email, userId: p.user_id, name: p.name })),
  ]);
}
