import { can } from '../../../domain/roles.ts';
import type { Actor } from '../access/access.service.ts';
import type { CaseRow, ParticipantRow } from './cases.repository.ts';

/**
 * Who is looking at a case, and what that lets them see. Parties and the people with them see
 * their own side's details; the mediator (offered or accepted) and the program's coordinators see
 * the case. A person with none of these gets "not found", so a case's existence is not revealed.
 */
export type Side = 'requester' | 'respondent';
export type Viewer = {
  kind: 'party' | 'companion' | 'mediator' | 'coordinator';
  userId: string;
  side: Side | null;
  participantId: string | null;
};

export function viewerOf(actor: Actor, c: CaseRow, participants: readonly ParticipantRow[]): Viewer | null {
  const mine = participants.find((p) => p.user_id === actor.userId && p.status === 'active');
  if (mine) {
    return {
      kind: mine.role === 'party' ? 'party' : 'companion',
      userId: actor.userId,
      side: mine.side as Side,
      participantId: mine.id,
    };
  }
  if (
    c.mediator_id === actor.userId &&
    (c.mediator_status === 'offered' || c.mediator_status === 'accepted')
  ) {
    return { kind: 'mediator', userId: actor.userId, side: null, participantId: null };
  }
  if (can(actor.grants, 'cases:manage', c.program_id)) {
    return { kind: 'coordinator', userId: actor.userId, side: null, participantId: null };
  }
  return null;
}

export const isNeutral = (v: Viewer) => v.kind === 'mediator' || v.kind === 'coordinator';
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
