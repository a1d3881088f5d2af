import type { InvitationCase } from '../../../contracts/invitations.ts';
import { checkAttendance } from '../../../domain/attendance.ts';
import { type CaseEvent, canTransition } from '../../../domain/case-lifecycle.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../../domain/languages.ts';
import { missouriDate } from '../../../domain/missouri-time.ts';
import { OPT_OUT_EFFECT, optOutWindow, refuseOptOut } from '../../../domain/opt-out.ts';
import type { ResolvedPack } from '../../../domain/rule-packs/index.ts';
import { translator } from '../../../i18n/i18n.ts';
import { packWords } from '../../../i18n/pack-words.ts';
import { inTransaction, type Tx } from '../../db/database.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { type Actor, loadGrants } from '../access/access.service.ts';
import { findUser } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  onInvitationAccepted,
  onInvitationDeclined,
  onInvitationPreview,
} from '../invitations/answers.service.ts';
import {
  beginByOf,
  type CaseAccess,
  loadCase,
  moveCase,
  packForCase,
  recordCaseAudit,
} from './case-access.ts';
import { CASE_EMAILS } from './cases.emails.ts';
import { mayAnswerRequest, mayBeDeclined, mayOptOut, mayWithdraw } from './cases.policy.ts';
import * as repo from './cases.repository.ts';
import { CASE_INVITE_PURPOSE } from './intake.service.ts';
import {
  joined,
  notifyCase,
  notifyCoordinators,
  notifyCourt,
  notifyMediator,
  notifyPeople,
} from './notify.ts';
import { attendanceRefused } from './participants.service.ts';

/** Joining a case by its e-mailed link: the invited person becomes that participant. */
onInvitationAccepted(CASE_INVITE_PURPOSE, async (tx, deps, accepted) => {
  if (!accepted.caseId) return;
  const p = await repo.findParticipantByInvitation(tx, accepted.caseId, accepted.invitationId);
  const c = await repo.lockCase(tx, accepted.caseId);
  if (!p || !c) return;
  const { pack } = await packForCase(tx, c);
  // The account that joins is held to the pack's attendance rules: an attorney's account cannot
  // join as an advocate where attorneys may not attend.
  if (p.role !== 'party') {
    const accountRoles = (await loadGrants(tx, accepted.userId)).map((g) => g.role);
    const refusal = checkAttendance(pack, {
      role: p.role,
      isAttorney: p.is_attorney === 1,
      accountRoles,
      companions: 0,
      bothAgreedToMore: true,
    });
    if (refusal) throw attendanceRefused(refusal);
  }
  const user = await findUser(tx, accepted.userId);
  await repo.updateParticipant(tx, p.id, {
    user_id: accepted.userId,
    status: 'active',
    email: user?.email ?? p.email,
  });
  const now = deps.clock.now();
  await recordAudit(tx, {
    kind: 'case.participant_joined',
    at: now,
    actorId: accepted.userId,
    programId: c.program_id,
    caseId: c.id,
    subjectType: 'case_participant',
    subjectId: p.id,
    data: { side: p.side, role: p.role },
  });
  // The party asked to mediate answers by accepting: on a voluntary case accepting is their yes
  // (the invitation page says so, and asks nothing twice); a court-referred case needs no consent,
  // so joining is taking part.
  if (p.side === 'respondent' && p.role === 'party' && c.state === 'awaiting_other_party') {
    await moveCase(tx, deps, c, 'other_party_agrees', accepted.userId, { consented_at: iso(now) });
    await notifyPeople(
      tx,
      deps,
      c,
      joined(await repo.listParticipants(tx, c.id)),
      mayBeDeclined(pack) ? CASE_EMAILS.agreed(c.reference, p.name) : CASE_EMAILS.screeningOpen(p.name),
    );
  }
});

/**
 * What the person who asked can do once the invitation is declined (the pack's next steps, said
 * to them as "You can …"), told to the invited reader about them ("They can …") in `language`.
 * A step the catalog does not hold as the pack says it reads as the pack writes it.
 */
