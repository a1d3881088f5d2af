import { z } from 'zod';

/**
 * What the viewer may do with a record, as the server decides it. `can: Can('confirm', 'dispute')`
 * in a response schema is `{ confirm: boolean, dispute: boolean }`: one flag per action the record
 * offers, each present, on the record it acts on (a milestone's `can.confirm`, a case's
 * `can.downloadEnforcementPacket`). The service computes each flag with the same policy function
 * that guards the action's route, so a page that draws a button from `can` never offers what the
 * server refuses, and never re-derives a rule of its own.
 */
export function Can<const A extends string>(...actions: A[]) {
  const shape = Object.fromEntries(actions.map((action) => [action, z.boolean()])) as Record<A, z.ZodBoolean>;
  return z.object(shape).describe('What the viewer may do with this now');
}
