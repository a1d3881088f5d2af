import { ProfileBody } from '../../../contracts/directory-profiles.ts';
import type { CourseKind } from '../../../domain/eligibility.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import * as repo from '../../modules/directory/directory.repository.ts';
import { practiceOf, refreshProfile, writeProfile } from '../../modules/directory/directory.service.ts';
import { addTrainingCourse } from '../../modules/directory/training.service.ts';
import { inTransaction } from '../database.ts';
import { buildUser } from './builders.ts';

// Directory builders, shared by the tests and the demo seed: a profile written through the same
// service code a mediator's save uses, courses through addTrainingCourse, checks as staff would.

export type MediatorOptions = {
  userId?: string;
  email?: string;
  name?: string;
  profile?: Partial<ProfileBody>;
  courses?: { hours: number; kind: CourseKind; verified?: boolean; provider?: string; date?: string }[];
  credentialsVerified?: boolean;
  affidavit?: boolean;
  specialEducation?: boolean;
  federal?: { eastern?: boolean; western?: boolean };
};

/** A mediator with a profile and a training record; eligibility is computed, never set. */
export async function buildMediatorProfile(
  deps: Pick<Deps, 'db' | 'clock'>,
  options: MediatorOptions = {},
): Promise<{ userId: string; profileId: string; email: string; name: string }> {
  const name = options.name ?? options.profile?.displayName ?? 'Test Mediator';
  const user = options.userId
    ? { id: options.userId, email: options.email ?? '' }
    : await buildUser(deps, {
        name,
        password: null,
        grants: [{ role: 'member' }],
        ...(options.email ? { email: options.email } : {}),
      });
  // A person who already has a profile keeps what it says unless the options change it.
  const existing = await repo.findProfileByUser(deps.db, user.id);
  const body = ProfileBody.parse({
    ...(existing ? bodyOf(existing) : { displayName: name, counties: ['29077'] }),
    ...options.profile,
  });
  const now = deps.clock.now();
  const profileId = await inTransaction(deps.db, async (tx) => {
    const id = await writeProfile(tx, deps, { userId: user.id, body, actorId: null });
    for (const [i, c] of (options.courses ?? []).entries()) {
      await addTrainingCourse(tx, deps, {
        userId: user.id,
        provider: c.provider ?? 'Association of Missouri Mediators',
        date: c.date ?? `2024-0${(i % 9) + 1}-15`,
        hours: c.hours,
        kind: c.kind,
        verified: c.verified ?? true,
        source: 'staff',
      });
    }
    // Checks as staff (or the state coordinator) would record them; an option left out keeps what is there.
    const at = (on: boolean | undefined) => (on === undefined ? undefined : on ? iso(now) : null);
    const checks = {
      credentials_verified_at: at(options.credentialsVerified),
      affidavit_verified_at: at(options.affidavit),
      special_ed_admitted_at: at(options.specialEducation),
      federal_ed_at: at(options.federal?.eastern),
      federal_wd_at: at(options.federal?.western),
    };
    const set = Object.fromEntries(Object.entries(checks).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length > 0) await repo.updateProfile(tx, id, set);
    await refreshProfile(tx, id, now, null);
    return id;
  });
  return { userId: user.id, profileId, email: user.email, name };
}

/** A stored profile as the body that would write it again. */
function bodyOf(p: repo.ProfileRow): Partial<ProfileBody> {
  return {
    displayName: p.display_name,
    practiceName: p.practice_name,
    bio: p.bio,
    areas: p.areas,
    languages: p.languages,
    counties: p.counties,
    statewide: p.statewide === 1,
    ...practiceOf(p),
    contactPreference: p.contact_preference as ProfileBody['contactPreference'],
    phone: p.phone,
    website: p.website,
    employers: p.employers,
    degrees: p.degrees,
    barAdmissions: p.bar_admissions,
    published: p.published === 1,
  };
}

/** A record that meets Rule 17 and Rule 88.05 (an attorney with 24 hours of custody training). */
export const FAMILY_QUALIFIED: Pick<MediatorOptions, 'courses' | 'credentialsVerified' | 'affidavit'> & {
  profile: Partial<ProfileBody>;
} = {
  profile: { barAdmissions: [{ state: 'Missouri', year: 2008, number: '' }] },
  courses: [
    { hours: 20, kind: 'family_custody' },
    { hours: 4, kind: 'violence_power_imbalance' },
  ],
  credentialsVerified: true,
  affidavit: true,
};
