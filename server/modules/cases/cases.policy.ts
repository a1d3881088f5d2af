import type { Side } from '../../../domain/attendance.ts';
import { type CaseState, isClosed } from '../../../domain/case-lifecycle.ts';
import { can } from '../../../domain/roles.ts';
import type { ResolvedPack } from '../../../domain/rule-packs/index.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import type { Actor } from '../access/access.service.ts';
import type { CaseAccess, CaseRow, ParticipantRow, Viewer } from './case-access.ts';

/**
 * What a viewer's place on a case (case-access.ts) lets them see and do. Parties and the people
 * with them see their own side's details; the mediators and the program's coordinators see the case.
 */
export const isNeutral = (v: Viewer) =>
  v.kind === 'mediator' || v.kind === 'co_mediator' || v.kind === 'coordinator';
export const isAcceptedMediator = (v: Viewer, c: CaseRow) =>
  v.kind === 'mediator' && c.mediator_status === 'accepted';

/**
 * Screening answers: only the party who gave them, the case's accepted mediator, and a
 * coordinator holding the screening permission (the screening coordinator).
 */
export function maySeeScreening(actor: Actor, v: Viewer, c: CaseRow, participantId: string): boolean {
  if (v.participantId === participantId && v.kind === 'party') return true;
  if (isAcceptedMediator(v, c)) return true;
  return v.kind === 'coordinator' && can(actor.grants, 'screening:review', c.program_id);
}

/** Address and phone: one's own side, the mediator, coordinators. Never the other side. */
export const maySeeContact = (v: Viewer, p: ParticipantRow) => isNeutral(v) || v.side === p.side;

/** The other side sees an e-mail address only when its owner has not asked to keep it hidden. */
export const maySeeEmail = (v: Viewer, p: ParticipantRow) => maySeeContact(v, p) || p.hide_contact === 0;

/** Parties act for their side; a companion (an advocate) may add people to their own side. */
export const mayActForSide = (v: Viewer, side: Side) =>
  v.side === side && (v.kind === 'party' || v.kind === 'companion');

// Who may take each step of a case's first part. The routes' services refuse with these, and the
// case page's `can` flags (cases.view.ts) are computed from the same functions.

/** Only the other side's party answers the request to mediate. */
export const mayAnswerRequest = (v: Viewer) => v.kind === 'party' && v.side === 'respondent';

/** Only where the pack makes mediation voluntary can the other side say no. */
export const mayBeDeclined = (pack: ResolvedPack) =>
  pack.consent.value === 'both_must_agree' || pack.consent.value === 'voluntary';

/** A party (or their attorney) on a case whose pack takes written opt-outs, once. */
export const mayOptOut = (v: Viewer, c: CaseRow, pack: ResolvedPack) =>
  pack.optOut.value.allowed && v.side !== null && !c.opt_out_requested_at;

/** A party or the program withdraws a case. */
export const mayWithdraw = (v: Viewer) => v.kind === 'party' || v.kind === 'coordinator';

/** The program adds people to either side; parties and their advocates to their own. */
export const mayAddParticipant = (v: Viewer, side: Side) =>
  v.kind === 'coordinator' || mayActForSide(v, side);

/** Each party records, for themselves, that each side may bring more people. */
export const mayAgreeToMoreCompanions = (v: Viewer) => v.kind === 'party';

/** Address and phone belong to a person on the case. */
export const mayKeepContact = (v: Viewer) => v.participantId !== null;

/** The request letter belongs to the side that asked, the mediator and the program. */
export const mayReadRequestLetter = (v: Viewer) => isNeutral(v) || v.side === 'requester';

/** Each party answers the screening privately, once both sides take part and until the case closes. */
export const mayAnswerScreening = (v: Viewer, state: CaseState) =>
  v.kind === 'party' && !isClosed(state) && state !== 'requested' && state !== 'awaiting_other_party';

/** The accepted mediator, or before one is chosen the screening coordinator, decides after screening. */
export const mayDecideScreening = (actor: Actor, v: Viewer, c: CaseRow) =>
  isAcceptedMediator(v, c) ||
  (v.kind === 'coordinator' && can(actor.grants, 'screening:review', c.program_id));

/** Screening answers are read by the mediator and the screening coordinator, never by a side. */
export const mayReadScreeningAnswers = (ctx: Pick<CaseAccess, 'actor' | 'viewer' | 'c' | 'participants'>) =>
  ctx.viewer.kind !== 'party' &&
  ctx.viewer.kind !== 'companion' &&
  ctx.participants.some((p) => p.role === 'party' && maySeeScreening(ctx.actor, ctx.viewer, ctx.c, p.id));

/** Each party marks the mediators it would accept, where the pack chooses jointly. */
export const mayPickMediators = (v: Viewer) => v.kind === 'party';

/** The program appoints a mediator, or offers the case to the next in rotation. */
export const mayAppointMediator = (v: Viewer) => v.kind === 'coordinator';

/** Only the mediator asked answers an offer, while it is open. */
export const mayAnswerOffer = (v: Viewer, c: CaseRow) =>
  v.kind === 'mediator' && c.mediator_status === 'offered';

/** Each party signs the Agreement to Mediate. */
export const maySignAgreementToMediate = (v: Viewer) => v.kind === 'party';

/** The signed copy is for the signers, the mediator and the program; not for the people with a party. */
export const mayReadSignedAgreementToMediate = (v: Viewer) => v.kind !== 'companion';

/** Only the case's own mediator (not a co-mediator) brings in a co-mediator. */
export const mayAddCoMediator = (ctx: Pick<CaseAccess, 'isMediator' | 'c' | 'actor'>) =>
  ctx.isMediator && ctx.c.mediator_id === ctx.actor.userId;

/**
 * Whether a special-education case's due-process complaint is pending: recorded at intake and
 * corrected by the program's coordinators (the state's federal figures count it).
 */
export function requireDueProcessRecorder(ctx: Pick<CaseAccess, 'c' | 'viewer'>) {
  if (ctx.viewer.kind !== 'coordinator')
    throw forbidden('Only the program can record whether a due process complaint is pending.');
  if (ctx.c.details.form !== 'special_education')
    throw new AppError('VALIDATION_FAILED', 'Only a special-education case has a due process complaint.', {
      fields: { pending: 'Only a special-education case has a due process complaint.' },
    });
}
