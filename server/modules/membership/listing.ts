import type { Tx } from '../../db/database.ts';
import type { Deps } from '../../infra/deps.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { listingOf, setListed } from '../directory/directory.service.ts';
import * as repo from './membership.repository.ts';

/**
 * The directory listing that full membership includes, switched with the membership's state.
 * The directory owns the profile and its `published` flag (the mediator's own choice); this asks
 * the directory (which rebuilds the search facets) to:
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
  const profile = await listingOf(tx, input.userId);
  const membership = await repo.findListingHold(tx, input.userId);
  if (!profile || !membership) return;
  // Take it down (and remember that), or put back what a lapse took down; otherwise leave it.
  const hold = !input.listed && profile.published;
  if (!hold && !(input.listed && membership.listing_held === 1)) return;
  await setListed(tx, profile.profileId, input.listed, now, input.actorId);
  await repo.setListingHeld(tx, membership.id, hold);
  await recordAudit(tx, {
    kind: hold ? 'membership.listing_held' : 'membership.listing_restored',
    at: now,
    actorId: input.actorId,
    subjectType: 'directory_profile',
    subjectId: profile.profileId,
    data: { membershipId: membership.id },
  });
}
