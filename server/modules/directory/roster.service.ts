import { normalizeEmployer, type Roster } from '../../../domain/eligibility.ts';
import type { Executor } from '../../db/database.ts';
import * as repo from './directory.repository.ts';
import { ELIG_COLUMN } from './directory.service.ts';

/**
 * Mediators eligible for a roster, by name, for the cases area to build a case's roster.
 * Eligibility is the stored result of domain/eligibility.ts. For special education, a mediator
 * employed by any organisation in excludeEmployers (the district, the state agency) is left out:
 * 34 CFR 300.506(c)(1), the mediator may not be an employee of the SEA or the LEA involved.
 * Employers are compared with normalizeEmployer, so spelling variants still exclude.
 */
export async function eligibleMediators(
  db: Executor,
  input: { roster: Roster; excludeEmployers?: string[]; limit?: number },
): Promise<{ userId: string; profileId: string; name: string }[]> {
  const excluded = new Set((input.excludeEmployers ?? []).map(normalizeEmployer).filter((k) => k.length > 0));
  const rows = await repo.listRoster(db, ELIG_COLUMN[input.roster]);
  const result: { userId: string; profileId: string; name: string }[] = [];
  for (const row of rows) {
    if (row.employer_keys.some((k) => excluded.has(k))) continue;
    result.push({ userId: row.user_id, profileId: row.id, name: row.display_name });
    if (input.limit !== undefined && result.length >= input.limit) break;
  }
  return result;
}
