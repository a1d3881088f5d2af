import type { Executor } from '../../db/database.ts';
import { forbidden } from '../../http/errors.ts';
import { type Actor, holdsRole } from '../access/access.service.ts';
import { findPrograms } from '../programs/programs.service.ts';

// Who may do what with directory records, on top of authorize(actor, 'account:use'). Kept here,
// not in domain/roles.ts, because each rule depends on the record or the program's kind.

/** Mediators (in any program) and association members keep a directory profile. */
export const mayKeepProfile = (actor: Actor) => holdsRole(actor, 'mediator') || holdsRole(actor, 'member');

/** Association staff and administrators: edit any profile, check credentials, record federal panels. */
export const isDirectoryStaff = (actor: Actor) => holdsRole(actor, 'staff') || holdsRole(actor, 'admin');

/** Staff, administrators and program coordinators verify courses and affidavits (issue: "by association staff or a program coordinator"). */
export const isReviewer = (actor: Actor) => isDirectoryStaff(actor) || holdsRole(actor, 'coordinator');

/** What a profile still lacks for a roster is for its mediator and the association's staff, not the public. */
export const maySeeGaps = (actor: Actor | null, profile: { user_id: string }) =>
  actor !== null && (actor.userId === profile.user_id || isDirectoryStaff(actor));

export function requireReviewer(actor: Actor) {
  if (!isReviewer(actor)) throw forbidden('Only association staff or a program coordinator can do that.');
}

export function requireStaff(actor: Actor) {
  if (!isDirectoryStaff(actor)) throw forbidden('Only association staff can do that.');
}

/**
 * Admission to the state special-education list is the state program's coordinator's decision
 * (34 CFR 300.506(b)(1)(iii): the state keeps the list): a coordinator of a special-education program.
 */
export async function isSpecialEducationCoordinator(db: Executor, actor: Actor | null): Promise<boolean> {
  const programIds = (actor?.grants ?? []).filter((g) => g.role === 'coordinator').map((g) => g.scope);
  if (!programIds.length) return false;
  return (await findPrograms(db, programIds)).some((p) => p.kind === 'special_education');
}

export async function requireSpecialEducationCoordinator(db: Executor, actor: Actor) {
  if (!(await isSpecialEducationCoordinator(db, actor)))
    throw forbidden(
      'Only the coordinator of the state special-education mediation program can admit mediators to its list.',
    );
}

/** A course stays on the record once someone has verified it; until then its mediator may remove it. */
export const mayRemoveCourse = (course: { verified_at: string | null }) => course.verified_at === null;
