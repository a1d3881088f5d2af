import { circuitScope } from '../../../domain/roles.ts';
import type { Deps } from '../../infra/deps.ts';
import { seedAssociation } from './association.ts';
import { buildProgram, buildUser } from './builders.ts';
import { seedCaseJourneysDemo } from './case-journeys.ts';
import { seedCasesDemo } from './cases.ts';
import { seedCourtDemo } from './court-demo.ts';
import { DEMO_SIGN_INS } from './demo-people.ts';
import { seedDirectoryDemo } from './directory-demo.ts';
import { seedDistrictsDemo } from './districts-demo.ts';
import { seedNegotiationDemo } from './negotiation-demo.ts';

export type DemoWorld = {
  programs: Record<
    'specialEducation' | 'family' | 'civil' | 'community' | 'association',
    { id: string; name: string }
  >;
  people: Record<string, { id: string; email: string }>;
};

/** Areas add their demo data here, after the programs and people exist. */
type DemoSeeder = (deps: Deps, world: DemoWorld) => Promise<void>;
const AREA_SEEDERS: DemoSeeder[] = [
  seedCasesDemo,
  seedDirectoryDemo,
  seedAssociation,
  seedCaseJourneysDemo,
  seedNegotiationDemo,
  seedDistrictsDemo,
  seedCourtDemo,
];

const person = (email: string) => {
  const p = DEMO_SIGN_INS.find((s) => s.email === email);
  if (!p) throw new Error(`no demo sign-in ${email}`);
  return p;
};

/** Seeds the demo programs and one person per role, only into an empty database. */
export async function seedDemoIfEmpty(deps: Deps): Promise<boolean> {
  const anyone = await deps.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyone) return false;
  await seedDemo(deps);
  return true;
}

export async function seedDemo(deps: Deps): Promise<DemoWorld> {
  const programs = {
    specialEducation: await buildProgram(deps, {
      kind: 'special_education',
      slug: 'dese-special-education',
      name: 'Missouri Special Education Mediation (DESE)',
      description:
        'Free, voluntary mediation for disagreements between parents and school districts about a child’s identification, evaluation, educational placement or services. The state pays for it.',
    }),
    family: await buildProgram(deps, {
      kind: 'family',
      slug: 'circuit-16-family',
      name: '16th Circuit Family Mediation (Jackson County)',
      description:
        'Court-ordered mediation of custody, parenting time, child support, maintenance and property under Rule 88.',
    }),
    civil: await buildProgram(deps, {
      kind: 'civil',
      slug: 'circuit-7-civil',
      name: '7th Circuit Civil Mediation (Clay County)',
      description:
        'Court-referred mediation of civil claims, small claims and landlord–tenant cases under Rule 17.',
    }),
    community: await buildProgram(deps, {
      kind: 'community',
      slug: 'ozarks-community-mediation',
      name: 'Ozarks Community Mediation Center',
      description:
        'Free or sliding-scale mediation for neighbors, tenants and landlords, families and workplaces.',
    }),
    association: await buildProgram(deps, {
      kind: 'association',
      slug: 'association-of-missouri-mediators',
      name: 'Association of Missouri Mediators',
      description: 'Trains, lists and supports Missouri’s mediators.',
    }),
  };
  const make = async (email: string, grants: NonNullable<Parameters<typeof buildUser>[1]>['grants']) => {
    const p = person(email);
    return buildUser(deps, { email: p.email, name: p.name, password: p.password, grants });
  };
  const people = {
    coordinator: await make('coordinator@demo.parley.test', [
      { role: 'coordinator', programId: programs.specialEducation.id },
    ]),
    familyCoordinator: await make('family.coordinator@demo.parley.test', [
      { role: 'coordinator', programId: programs.family.id },
    ]),
    civilCoordinator: await make('civil.coordinator@demo.parley.test', [
      { role: 'coordinator', programId: programs.civil.id },
    ]),
    communityCoordinator: await make('community.coordinator@demo.parley.test', [
      { role: 'coordinator', programId: programs.community.id },
      { role: 'mediator', programId: programs.community.id },
    ]),
    mediator: await make('mediator@demo.parley.test', [
      { role: 'mediator', programId: programs.specialEducation.id },
      { role: 'mediator', programId: programs.family.id },
      { role: 'member' },
    ]),
    parent: await make('parent@demo.parley.test', [{ role: 'party' }]),
    district: await make('district@demo.parley.test', [{ role: 'party' }]),
    advocate: await make('advocate@demo.parley.test', [{ role: 'advocate' }]),
    attorney: await make('attorney@demo.parley.test', [{ role: 'attorney' }]),
    staff: await make('staff@demo.parley.test', [{ role: 'staff' }]),
    member: await make('member@demo.parley.test', [{ role: 'member' }]),
    admin: await make('admin@demo.parley.test', [{ role: 'admin' }]),
    // The courts that refer the family (16th Circuit, Jackson County) and civil (7th Circuit, Clay
    // County) programs' cases: each clerk sees their circuit's referrals only.
    familyCourt: await make('court.family@demo.parley.test', [{ role: 'court', scope: circuitScope(16) }]),
    civilCourt: await make('court.civil@demo.parley.test', [{ role: 'court', scope: circuitScope(7) }]),
  };
  const world: DemoWorld = { programs, people };
  for (const seed of AREA_SEEDERS) await seed(deps, world);
  return world;
}
