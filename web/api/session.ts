import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Role, Session } from './types.ts';

export const sessionKey = ['session'] as const;

/**
 * Who is signed in. The layout asks on every page load, which also makes the server set the
 * CSRF cookie before the first form is sent.
 */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: () => api.get<Session>('/api/v1/auth/session'),
    staleTime: 60_000,
  });
}

/** After signing in or out every cached answer may be someone else's: start over. */
export function useResetAfterAuthChange() {
  const client = useQueryClient();
  return async () => {
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    await client.invalidateQueries({ queryKey: sessionKey });
  };
}

export function rolesOf(session: Session | undefined): Set<Role> {
  return new Set(session?.user?.grants.map((g) => g.role) ?? []);
}

export { ROLE_LABELS } from '../../domain/roles.ts';
