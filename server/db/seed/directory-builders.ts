import type { CourseKind } from '../../../domain/eligibility.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import * as repo from '../../modules/directory/directory.repository.ts';
import { ProfileBody } from '../../modules/directory/directory.schemas.ts';
import { refreshProfile, writeProfile } from '../../modules/directory/directory.service.ts';
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
  const body = ProfileBody.parse({ displayName: name, counties: ['29077'], ...options.profile });
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
    await repo.updateProfile(tx, id, {
      credentials_verified_at: options.credentialsVerified ? iso(now) : null,
      affidavit_verified_at: options.affidavit ? iso(now) : null,
      special_ed_admitted_at: options.specialEducation ? iso(now) : null,
      federal_ed_at: options.federal?.eastern ? iso(now) : null,
      federal_wd_at: options.federal?.western ? iso(now) : null,
    });
    await refreshProfile(tx, id, now, null);
    return id;
  });
  return { userId: user.id, profileId, email: user.email, name };
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
