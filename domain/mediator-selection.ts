/** A mediator asked to take a case has been offered it until they accept (or decline: no status). */
export const MEDIATOR_STATUSES = ['offered', 'accepted'] as const;
export type MediatorStatus = (typeof MEDIATOR_STATUSES)[number];

/** A request to disqualify the mediator: waiting, denied by the other party, then decided. */
export const DISQUALIFICATION_OUTCOMES = ['pending', 'denied', 'granted', 'refused'] as const;
export type DisqualificationOutcome = (typeof DISQUALIFICATION_OUTCOMES)[number];

/**
 * Joint choice: each party marks the mediators they would accept; the mediators every party
 * accepted are offered, in roster order (34 CFR 300.506(b)(3)(ii): chosen on an impartial basis).
 */
export function overlap(roster: readonly string[], picks: readonly (readonly string[])[]): string[] {
  if (picks.length === 0) return [];
  return roster.filter((id) => picks.every((p) => p.includes(id)));
}

/** Rotation: the mediator whose last assignment is oldest (never assigned first), ties by roster order. */
export function nextInRotation(
  roster: readonly string[],
  lastAssigned: Readonly<Record<string, string | undefined>>,
  skip: readonly string[] = [],
): string | null {
  const candidates = roster.filter((id) => !skip.includes(id));
  if (candidates.length === 0) return null;
  return [...candidates].sort((a, b) => {
    const la = lastAssigned[a] ?? '';
    const lb = lastAssigned[b] ?? '';
    return la === lb ? roster.indexOf(a) - roster.indexOf(b) : la < lb ? -1 : 1;
  })[0]!;
}
