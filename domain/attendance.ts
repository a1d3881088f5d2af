import type { ResolvedPack } from './rule-packs/index.ts';

/** Who can be on a case besides the mediator. Companions are everyone on a side who is not the party. */
export const PARTICIPANT_ROLES = ['party', 'advocate', 'support', 'attorney', 'interpreter'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** The two sides of a case: the one who asked for mediation, and the one asked. */
export const SIDES = ['requester', 'respondent'] as const;
export type Side = (typeof SIDES)[number];

/**
 * Where a person on a case stands: invited by e-mail and not yet joined, joined (a Parley
 * account), listed without an address (an interpreter named by the mediator), or removed.
 */
export const PARTICIPANT_STATUSES = ['invited', 'active', 'listed', 'removed'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export type AttendanceRefusal =
  | { code: 'ATTORNEY_NOT_ALLOWED'; message: string; cite: string }
  | { code: 'COMPANION_LIMIT'; message: string; cite: string };

/**
 * Whether a person may join one side of a case. `companions` counts the side's current
 * companions; `bothAgreedToMore` is true once every party has recorded agreement to more.
 */
export function checkAttendance(
  pack: ResolvedPack,
  input: { role: ParticipantRole; isAttorney: boolean; companions: number; bothAgreedToMore: boolean },
): AttendanceRefusal | null {
  if ((input.role === 'attorney' || input.isAttorney) && !pack.attorneysAtSessions.value) {
    return {
      code: 'ATTORNEY_NOT_ALLOWED',
      message: `Attorneys cannot take part in this mediation for either side (${pack.attorneysAtSessions.cite}). You may bring an advocate or support person who is not acting as your lawyer.`,
      cite: pack.attorneysAtSessions.cite,
    };
  }
  const cap = pack.companions.value;
  if (input.role !== 'party' && cap !== null && input.companions >= cap && !input.bothAgreedToMore) {
    return {
      code: 'COMPANION_LIMIT',
      message: `Each side may bring up to ${cap} people unless both sides agree to more (${pack.companions.cite}). Both sides can record that they agree on the case page.`,
      cite: pack.companions.cite,
    };
  }
  return null;
}
