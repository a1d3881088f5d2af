import { can } from '../../../domain/roles.ts';
import { inTransaction, type Tx } from '../../db/database.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import type { Deps } from '../../infra/deps.ts';
import type { Actor } from '../access/access.service.ts';
import { type CaseAccess, loadCase, loadCourtCase, recordCaseAudit, updateCase } from './case-access.ts';
import { isNeutral } from './cases.policy.ts';

/**
 * The court's record of a referred case: its court case number and the judge or division hearing
 * it. Kept by the program's coordinators or by the referring court's own clerk or judge's staff.
 */
export async function recordCourtRecord(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: { caseNumber: string; judge: string | null; division: string | null },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await courtRecordKeeper(tx, actor, caseId);
    const { c } = ctx;
    if (c.details.form !== 'court_referral')
      throw new AppError('RULE_VIOLATION', 'No court referred this case, so it has no court record.');
    const { judge: _judge, division: _division, ...rest } = c.details;
    await updateCase(tx, deps, c, {
      details: {
        ...rest,
        caseNumber: input.caseNumber,
        ...(input.judge ? { judge: input.judge } : {}),
        ...(input.division ? { division: input.division } : {}),
      },
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.court_record_updated',
      at: deps.clock.now(),
      subjectType: 'case',
      subjectId: c.id,
      data: {
        caseNumber: input.caseNumber,
        judge: input.judge,
        division: input.division,
        by: ctx.viewer.kind === 'court' ? 'court' : 'program',
      },
    });
    return { caseNumber: input.caseNumber, judge: input.judge, division: input.division };
  });
}

/** The court's own staff (for its circuit's cases), else the program's coordinator. */
async function courtRecordKeeper(tx: Tx, actor: Actor | null, caseId: string): Promise<CaseAccess> {
  if (actor && can(actor.grants, 'court:cases')) return loadCourtCase(tx, actor, caseId);
  const ctx = await loadCase(tx, actor, caseId);
  if (!mayKeepCourtRecord(ctx)) throw forbidden('The program or the court records the court’s case number.');
  return ctx;
}

/** For the `can` flags: who may record the court case number and the judge or division. */
export const mayKeepCourtRecord = (ctx: Pick<CaseAccess, 'viewer' | 'c'>) =>
  ctx.c.details.form === 'court_referral' &&
  (ctx.viewer.kind === 'court' || (ctx.viewer.kind === 'coordinator' && isNeutral(ctx.viewer)));
