import type { ResolvedPack } from '../../../domain/rule-packs/index.ts';
import type { Executor } from '../../db/database.ts';
import type { CaseRow } from '../cases/cases.repository.ts';
import { eligibleMediators } from '../directory/roster.service.ts';

export type RosterEntry = { userId: string; name: string };

const programMediators = (db: Executor, programId: string) =>
  db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select(['users.id as userId', 'users.name'])
    .where('role_grants.role', '=', 'mediator')
    .where('role_grants.scope', '=', programId)
    .where('users.disabled_at', 'is', null)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();

/**
 * The mediators a case may be offered: the program's own mediators (the mediator role in the
 * program) who are also eligible by the directory's rules for the pack's roster. For special
 * education, anyone employed by the district involved or by DESE is left out (34 CFR 300.506(c)(1)).
 */
export async function caseRoster(db: Executor, c: CaseRow, pack: ResolvedPack): Promise<RosterEntry[]> {
  const own = await programMediators(db, c.program_id);
  const rule = pack.roster.value;
  if (rule.kind === 'program') return own;
  const details = JSON.parse(c.details) as { district?: { name?: string } };
  const exclude = [details.district?.name, rule.excludeAgency].filter((x): x is string => Boolean(x));
  const eligible = await eligibleMediators(db, { roster: rule.roster, excludeEmployers: exclude });
  const ownIds = new Set(own.map((m) => m.userId));
  return eligible.filter((m) => ownIds.has(m.userId)).map((m) => ({ userId: m.userId, name: m.name }));
}

/** When each mediator was last offered a case in the program, for rotation. */
export async function lastOffered(db: Executor, programId: string): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('cases')
    .select(['mediator_id', (eb) => eb.fn.max('mediator_offered_at').as('last')])
    .where('program_id', '=', programId)
    .where('mediator_id', 'is not', null)
    .groupBy('mediator_id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.mediator_id as string, String(r.last ?? '')]));
}
