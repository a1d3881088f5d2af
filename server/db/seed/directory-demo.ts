import type { Deps } from '../../infra/deps.ts';
import * as repo from '../../modules/directory/directory.repository.ts';
import { buildMediatorProfile, FAMILY_QUALIFIED } from './directory-builders.ts';
import { seedSyntheticDirectory } from './directory-generator.ts';

// The demo's Find a Mediator: about 300 clearly fictional mediators across Missouri (no accounts:
// their people have no password), a cluster a parent in Greene County can find in Spanish, a few
// employed by a school district, and the demo mediator's own full profile. Eligibility is computed
// from their training records like anyone's.

type World = { people: Record<string, { id: string; email: string }> };

const GREENE_COUNTY_FAMILY = [
  ['Lucía Marín', 'Marín Family Mediation', ['29077', '29043', '29225']],
  ['Mateo Herrera', 'Ozarks Bilingual Mediation', ['29077', '29167']],
  ['Rosa Delacroix-Vega', '', ['29077']],
  ['Tomás Aguirre', 'Aguirre Mediation', ['29077', '29043', '29209', '29213']],
  ['Valeria Ortega', 'Springfield Family Mediation Center', ['29077', '29225', '29059']],
  ['Gabriel Soto', '', ['29077', '29109']],
  ['Elena Campos', 'Campos Co-Parenting Mediation', ['29077', '29043']],
  ['Iván Reyes-Whitman', 'Show-Me Family Mediation', ['29077', '29085', '29167']],
  ['Paula Ibáñez', '', ['29077']],
  ['Sofía Quintana', 'Quintana Mediation', ['29077', '29043', '29067']],
] as const;

export async function seedDirectoryDemo(deps: Deps, world: World): Promise<void> {
  await seedSyntheticDirectory(deps.db, 285, 2026);

  for (const [i, [name, practice, counties]] of GREENE_COUNTY_FAMILY.entries()) {
    await buildMediatorProfile(deps, {
      name,
      email: `demo-mediator-${i + 1}@example.test`,
      ...FAMILY_QUALIFIED,
      profile: {
        ...FAMILY_QUALIFIED.profile,
        ...(i % 3 === 1
          ? {
              barAdmissions: [],
              degrees: [{ title: 'MSW', field: 'social_work', institution: '', year: 2009 }],
            }
          : {}),
        practiceName: practice,
        bio: `Bilingual family mediation in Spanish and English. I help parents agree on parenting plans, parenting time and support, in person in southwest Missouri${i % 2 ? ' or by video' : ''}.`,
        areas: ['family', 'child_custody', ...(i % 4 === 0 ? (['elder_probate'] as const) : [])],
        languages: ['en', 'es'],
        counties: [...counties],
        remote: i % 2 === 1,
        slidingScale: i !== 9,
        hourlyRate: 90 + i * 10,
        freeService: i === 4,
        acceptingCases: i !== 7,
        yearsPractice: 3 + i * 2,
      },
      courses: [
        { hours: 24, kind: 'civil_core', provider: 'Association of Missouri Mediators' },
        { hours: 36, kind: 'family_custody', provider: 'Association of Missouri Mediators' },
        { hours: 4, kind: 'violence_power_imbalance', provider: 'Association of Missouri Mediators' },
      ],
    });
  }

  // Employed by a school district: on the special-education list, never offered for that district's cases.
  for (const [i, name] of ['Corinne Vale', 'Desmond Pike', 'Harriet Lund'].entries()) {
    await buildMediatorProfile(deps, {
      name,
      email: `demo-district-${i + 1}@example.test`,
      profile: {
        practiceName: '',
        bio: 'Special-education mediation: evaluations, IEP services and placement. I work for a school district, so I do not mediate that district’s cases.',
        areas: ['special_education', 'community'],
        counties: ['29077', '29043'],
        employers: ['Springfield R-12 School District'],
        acceptingCases: true,
        freeService: true,
      },
      courses: [
        { hours: 16, kind: 'civil_core' },
        { hours: 12, kind: 'special_education' },
      ],
      specialEducation: true,
    });
  }

  // The demo mediator (mediator@demo.parley.test): Rule 17, Rule 88.05 and the state list. The
  // cases seeder may have given her a minimal record to put her on rosters; this one replaces it.
  const mine = await repo.findProfileByUser(deps.db, world.people.mediator!.id);
  if (mine) await deps.db.deleteFrom('directory_courses').where('profile_id', '=', mine.id).execute();
  await buildMediatorProfile(deps, {
    userId: world.people.mediator!.id,
    email: world.people.mediator!.email,
    name: 'Helen Park',
    profile: {
      displayName: 'Helen Park',
      practiceName: 'Park Mediation',
      bio: 'Licensed clinical social worker and mediator since 2012. I mediate family matters, custody and parenting plans, special-education disagreements between parents and schools, and civil disputes. Sessions in English or Spanish, in Springfield or by video.',
      areas: ['family', 'child_custody', 'special_education', 'civil', 'community'],
      languages: ['en', 'es'],
      counties: ['29077', '29043', '29225', '29167'],
      inPerson: true,
      remote: true,
      hourlyRate: 120,
      slidingScale: true,
      acceptingCases: true,
      yearsPractice: 14,
      degrees: [{ title: 'MSW', field: 'social_work', institution: 'Missouri State University', year: 2010 }],
      barAdmissions: [],
    },
    courses: [
      { hours: 24, kind: 'civil_core', provider: 'Association of Missouri Mediators', date: '2012-03-10' },
      {
        hours: 40,
        kind: 'family_custody',
        provider: 'Association of Missouri Mediators',
        date: '2012-09-15',
      },
      {
        hours: 4,
        kind: 'violence_power_imbalance',
        provider: 'Association of Missouri Mediators',
        date: '2012-09-16',
      },
      {
        hours: 8,
        kind: 'special_education',
        provider: 'DESE special-education mediation training',
        date: '2015-06-02',
      },
      {
        hours: 6,
        kind: 'continuing_education',
        provider: 'Association of Missouri Mediators',
        date: '2025-04-11',
      },
    ],
    credentialsVerified: true,
    affidavit: true,
    specialEducation: true,
  });
}
