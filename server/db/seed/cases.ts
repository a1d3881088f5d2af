import type { Deps } from '../../infra/deps.ts';
import { buildUser } from './builders.ts';
import type { DemoWorld } from './demo.ts';
import { buildMediatorProfile, FAMILY_QUALIFIED } from './directory-builders.ts';

// Demo data for cases: the programs' mediators put on their rosters, so a parent's request can be
// matched with a mediator, and one mediator employed by a district to show that they are never
// offered on that district's cases.

const SPECIAL_EDUCATION = { specialEducation: true, courses: [{ hours: 16, kind: 'civil_core' as const }] };

export async function seedCasesDemo(deps: Deps, world: DemoWorld): Promise<void> {
  const { programs, people } = world;
  const mediator = people.mediator!;
  // The demo mediator works in the special-education and family programs.
  await buildMediatorProfile(deps, {
    userId: mediator.id,
    email: mediator.email,
    name: 'Helen Park',
    ...FAMILY_QUALIFIED,
    courses: [...(FAMILY_QUALIFIED.courses ?? []), { hours: 16, kind: 'civil_core' }],
    specialEducation: true,
  });
  const more = [
    { email: 'elena.ortiz@demo.parley.test', name: 'Elena Ortiz', employers: [] as string[] },
    { email: 'grace.kim@demo.parley.test', name: 'Grace Kim', employers: [] },
    {
      email: 'taylor.brooks@demo.parley.test',
      name: 'Taylor Brooks',
      employers: ['Riverside R-IV School District'],
    },
  ];
  for (const m of more) {
    const user = await buildUser(deps, {
      email: m.email,
      name: m.name,
      password: null,
      grants: [{ role: 'mediator', programId: programs.specialEducation.id }],
    });
    await buildMediatorProfile(deps, {
      userId: user.id,
      email: user.email,
      name: m.name,
      profile: { employers: m.employers },
      ...SPECIAL_EDUCATION,
    });
  }
}
