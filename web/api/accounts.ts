import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import * as accounts from '../../contracts/accounts.ts';
import type { Role } from '../../domain/roles.ts';
import { useRead } from './query.ts';

export { ROLE_LABELS } from '../../domain/roles.ts';

/** Query keys of the accounts area: who is signed in, and their account. */
export const accountKeys = {
  all: ['accounts'] as const,
  session: () => [...accountKeys.all, 'session'] as const,
  account: () => [...accountKeys.all, 'account'] as const,
  sessions: () => [...accountKeys.all, 'sessions'] as const,
};

/**
 * Who is signed in. The layout asks on every page load, which also makes the server set the
 * CSRF cookie before the first form is sent.
 */
export function useSession() {
  return useRead(accountKeys.session(), accounts.getSession, undefined, { staleTime: 60_000 });
}

/** The signed-in person's account: name, e-mail, roles, programs, two-step sign-in. */
export function useAccount() {
  return useRead(accountKeys.account(), accounts.getAccount);
}

const isSessionKey = (key: QueryKey) => key[0] === accountKeys.all[0] && key[1] === 'session';

/** After signing in or out every cached answer may be someone else's: start over. */
export function useResetAfterAuthChange() {
  const client = useQueryClient();
  return async () => {
    client.removeQueries({ predicate: (q) => !isSessionKey(q.queryKey) });
    await client.invalidateQueries({ queryKey: accountKeys.session() });
  };
}

export function rolesOf(session: accounts.SessionState | undefined): Set<Role> {
  return new Set(session?.user?.grants.map((g) => g.role) ?? []);
}

/** A mediator's home after signing in is their desk: what needs them across their cases. */
export const isMediator = (user: accounts.Me | null | undefined) =>
  Boolean(user?.grants.some((g) => g.role === 'mediator'));

/** A court's clerk or judge's staff: their home after signing in is the cases their court referred. */
export const isCourtUser = (user: accounts.Me | null | undefined) =>
  Boolean(user?.grants.some((g) => g.role === 'court'));

/** The program a coordinator works for: their home after signing in is its work queue. */
export const queueProgramOf = (user: accounts.Me | null | undefined) =>
  user?.grants.find((g) => g.role === 'coordinator' && g.scope)?.scope ?? null;
