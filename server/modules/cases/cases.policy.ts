import type { Side } from '../../../domain/attendance.ts';
import { can } from '../../../domain/roles.ts';
import type { Actor } from '../access/access.service.ts';
import type { CaseRow, ParticipantRow, Viewer } from './case-access.ts';

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
