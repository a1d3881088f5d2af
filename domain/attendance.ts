import type { Role } from './roles.ts';
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
 * Interpreters help a person take part; they never count against the companion cap (nor do the
 * parties themselves). Everyone else with a party does.
 */
export const countsAgainstCompanionCap = (role: ParticipantRole) =>
  role !== 'party' && role !== 'interpreter';

/** How many of these people count against a side's companion cap. */
export const companionCount = (people: readonly { role: ParticipantRole }[]) =>
  people.filter((p) => countsAgainstCompanionCap(p.role)).length;

/**
 * Whether a person comes as an attorney: added as one, said to be one, or (coming with a party)
 * holding an account with the attorney role, which a declaration that they are not cannot undo.
 */
export const comesAsAttorney = (person: {
  role: ParticipantRole;
  isAttorney: boolean;
  accountRoles?: readonly Role[] | undefined;
}) =>
  person.role === 'attorney' ||
  person.isAttorney ||
  (person.role !== 'party' && (person.accountRoles ?? []).includes('attorney'));

/**
 * Whether a person may join one side of a case. `companions` counts the side's current
 * companions that count against the cap (companionCount); `bothAgreedToMore` is true once every
 * party has recorded agreement to more; `accountRoles` are the roles of the person's account,
 * when they have one.
 */
export function checkAttendance(
  pack: ResolvedPack,
  input: {
    role: ParticipantRole;
    isAttorney: boolean;
    accountRoles?: readonly Role[] | undefined;
    companions: number;
    bothAgreedToMore: boolean;
  },
): AttendanceRefusal | null {
  if (comesAsAttorney(input) && !pack.attorneysAtSessions.value) {
    return {
      code: 'ATTORNEY_NOT_ALLOWED',
      message: `Attorneys cannot take part in this mediation for either side (${pack.attorneysAtSessions.cite}). You may bring an advocate or support person who is not acting as your lawyer.`,
      cite: pack.attorneysAtSessions.cite,
    };
  }
  const cap = pack.companions.value;
  if (
    countsAgainstCompanionCap(input.role) &&
    cap !== null &&
    input.companions >= cap &&
    !input.bothAgreedToMore
  ) {
    return {
      code: 'COMPANION_LIMIT',
      message: `Each side may bring up to ${cap} people unless both sides agree to more (${pack.companions.cite}). Both sides can record that they agree on the case page.`,
      cite: pack.companions.cite,
    };
  }
  return null;
}
