import type { LegalHold, LegalHolds } from '../../../contracts/retention.ts';
import { can } from '../../../domain/roles.ts';
import { inTransaction } from '../../db/database.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import type { Actor } from '../access/access.service.ts';
import { type CaseAccess, loadMediation, recordCaseAudit } from '../cases/case-access.ts';
import * as repo from './retention.repository.ts';

// Legal holds: a program's coordinators hold a case so nothing of it is purged while a claim or a
// records request stands (the daily purge skips it); everyone on the case sees its holds.

const mayHold = (ctx: Pick<CaseAccess, 'actor' | 'c'>) =>
  can(ctx.actor.grants, 'cases:manage', ctx.c.program_id);

function requireHolder(ctx: CaseAccess) {
  if (!mayHold(ctx)) throw forbidden('Only the program’s coordinators can place or lift a legal hold.');
}

type HoldRow = Awaited<ReturnType<typeof repo.listHolds>>[number];
const presentHold = (h: HoldRow, holder: boolean): LegalHold => ({
  id: h.id,
  reason: h.reason,
  placedBy: h.placed_by_name,
  placedAt: h.placed_at,
  liftedBy: h.lifted_by_name,
  liftedAt: h.lifted_at,
  liftReason: h.lift_reason,
  can: { lift: holder && h.lifted_at === null },
});

/** A case's holds, shown to everyone on the case: while one stands nothing of it is purged. */
export async function listLegalHolds(deps: Deps, actor: Actor | null, caseId: string): Promise<LegalHolds> {
  const ctx = await loadMediation(deps.db, actor, caseId);
  const holder = mayHold(ctx);
  const holds = (await repo.listHolds(deps.db, caseId)).map((h) => presentHold(h, holder));
  return { held: holds.some((h) => h.liftedAt === null), holds, can: { place: holder } };
}

export async function placeLegalHold(deps: Deps, actor: Actor | null, caseId: string, reason: string) {
  const now = deps.clock.now();
  const id = newId();
  await inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    requireHolder(ctx);
    await repo.insertHold(tx, {
      id,
      case_id: caseId,
      reason,
      placed_by: ctx.actor.userId,
      placed_at: iso(now),
      lifted_by: null,
      lifted_at: null,
      lift_reason: null,
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'retention.hold_placed',
      at: now,
      subjectType: 'legal_hold',
      subjectId: id,
    });
  });
  const hold = (await repo.listHolds(deps.db, caseId)).find((h) => h.id === id)!;
  return presentHold(hold, true);
}

export async function liftLegalHold(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  holdId: string,
  reason: string,
) {
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const ctx = await loadMediation(tx, actor, caseId);
    requireHolder(ctx);
    const hold = (await repo.listHolds(tx, caseId)).find((h) => h.id === holdId);
    if (!hold) throw notFound('That legal hold');
    const lifted = await repo.liftHold(tx, caseId, holdId, {
      lifted_by: ctx.actor.userId,
      lifted_at: iso(now),
      lift_reason: reason,
    });
    if (!lifted) throw new AppError('CONFLICT', 'This legal hold was already lifted.');
    await recordCaseAudit(tx, ctx, {
      kind: 'retention.hold_lifted',
      at: now,
      subjectType: 'legal_hold',
      subjectId: holdId,
    });
  });
  const hold = (await repo.listHolds(deps.db, caseId)).find((h) => h.id === holdId)!;
  return presentHold(hold, true);
}
