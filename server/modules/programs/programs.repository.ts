import type { Executor } from '../../db/database.ts';
import type { ProgramsTable } from '../../db/schema.ts';

export const listPrograms = (db: Executor) =>
  db
    .selectFrom('programs')
    .select(['id', 'kind', 'slug', 'name', 'description', 'require_mfa'])
    .orderBy('name')
    .execute();

export const findProgram = (db: Executor, id: string) =>
  db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertProgram(
  db: Executor,
  row: Omit<ProgramsTable, 'description' | 'settings' | 'require_mfa'> & {
    description: string;
    settings: string;
    require_mfa: number;
  },
) {
  await db.insertInto('programs').values(row).execute();
}

export async function updateProgram(
  db: Executor,
  id: string,
  patch: Partial<{ name: string; description: string; require_mfa: number; updated_at: string }>,
) {
  await db.updateTable('programs').set(patch).where('id', '=', id).execute();
}

export const listProgramPeople = (db: Executor, programId: string) =>
  db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select(['users.id', 'users.name', 'users.email', 'role_grants.role'])
    .where('role_grants.scope', '=', programId)
    .orderBy('users.name')
    .execute();

export async function updateSettings(db: Executor, id: string, settings: string, at: string) {
  await db.updateTable('programs').set({ settings, updated_at: at }).where('id', '=', id).execute();
}
