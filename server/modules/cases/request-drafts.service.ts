import { RequestDraft } from '../../../contracts/request-drafts.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { DAY, iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { sealUnderMasterKey, unsealUnderMasterKey } from '../keys/keys.service.ts';
import * as repo from './request-drafts.repository.ts';

/**
 * A signed-in person's unsent request for mediation, kept as they write it so that no word is
 * lost (on signing in, on another device, after a closed tab). Its words are the request's, as
 * confidential as the case's: sealed at rest, never audited, logged or e-mailed. Sending the
 * request removes it (createCase); so does deleting the account (the row cascades), and a draft
 * untouched for DRAFT_KEPT_DAYS goes with the daily job.
 */
export async function getRequestDraft(deps: Deps, actor: Actor | null) {
  requireActor(actor);
  const row = await repo.findRequestDraft(deps.db, actor.userId);
  const text = row ? unsealUnderMasterKey(deps.config, row.master_key_id, row.sealed) : null;
  // A draft sealed under a master key this server no longer holds reads as none: it was a draft.
  const draft = text === null ? null : RequestDraft.safeParse(JSON.parse(text));
  return draft?.success ? { draft: draft.data, savedAt: row!.updated_at } : { draft: null, savedAt: null };
}

export async function saveRequestDraft(deps: Deps, actor: Actor | null, draft: RequestDraft) {
  requireActor(actor);
  const savedAt = iso(deps.clock.now());
  await inTransaction(deps.db, async (tx) => {
    const { sealed, masterKeyId } = await sealUnderMasterKey(tx, deps, JSON.stringify(draft));
    await repo.putRequestDraft(tx, {
      user_id: actor.userId,
      sealed,
      master_key_id: masterKeyId,
      updated_at: savedAt,
    });
  });
  return { savedAt };
}

export async function deleteRequestDraft(deps: Deps, actor: Actor | null) {
  requireActor(actor);
  await repo.deleteRequestDraft(deps.db, actor.userId);
}

/** A draft no one has touched for this long is thrown away: unsent words are not kept forever. */
export const DRAFT_KEPT_DAYS = 90;

/** The daily job: removes drafts untouched for DRAFT_KEPT_DAYS; answers how many went. */
export async function purgeStaleRequestDrafts(deps: Pick<Deps, 'db' | 'clock'>) {
  return repo.deleteDraftsSavedBefore(
    deps.db,
    iso(new Date(deps.clock.now().getTime() - DRAFT_KEPT_DAYS * DAY)),
  );
}

/** Sending the request ends its draft (inside the request's transaction). */
export const endRequestDraft = (tx: Executor, userId: string) => repo.deleteRequestDraft(tx, userId);

/** A person's draft for their data export: the words they typed, unsealed. */
export async function requestDraftOf(deps: Pick<Deps, 'db' | 'config'>, userId: string) {
  const row = await repo.findRequestDraft(deps.db, userId);
  const text = row ? unsealUnderMasterKey(deps.config, row.master_key_id, row.sealed) : null;
  return text === null ? null : { draft: JSON.parse(text) as unknown, savedAt: row!.updated_at };
}
