import type { MoveRequest } from '../../../contracts/sessions.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { formatMissouriDateTime } from '../../../domain/missouri-time.ts';
import { translator } from '../../../i18n/i18n.ts';
import type { Executor } from '../../db/database.ts';
import { refusalOf } from '../../http/errors.ts';
import type { Deps } from '../../infra/deps.ts';
import type { CaseAccess } from '../cases/case-access.ts';
import { caseKey, unseal } from '../keys/keys.service.ts';
import { readsMoveRequest, requireMoveAnswerable } from './move-requests.policy.ts';
import * as repo from './move-requests.repository.ts';
import type { SessionRow } from './sessions.repository.ts';
import { sessionKindLabel } from './sessions.view.ts';

/**
 * A request to move a session as its reader sees it: the reason and note opened from their sealed
 * form, its time and who asked in the reader's language.
 */
export function presentMoveRequest(
  ctx: CaseAccess,
  key: Buffer,
  r: repo.MoveRequestRow,
  session: Pick<SessionRow, 'kind'> | undefined,
  language: Language = DEFAULT_LANGUAGE,
): MoveRequest {
  return {
    id: r.id,
    sessionId: r.session_id,
    sessionLabel: session
      ? sessionKindLabel(session.kind, language)
      : translator(language, 'sessions')('session'),
    fromShown: formatMissouriDateTime(r.from_starts_at, language),
    askedBy:
      ctx.participants.find((p) => p.id === r.participant_id)?.name ??
      translator(language, 'caseview')('moveRequest.askedByGone'),
    mine: r.participant_id === ctx.viewer.participantId,
    reason: unseal(key, r.reason_enc),
    status: r.status,
    answer: r.answer,
    note: r.note_enc === null ? null : unseal(key, r.note_enc),
    askedAt: r.created_at,
    answeredAt: r.answered_at,
    can: {
      accept: refusalOf(() => requireMoveAnswerable(ctx, r)) === null,
      decline: refusalOf(() => requireMoveAnswerable(ctx, r)) === null,
    },
  };
}

/** The requests the viewer reads on a case: every one for the mediators, a party's own. */
export async function moveRequestsFor(
  db: Executor,
  deps: Pick<Deps, 'config' | 'clock'>,
  ctx: CaseAccess,
  sessions: readonly SessionRow[],
  language: Language = DEFAULT_LANGUAGE,
): Promise<MoveRequest[]> {
  const rows = (await repo.listMoveRequests(db, ctx.c.id)).filter((r) => readsMoveRequest(ctx, r));
  if (!rows.length) return [];
  const key = await caseKey(db, deps, ctx.c.id);
  return rows.map((r) =>
    presentMoveRequest(
      ctx,
      key,
      r,
      sessions.find((s) => s.id === r.session_id),
      language,
    ),
  );
}
