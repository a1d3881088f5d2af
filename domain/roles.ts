/**
 * Parley's roles and what each may do. Permissions are data: the map below is the single place
 * that says which role holds which permission, and the compiler checks it covers every role.
 * Whether a person may act on a particular record (their own case, their program) is decided by
 * small policy functions on top of this map.
 */
export const ROLES = [
  'admin',
  'coordinator',
  'mediator',
  'party',
  'advocate',
  'attorney',
  'staff',
  'member',
  'court',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS = {
  admin: 'Platform administrator',
  coordinator: 'Program coordinator',
  mediator: 'Mediator',
  party: 'Party',
  advocate: 'Advocate or support person',
  attorney: 'Attorney',
  staff: 'Association staff',
  member: 'Association member',
  court: 'Court clerk or judge’s staff',
} as const satisfies Record<Role, string>;

/** Roles held within one program; the others are held across Parley. */
export const PROGRAM_ROLES = ['coordinator', 'mediator'] as const satisfies readonly Role[];

export const PERMISSIONS = [
  'account:use',
  'audit:verify',
  'audit:read',
  'programs:read',
  'programs:manage',
  'people:invite',
  'people:read',
  'roles:grant',
  'programs:configure',
  'association:invite',
  'association:manage',
  'association:members',
  'cases:manage',
  'screening:review',
  'court:cases',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: Permission[] = ['account:use', 'programs:read'];

export const ROLE_PERMISSIONS = {
  admin: [
    ...everyone,
    'audit:verify',
    'audit:read',
    'programs:manage',
    'people:invite',
    'people:read',
    'roles:grant',
    'programs:configure',
    'association:invite',
    'association:manage',
    'association:members',
    'cases:manage',
  ],
  coordinator: [
    ...everyone,
    'people:invite',
    'people:read',
    'audit:read',
    'programs:configure',
    'cases:manage',
    'screening:review',
  ],
  mediator: [...everyone],
  party: [...everyone],
  advocate: [...everyone],
  attorney: [...everyone],
  staff: [...everyone, 'association:invite', 'association:manage', 'association:members'],
  member: [...everyone, 'association:members'],
  court: [...everyone, 'court:cases'],
} as const satisfies Record<Role, readonly Permission[]>;

/** A role held by a person: across Parley (scope '*') or within one program (scope = program id). */
export type Grant = { role: Role; scope: string };
export const GLOBAL_SCOPE = '*';

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Whether grants allow a permission. With a programId, only grants held across Parley or within
 * that program count: a coordinator of one program holds nothing in another.
 */
export function can(grants: readonly Grant[], permission: Permission, programId?: string): boolean {
  return grants.some(
    (g) =>
      (ROLE_PERMISSIONS[g.role] as readonly Permission[]).includes(permission) &&
      (programId === undefined || g.scope === GLOBAL_SCOPE || g.scope === programId),
  );
}

/**
 * A court user's grant is held for one Missouri judicial circuit (1 to 46), its scope
 * `circuit:<n>`: they see the cases that circuit's courts referred, and nothing of any other.
 */
export const circuitScope = (circuit: number) => `circuit:${circuit}`;

/** The circuit a court scope names (`circuit:16` → 16), or null for any other scope. */
export function circuitOfScope(scope: string): number | null {
  const m = /^circuit:(\d{1,2})$/.exec(scope);
  return m ? Number(m[1]) : null;
}

/** A circuit in words, as Missouri's courts name it: "the 16th Judicial Circuit". */
export function circuitName(circuit: number): string {
  const tens = circuit % 100;
  const suffix =
    tens >= 11 && tens <= 13
      ? 'th'
      : circuit % 10 === 1
        ? 'st'
        : circuit % 10 === 2
          ? 'nd'
          : circuit % 10 === 3
            ? 'rd'
            : 'th';
  return `the ${circuit}${suffix} Judicial Circuit`;
}

/** The circuits whose court a person works for (their court grants). */
export function courtCircuitsOf(grants: readonly Grant[]): number[] {
  return grants.flatMap((g) => {
    const circuit = g.role === 'court' ? circuitOfScope(g.scope) : null;
    return circuit === null ? [] : [circuit];
  });
}

/** Roles a program can require a second factor of (SPEC: mediators and staff). */
export const MFA_ELIGIBLE_ROLES = [
  'admin',
  'coordinator',
  'mediator',
  'staff',
] as const satisfies readonly Role[];
