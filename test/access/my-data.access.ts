import { buildUser } from '../../server/db/seed/builders.ts';
import { type AccessEntry, type AccessWorld, type Caller, SIGNED_IN } from './matrix.ts';

const PASSWORD = 'a long throwaway password';

/** The roles a caller holds in the matrix, for a stand-in account of the same kind. */
function grantsLike(w: AccessWorld, caller: Exclude<Caller, 'anonymous'>) {
  switch (caller) {
    case 'mediator':
    case 'coordinator':
      return [{ role: caller, programId: w.program.id }] as const;
    case 'otherCoordinator':
      return [{ role: 'coordinator', programId: w.otherProgram.id }] as const;
    default:
      return [{ role: caller }] as const;
  }
}

export const entries: AccessEntry[] = [
  { method: 'GET', route: '/api/v1/account/data/export', allowed: SIGNED_IN },
  { method: 'GET', route: '/api/v1/account/data/deletion', allowed: SIGNED_IN },
  {
    method: 'POST',
    route: '/api/v1/account/data/deletion',
    allowed: SIGNED_IN,
    // Deleting the matrix's own people would end the run: each allowed caller's client signs in
    // as a new account holding the same roles and deletes that one; the matrix signs them back in.
    request: async (w, { caller, client, t }) => {
      if (caller !== 'anonymous') {
        const standIn = await buildUser(t.deps, {
          email: `matrix-delete-${caller.toLowerCase()}@example.test`,
          password: PASSWORD,
          grants: [...grantsLike(w, caller)],
        });
        await client.signIn(standIn.email, PASSWORD);
      }
      return { body: { password: PASSWORD, confirm: true } };
    },
    endsSession: true,
    note: 'each caller deletes a stand-in account of their kind',
  },
];
