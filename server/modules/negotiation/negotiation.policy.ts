import type { Side } from '../../../domain/attendance.ts';
import { forbidden } from '../../http/errors.ts';
import { type CaseAccess, requireInMediation, requireMediator } from '../cases/case-access.ts';

/**
 * Who may do what with a negotiation aid. The aids are for the people at the table: the mediator
 * runs them, each party answers for their side in private, and the person beside a party (an
 * advocate or attorney) sees what their side sees. The program's coordinators see nothing of them.
 */

/** The people at the table: the mediator, a party, or the person beside a party. */
export function requireAtTable(ctx: CaseAccess) {
  if (!ctx.isMediator && ctx.viewer.kind !== 'party' && ctx.viewer.kind !== 'companion')
    throw forbidden('Negotiation aids are for the people at the mediation table.');
}

/** The side whose private view the viewer gets: a party's or their companion's; null for the mediator. */
export const sideOf = (ctx: CaseAccess): Side | null =>
  ctx.viewer.kind === 'party' || ctx.viewer.kind === 'companion' ? ctx.viewer.side : null;

/** The mediator turns an aid on, reveals points and brings a result to the table, while the mediation is on. */
export function requireAidKeeper(ctx: CaseAccess, what: string) {
  requireMediator(ctx, what);
  requireInMediation(ctx);
}

/** A party answers for their own side (points, terms, figures) while the mediation is on. */
export function requireAnsweringParty(ctx: CaseAccess, what: string): Side {
  if (ctx.viewer.kind !== 'party' || !ctx.viewer.side) throw forbidden(what);
  requireInMediation(ctx);
  return ctx.viewer.side;
}

/** The items to divide are listed by the mediator, or by the parties together. */
export function requireItemsEditor(ctx: CaseAccess) {
  if (!ctx.isMediator && ctx.viewer.kind !== 'party')
    throw forbidden('The mediator or the parties list the items to divide.');
  requireInMediation(ctx);
}
