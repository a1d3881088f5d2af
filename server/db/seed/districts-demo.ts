import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { insertDistrict } from '../../modules/programs/programs.repository.ts';
import type { DemoWorld } from './demo.ts';

/**
 * The demo special-education program's list of school districts: real Missouri districts by
 * name, each with a made-up address for mediation requests (the demo mails no one).
 */
export const DEMO_DISTRICTS = [
  ['Columbia Public Schools', 'mediation@columbia-schools.example'],
  ['Jefferson City Public Schools', 'special-education@jefferson-city-schools.example'],
  ['Kansas City Public Schools', 'mediation@kansas-city-schools.example'],
  ['Rockwood R-VI School District', 'special-education@rockwood-schools.example'],
  ['Special School District of St. Louis County', 'mediation@ssd-stlouis.example'],
  ['Springfield R-XII School District', 'special-education@springfield-schools.example'],
] as const;

export async function seedDistrictsDemo(deps: Deps, world: DemoWorld): Promise<void> {
  for (const [name, email] of DEMO_DISTRICTS)
    await insertDistrict(deps.db, {
      id: newId(),
      program_id: world.programs.specialEducation.id,
      name,
      email,
      created_at: iso(deps.clock.now()),
    });
}