export function theirNextSteps(pack: Pick<ResolvedPack, 'id' | 'nextSteps'>, language: Language): string[] {
  const t = translator(language, 'case');
  const english = translator(DEFAULT_LANGUAGE, 'case');
  return pack.nextSteps.value.map((step, i) => {
    const key = `invite.about.theyCan.${pack.id}.${i}`;
    return english(key) === step.replace(/^You can /, 'They can ') ? t(key) : step;
  });
}

/** The invitation page's account of a case invitation, in the reader's language: who asked, the request, what answering means. */
onInvitationPreview(CASE_INVITE_PURPOSE, async (db, invitation, language) => {
  if (!invitation.caseId) return null;
  const c = await repo.findCase(db, invitation.caseId);
  const p = c ? await repo.findParticipantByInvitation(db, c.id, invitation.invitationId) : undefined;
  if (!c || !p) return null;
  const { pack } = await packForCase(db, c);
  const t = translator(language, 'case');
  const people = await repo.listParticipants(db, c.id);
  const requester = people.find((x) => x.side === 'requester' && x.role === 'party');
  const askedBy = requester ? (requester.organization ?? requester.name) : t('invite.about.theProgram');
  // The person the request asks to mediate reads it; others invited to the case join a side.
  const asked = p.side === 'respondent' && p.role === 'party';
  const voluntary = mayBeDeclined(pack);
  const issue = packWords(language, pack.id).issue;
  const facts =
    c.details.form === 'special_education'
      ? [
          { label: t('invite.about.factStudent'), value: c.details.student.name },
          ...(c.details.student.school
            ? [{ label: t('invite.about.factSchool'), value: c.details.student.school }]
            : []),
          { label: t('invite.about.factDistrict'), value: c.details.district.name },
          {
            label: t('invite.about.factAbout'),
            value: pack.issueTemplates.value
              .filter((i) => c.details.form === 'special_education' && c.details.categories.includes(i.id))
              .map(issue)
              .join('; '),
          },
        ]
      : c.details.form === 'court_referral'
        ? [
            { label: t('invite.about.factCourt'), value: c.details.court },
            { label: t('invite.about.factCaseNumber'), value: c.details.caseNumber },
          ]
        : [];
  const caseInvitation: InvitationCase = {
    reference: c.reference,
    askedBy,
    request: asked ? { title: c.title, facts, description: c.details.description } : null,
    acceptLabel: t(asked && voluntary ? 'invite.about.acceptYes' : 'invite.about.acceptJoin'),
    acceptMeans: !asked
      ? t('invite.about.meansHelp', { side: p.side, askedBy })
      : voluntary
        ? t('invite.about.meansVoluntary', {
            who: p.organization ? 'organization' : 'you',
            organization: p.organization ?? '',
            cite: pack.consent.cite,
          })
        : t('invite.about.meansCourt', {
            cite: pack.consent.cite,
            optOut: pack.optOut.value.allowed ? 'yes' : 'no',
          }),
    declineMeans:
      !voluntary && asked
        ? null
        : asked
          ? t('invite.about.declineCloses', { askedBy })
          : t('invite.about.declineNotAdded'),
    declineNextSteps: asked && voluntary ? theirNextSteps(pack, language) : [],
    courtReferred: !voluntary,
  };
  return { case: caseInvitation, canDecline: !asked || voluntary };
});

/** A lifecycle step the case can take from where it stands, or INVALID_TRANSITION. */
function requireStep(ctx: Pick<CaseAccess, 'c'>, event: CaseEvent, message: string) {
  if (!canTransition(ctx.c.state, event)) throw new AppError('INVALID_TRANSITION', message);
}

/** The other side's party answers while the request waits for them. */
export function requireAnswerer(ctx: Pick<CaseAccess, 'c' | 'viewer'>) {
  if (!mayAnswerRequest(ctx.viewer))
    throw forbidden('Only the person asked to mediate can answer this request.');
  requireStep(ctx, 'other_party_agrees', 'This request has already been answered.');
}

