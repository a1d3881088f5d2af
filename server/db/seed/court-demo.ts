import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { grantRole } from '../../modules/access/access.service.ts';
import { findUserByEmail } from '../../modules/accounts/accounts.service.ts';
import type { DemoWorld } from './demo.ts';

/**
 * The courts' part of the demo: the family program takes a second mediator onto its roster (Lucía
 * Marín, Rule 88.05-qualified in the directory), so that when an application disqualifies Helen
 * Park the program has someone else to choose. The courts' own clerks are demo people (demo.ts).
 */
export async function seedCourtDemo(deps: Deps, world: DemoWorld): Promise<void> {
  const lucia = await findUserByEmail(deps.db, 'demo-mediator-1@example.test');
  if (!lucia) return;
  await grantRole(deps.db, {
    id: newId(),
    userId: lucia.id,
    role: 'mediator',
    scope: world.programs.family.id,
    at: iso(deps.clock.now()),
    by: null,
  });
}
