import type { Tx } from '../../db/database.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as directoryRepo from '../directory/directory.repository.ts';
import { refreshProfile } from '../directory/directory.service.ts';

/**
 * The directory listing that full membership includes, switched with the membership's state.
 * The directory owns the profile and its `published` flag (the mediator's own choice); this uses
 * the directory's repository and its refreshProfile (which rebuilds the search facets) to:
 *  - take a published listing down when the membership lapses, remembering that it did
 *    (memberships.listing_held), and
 *  - put it back when the membership is active again, only if the lapse took it down: a
 *    mediator who chose to stay unlisted stays unlisted.
 * A mediator publishes a profile for the first time themselves, from the directory's profile page.
 */
export async function setListingBenefit(
  tx: Tx,
  deps: Pick<Deps, 'clock'>,
  input: { userId: string; listed: boolean; actorId: string | null },
): Promise<void> {
  const now = deps.clock.now();
  const profile = await directoryRepo.findProfileByUser(tx, input.userId);
  const membership = await tx
    .selectFrom('memberships')
    .select(['id', 'listing_held'])
    .where('user_id', '=', input.userId)
    .executeTakeFirst();
  if (!profile || !membership) return;
  if (!input.listed && profile.published === 1) {
    await directoryRepo.updateProfile(tx, profile.id, { published: 0, updated_at: iso(now) });
    await tx.updateTable('memberships').set({ listing_held: 1 }).where('id', '=', membership.id).execute();
    await refreshProfile(tx, profile.id, now, input.actorId);
    await recordAudit(tx, {
      kind: 'membership.listing_held',
      at: now,
      actorId: input.actorId,
      subjectType: 'directory_profile',
      subjectId: profile.id,
      data: { membershipId: membership.id },
    });
  } else if (input.listed && membership.listing_held === 1) {
    await directoryRepo.updateProfile(tx, profile.id, { published: 1, updated_at: iso(now) });
    await tx.updateTable('memberships').set({ listing_held: 0 }).where('id', '=', membership.id).execute();
    await refreshProfile(tx, profile.id, now, input.actorId);
    await recordAudit(tx, {
      kind: 'membership.listing_restored',
      at: now,
      actorId: input.actorId,
      subjectType: 'directory_profile',
      subjectId: profile.id,
      data: { membershipId: membership.id },
    });
  }
}