/** Only a voluntary mediation can be declined. */
export function requireDeclinable(pack: ResolvedPack) {
  if (!mayBeDeclined(pack)) {
    throw new AppError(
      'RULE_VIOLATION',
      `The court referred this case to mediation, so it cannot be declined here (${pack.consent.cite}).${pack.optOut.value.allowed ? ' You can file a written opt-out request instead.' : ''}`,
    );
  }
}

/** The other side agrees to mediate, or declines (only where the pack makes mediation voluntary). */
export async function respondToRequest(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: { decision: 'agree' | 'decline'; reason?: string | undefined },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer } = ctx;
    requireAnswerer(ctx);
    const now = deps.clock.now();
    if (input.decision === 'agree') {
      await moveCase(tx, deps, c, 'other_party_agrees', viewer.userId, { consented_at: iso(now) });
      await notifyCase(tx, deps, ctx, CASE_EMAILS.agreed(c.reference, ctx.actor.name));
      return { state: c.state };
    }
    await closeAsDeclined(tx, deps, ctx, { name: ctx.actor.name, userId: viewer.userId, reason: null });
    return { state: c.state };
  });
}

/**
 * The other side says no: only where the pack makes mediation voluntary. The case closes as
 * declined; the requester is told in plain words what they can do next; the program is told.
 */
async function closeAsDeclined(
  tx: Tx,
  deps: Deps,
  ctx: Pick<CaseAccess, 'c' | 'pack' | 'participants'>,
  by: { name: string; userId: string | null; reason: string | null },
) {
  const { c, pack } = ctx;
  requireDeclinable(pack);
  const now = deps.clock.now();
  await moveCase(tx, deps, c, 'other_party_declines', by.userId, {
    closed_at: iso(now),
    close_reason: 'declined',
  });
  await notifyCase(
    tx,
    deps,
    ctx,
    CASE_EMAILS.declined(c.reference, by.name, pack.nextSteps.value),
    'requester',
  );
  await notifyCoordinators(tx, deps, c, CASE_EMAILS.declinedToProgram(c.reference, by.reason));
}

/**
 * Saying no from the e-mailed link, without an account. The other party's no closes a voluntary
 * case as declined (a court-referred case cannot be declined); anyone else invited to the case
 * (an advocate, a support person) simply is not added.
 */
onInvitationDeclined(CASE_INVITE_PURPOSE, async (tx, deps, declined) => {
  if (!declined.caseId) return;
  const c = await repo.lockCase(tx, declined.caseId);
  const p = c ? await repo.findParticipantByInvitation(tx, c.id, declined.invitationId) : undefined;
  if (!c || !p) return;
  const { pack } = await packForCase(tx, c);
  if (p.side === 'respondent' && p.role === 'party') {
    const participants = await repo.listParticipants(tx, c.id);
    await closeAsDeclined(
      tx,
      deps,
      { c, pack, participants },
      { name: p.name, userId: null, reason: declined.reason },
    );
    return;
  }
  await repo.updateParticipant(tx, p.id, { status: 'removed' });
  await recordAudit(tx, {
    kind: 'case.participant_declined',
    at: deps.clock.now(),
    actorId: null,
    programId: c.program_id,
    caseId: c.id,
    subjectType: 'case_participant',
    subjectId: p.id,
    data: { side: p.side, role: p.role },
  });
});

/**
 * Rule 17.03(b): counsel for a party, having conferred with their client, the other attorneys and
 * the unrepresented parties, files a written opt-out in the thirty days before the deadline to
 * begin (domain/opt-out.ts). Once, on a case whose pack takes them. Answers the window.
 */
