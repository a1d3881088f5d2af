import type { ResolvedPack } from '../../../domain/rule-packs/index.ts';
import type { Executor } from '../../db/database.ts';
import { listRoleHolders } from '../access/access.service.ts';
import type { CaseRow } from '../cases/case-access.ts';
import { eligibleMediators } from '../directory/roster.service.ts';

export type RosterEntry = { userId: string; name: string };

const programMediators = async (db: Executor, programId: string): Promise<RosterEntry[]> =>
  (await listRoleHolders(db, programId, 'mediator', { activeOnly: true })).map((m) => ({
    userId: m.id,
    name: m.name,
  }));

/**
 * The mediators a case may be offered: the program's own mediators (the mediator role in the
 * program) who are also eligible by the directory's rules for the pack's roster. For special
 * education, anyone employed by the district involved or by DESE is left out (34 CFR 300.506(c)(1)).
 */
export async function caseRoster(db: Executor, c: CaseRow, pack: ResolvedPack): Promise<RosterEntry[]> {
  const own = await programMediators(db, c.program_id);
  const rule = pack.roster.value;
  if (rule.kind === 'program') return own;
  const district = c.details.form === 'special_education' ? c.details.district.name : undefined;
  const exclude = [district, rule.excludeAgency].filter((x): x is string => Boolean(x));
  const eligible = await eligibleMediators(db, { roster: rule.roster, excludeEmployers: exclude });
  const ownIds = new Set(own.map((m) => m.userId));
  return eligible.filter((m) => ownIds.has(m.userId)).map((m) => ({ userId: m.userId, name: m.name }));
}
