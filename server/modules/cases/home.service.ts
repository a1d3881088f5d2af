import type { HomeCase, MyHome, PendingInvitation } from '../../../contracts/cases.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { translator } from '../../../i18n/i18n.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, requireActor } from '../access/access.service.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { pendingInvitationsTo } from '../invitations/invitations.service.ts';
import { findPrograms } from '../programs/programs.service.ts';
import * as repo from './cases.repository.ts';
import { caseTitles, getCase } from './cases.service.ts';

/**
 * A party's home after sign-in: each case they take part in with its stage and next step (the
 * very answer of their case page, so the two never disagree), and the invitations sent to their
 * e-mail address still waiting for an answer. The cases they mediate are on the mediator's desk.
 * Its words are in `language`, the reader's.
 */
export async function getMyHome(
  deps: Deps,
  actor: Actor | null,
  language: Language = DEFAULT_LANGUAGE,
): Promise<MyHome> {
  requireActor(actor);
  const rows = (await repo.listCasesForUser(deps.db, actor.userId)).filter(
    (r) => r.mediator_id !== actor.userId,
  );
  const cases: HomeCase[] = [];
  for (const r of rows) {
    const c = await getCase(deps, actor, r.id, language);
    if (c.viewer.kind !== 'party' && c.viewer.kind !== 'companion') continue;
    cases.push({
      id: c.id,
      reference: c.reference,
      title: c.title,
      programName: c.programName,
      stage: c.stateLabel,
      closed: c.closed,
      next: c.next,
      hasPromises: c.mediation.agreementSigned,
    });
  }
  const rank = (c: HomeCase) => (c.next.who === 'you' ? 0 : c.closed && !c.hasPromises ? 2 : 1);
  cases.sort((a, b) => rank(a) - rank(b));
  const user = await findUser(deps.db, actor.userId);
  return { cases, invitations: user ? await invitationsFor(deps, user.email, language) : [] };
}

/** Invitations sent to an address still waiting for an answer, in words (the home and the mediator's desk). */
export async function invitationsFor(
  deps: Deps,
  email: string,
  language: Language = DEFAULT_LANGUAGE,
): Promise<PendingInvitation[]> {
  const t = translator(language, 'caseview');
  const rows = await pendingInvitationsTo(deps.db, email, deps.clock.now());
  const programs = new Map(
    (await findPrograms(deps.db, [...new Set(rows.map((r) => r.scope))])).map((p) => [p.id, p.name]),
  );
  const titles = await caseTitles(
    deps.db,
    rows.flatMap((r) => (r.case_id ? [r.case_id] : [])),
  );
  return rows.map((r) => {
    const programName = programs.get(r.scope) ?? null;
    const caseReference = r.case_id ? (titles.get(r.case_id)?.reference ?? null) : null;
    return {
      id: r.id,
      about: caseReference
        ? t('invitation.toCase', { reference: caseReference })
        : t('invitation.toProgram', { program: programName ?? 'Parley' }),
      programName,
      caseReference,
      invitedBy: r.invited_by_name ?? null,
      sentTo: r.email,
      sentAt: r.created_at,
      expiresAt: r.expires_at,
    };
  });
}
