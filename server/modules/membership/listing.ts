import type { Tx } from '../../db/database.ts';
import type { Deps } from '../../infra/deps.ts';

/**
 * The directory listing that full membership includes. Turned on when a membership whose tier
 * includes a listing becomes active, off when it lapses. The directory owns the profile; this
 * only tells it whether the association's listing benefit holds.
 */
export async function setListingBenefit(
  _tx: Tx,
  _deps: Deps,
  _input: { userId: string; listed: boolean; actorId: string | null },
): Promise<void> {
  // Wired to the directory once its listing switch exists (see server/modules/directory/).
}
