import { GLOBAL_SCOPE, type Role } from '../../../domain/roles.ts';
import { packForKind as packFor } from '../../../domain/rule-packs/index.ts';
import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import * as accessRepo from '../../modules/access/access.repository.ts';
import * as accountsRepo from '../../modules/accounts/accounts.repository.ts';
import { hashPassword } from '../../modules/accounts/passwords.ts';
import { recordAudit } from '../../modules/audit/audit.service.ts';
import * as programsRepo from '../../modules/programs/programs.repository.ts';
import { type Executor, inTransaction } from '../database.ts';

// Builders make realistic records through the same repositories the services use. Tests and the
// demo seed share them, so the demo is exactly the data the tests prove works.

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export type BuiltUser = { id: string; email: string; name: string; password: string };

// Hashing is the slow part of building people; the same password hashes once per run.
const hashCache = new Map<string, Promise<string>>();
const cachedHash = (password: string) => {
  if (!hashCache.has(password)) hashCache.set(password, hashPassword(password));
  return hashCache.get(password)!;
};

export async function buildUser(
  deps: Pick<Deps, 'db' | 'clock'>,
  options: {
    email?: string;
    name?: string;
    password?: string | null;
    /** A role in a program, across Parley, or (a court's) for a circuit: `scope` from circuitScope. */
    grants?: { role: Role; programId?: string; scope?: string }[];
    verified?: boolean;
    db?: Executor;
  } = {},
): Promise<BuiltUser> {
  const db = options.db ?? deps.db;
  const id = newId();
  const email = (options.email ?? `person-${unique()}@example.test`).toLowerCase();
  const name = options.name ?? 'Test Person';
  const password = options.password === undefined ? 'correct horse battery' : options.password;
  const now = iso(deps.clock.now());
  await accountsRepo.insertUser(db, {
    id,
    email,
    name,
    password_hash: password ? await cachedHash(password) : null,
    email_verified_at: options.verified === false ? null : now,
    totp_secret_enc: null,
    totp_enabled_at: null,
    disabled_at: null,
    created_at: now,
    updated_at: now,
  });
  for (const grant of options.grants ?? []) {
    await accessRepo.insertGrant(db, {
      id: newId(),
      user_id: id,
      role: grant.role,
      scope: grant.scope ?? grant.programId ?? GLOBAL_SCOPE,
      created_at: now,
      created_by: null,
    });
  }
  return { id, email, name, password: password ?? '' };
}

export type ProgramKind = 'special_education' | 'family' | 'civil' | 'community' | 'private' | 'association';

export async function buildProgram(
  deps: Pick<Deps, 'db' | 'clock'>,
  options: {
    kind?: ProgramKind;
    name?: string;
    slug?: string;
    description?: string;
    requireMfa?: boolean;
  } = {},
): Promise<{ id: string; name: string; kind: ProgramKind; slug: string }> {
  const id = newId();
  const kind = options.kind ?? 'community';
  const slug = options.slug ?? `program-${unique()}`;
  const name = options.name ?? `Test ${kind} program`;
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await programsRepo.insertProgram(tx, {
      id,
      kind,
      slug,
      name,
      description: options.description ?? '',
      rule_pack: packFor(kind)?.id ?? null,
      rule_pack_version: packFor(kind)?.version ?? null,
      settings: {},
      require_mfa: options.requireMfa ? 1 : 0,
      created_at: iso(now),
      updated_at: iso(now),
    });
    await recordAudit(tx, {
      kind: 'program.created',
      at: now,
      programId: id,
      subjectType: 'program',
      subjectId: id,
      data: { kind },
    });
  });
  return { id, name, kind, slug };
}
