import { ROSTER_LABELS } from '../../../domain/eligibility.ts';
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
 * Of the program's own mediators, those the pack's roster rule lets be offered a case, and why each
 * other one may not: the directory's eligibility for the pack's roster, without anyone employed by
 * the excluded organisations (the district involved, the state agency).
 */
async function qualify(
  db: Executor,
  own: RosterEntry[],
  pack: ResolvedPack,
  excludeEmployers: (string | null | undefined)[],
): Promise<{ qualified: RosterEntry[]; reasons: Map<string, string> }> {
  const rule = pack.roster.value;
  if (rule.kind === 'program') return { qualified: own, reasons: new Map() };
  const exclude = excludeEmployers.filter((x): x is string => Boolean(x));
  const eligible = new Set((await eligibleMediators(db, { roster: rule.roster })).map((m) => m.userId));
  const kept = exclude.length
    ? new Set(
        (await eligibleMediators(db, { roster: rule.roster, excludeEmployers: exclude })).map(
          (m) => m.userId,
        ),
      )
    : eligible;
  const reasons = new Map<string, string>();
  for (const m of own) {
    if (!eligible.has(m.userId))
      reasons.set(m.userId, `Not eligible for the ${ROSTER_LABELS[rule.roster]} in the directory.`);
    else if (!kept.has(m.userId)) reasons.set(m.userId, `Employed by ${exclude.join(' or ')}.`);
  }
  return { qualified: own.filter((m) => !reasons.has(m.userId)), reasons };
}

/**
 * The mediators a case may be offered: the program's own mediators (the mediator role in the
 * program) who are also eligible by the directory's rules for the pack's roster. For special
 * education, anyone employed by the district involved or by DESE is left out (34 CFR 300.506(c)(1)).
 */
export async function caseRoster(db: Executor, c: CaseRow, pack: ResolvedPack): Promise<RosterEntry[]> {
  const own = await programMediators(db, c.program_id);
  const rule = pack.roster.value;
  const district = c.details.form === 'special_education' ? c.details.district.name : undefined;
  const agency = rule.kind === 'directory' ? rule.excludeAgency : null;
  return (await qualify(db, own, pack, [district, agency])).qualified;
}

/**
 * Why each of the program's mediators may not be offered its cases now (absent: they may), by the
 * same rule as caseRoster, before any one case's district is known. A mediator whose account is
 * turned off is never offered a case.
 */
export async function programRosterReasons(
  db: Executor,
  programId: string,
  pack: ResolvedPack,
): Promise<Map<string, string>> {
  const all = await listRoleHolders(db, programId, 'mediator');
  const active = new Set((await programMediators(db, programId)).map((m) => m.userId));
  const rule = pack.roster.value;
  const agency = rule.kind === 'directory' ? rule.excludeAgency : null;
  const { reasons } = await qualify(
    db,
    all.map((m) => ({ userId: m.id, name: m.name })),
    pack,
    [agency],
  );
  for (const m of all) if (!active.has(m.id)) reasons.set(m.id, 'Their account is turned off.');
  return reasons;
}