export function requireOptOut(
  ctx: Pick<CaseAccess, 'c' | 'pack' | 'viewer' | 'participants'>,
  now: Date,
  conferred = true,
) {
  const { c, pack, viewer } = ctx;
  if (!mayOptOut(viewer, c, pack)) {
    if (!pack.optOut.value.allowed)
      throw new AppError('RULE_VIOLATION', `This program does not take opt-outs (${pack.optOut.cite}).`);
    if (viewer.side === null) throw forbidden('Only a party’s lawyer can opt out.');
    throw new AppError('CONFLICT', 'An opt-out is already on file for this case.');
  }
  const me = ctx.participants.find((p) => p.id === viewer.participantId);
  const refusal = refuseOptOut(pack.optOut, {
    beginBy: beginByOf(c),
    today: missouriDate(now),
    filerIsCounsel: Boolean(me && (me.role === 'attorney' || me.is_attorney)),
    conferred,
  });
  if (refusal) {
    const status =
      refusal.code === 'COUNSEL_ONLY'
        ? 'FORBIDDEN'
        : refusal.code === 'CONFERRAL_NEEDED'
          ? 'VALIDATION_FAILED'
          : 'RULE_VIOLATION';
    throw new AppError(
      status,
      refusal.message,
      refusal.field === 'conferred' ? { fields: { conferred: refusal.message } } : undefined,
    );
  }
  return optOutWindow(pack.optOut.value, beginByOf(c)!);
}

/**
 * Rule 17.03(b): a filed opt-out is not a request someone grants. It ends the referral (the case
 * closes as opted out) and is the written notice to the court, which is told at once, with
 * everyone on the case and the program.
 */
export async function requestOptOut(
  deps: Deps,
  actor: Actor | null,
  caseId: string,
  input: { reason: string; conferred: boolean },
) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer, pack } = ctx;
    const now = deps.clock.now();
    const window = requireOptOut(ctx, now, input.conferred);
    const state = await moveCase(tx, deps, c, OPT_OUT_EFFECT.caseEvent, viewer.userId, {
      opt_out_requested_at: iso(now),
      closed_at: iso(now),
      close_reason: 'opted_out',
      details: { ...c.details, optOut: { reason: input.reason, side: viewer.side! } },
    });
    await recordCaseAudit(tx, ctx, {
      kind: 'case.opt_out_requested',
      at: now,
      subjectType: 'case',
      subjectId: c.id,
      data: { side: viewer.side!, deadline: window?.closesOn ?? null, conferred: true, endsReferral: true },
    });
    const court = details(c).court;
    const notice = CASE_EMAILS.optOutFiled(c.reference, pack.optOut.cite.split(':')[0]!, court);
    await notifyCourt(
      tx,
      deps,
      c,
      CASE_EMAILS.optOutToCourt(c.reference, pack.optOut.cite.split(':')[0]!, details(c).caseNumber),
    );
    await notifyCase(tx, deps, ctx, notice);
    if (c.mediator_id) await notifyMediator(tx, deps, c, c.mediator_id, notice);
    await notifyCoordinators(tx, deps, c, notice);
    return { optOutRequestedAt: iso(now), deadline: window?.closesOn ?? null, state };
  });
}

/** The court and the court's case number of a court referral, when the case has them. */
const details = (c: CaseAccess['c']) =>
  c.details.form === 'court_referral'
    ? { court: c.details.court, caseNumber: c.details.caseNumber }
    : { court: null, caseNumber: null };

/** A party or the program withdraws an open case. */
export function requireWithdrawer(ctx: Pick<CaseAccess, 'c' | 'viewer'>) {
  if (!mayWithdraw(ctx.viewer)) throw forbidden('Only a party or the program can withdraw a case.');
  requireStep(ctx, 'withdraw', 'This case is closed.');
}

export async function withdrawCase(deps: Deps, actor: Actor | null, caseId: string) {
  return inTransaction(deps.db, async (tx) => {
    const ctx = await loadCase(tx, actor, caseId);
    const { c, viewer, pack } = ctx;
    requireWithdrawer(ctx);
    await moveCase(tx, deps, c, 'withdraw', viewer.userId, {
      closed_at: iso(deps.clock.now()),
      close_reason: 'withdrawn',
    });
    await notifyCase(tx, deps, ctx, CASE_EMAILS.withdrawn(c.reference, pack.nextSteps.value));
    return { state: c.state };
  });
}
