import type { Selectable } from 'kysely';
import { z } from 'zod';
import { CHOICE_KEYS } from '../../../domain/rule-packs/choices.ts';
import type { Executor } from '../../db/database.ts';
import { jsonColumn } from '../../db/json-column.ts';
import type { ProgramDistrictsTable, ProgramsTable } from '../../db/schema.ts';

/**
 * programs.settings: a program's local rules on top of its pack, and its compliance settings.
 * Other keys a program may have stored are kept as they are.
 */
const LocalOverride = z.object({
  value: z.number().int().min(0).nullable(),
  cite: z.string(),
  since: z.string().optional(),
});
export const ProgramSettings = z.looseObject({
  ruleOverrides: z
    .partialRecord(
      z.enum(['minimumHours', 'reportDeadlineDays', 'companionsPerParty', 'freeHours']),
      LocalOverride,
    )
    .optional(),
  /** The program's choices from its pack's lists (domain/rule-packs/choices.ts), each with its source. */
  ruleChoices: z
    .partialRecord(
      z.enum(CHOICE_KEYS),
      z.object({ value: z.string(), cite: z.string(), since: z.string().optional() }),
    )
    .optional(),
  /** Where the program sends notices to the court (the circuit clerk's or division's address). */
  courtNoticeEmail: z.string().nullable().optional(),
  compliance: z
    .object({
      remindDaysBefore: z.number().int().min(0).max(60),
      escalateToMediator: z.boolean(),
      escalateToCoordinator: z.boolean(),
    })
    .partial()
    .optional(),
  /** How long closed cases are kept, and when confidential words go (domain/retention.ts). */
  retention: z
    .object({
      closedCaseYears: z
        .object({ value: z.number().int().min(1), cite: z.string(), since: z.string().optional() })
        .optional(),
      confidentialAfterDays: z.number().int().min(0).nullable().optional(),
    })
    .optional(),
});
export type ProgramSettings = z.infer<typeof ProgramSettings>;
const settingsColumn = jsonColumn('programs', 'settings', ProgramSettings);

export type ProgramRow = Omit<Selectable<ProgramsTable>, 'settings'> & { settings: ProgramSettings };
const toProgram = (row: Selectable<ProgramsTable>): ProgramRow => ({
  ...row,
  settings: settingsColumn.read(row.settings),
});

export const listPrograms = (db: Executor) =>
  db
    .selectFrom('programs')
    .select(['id', 'kind', 'slug', 'name', 'description', 'require_mfa'])
    .orderBy('name')
    .execute();

export const findProgram = async (db: Executor, id: string): Promise<ProgramRow | undefined> => {
  const row = await db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toProgram(row);
};

export const findProgramsByIds = (db: Executor, ids: readonly string[]) =>
  ids.length
    ? db
        .selectFrom('programs')
        .select(['id', 'name', 'kind', 'require_mfa'])
        .where('id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

export const slugTaken = async (db: Executor, slug: string) =>
  Boolean(await db.selectFrom('programs').select('id').where('slug', '=', slug).executeTakeFirst());

export async function insertProgram(
  db: Executor,
  row: Omit<ProgramsTable, 'description' | 'settings' | 'require_mfa'> & {
    description: string;
    settings: ProgramSettings;
    require_mfa: number;
  },
) {
  await db
    .insertInto('programs')
    .values({ ...row, settings: settingsColumn.write(row.settings) })
    .execute();
}

export async function updateProgram(
  db: Executor,
  id: string,
  patch: Partial<{ name: string; description: string; require_mfa: number; updated_at: string }>,
) {
  await db.updateTable('programs').set(patch).where('id', '=', id).execute();
}

export async function updateSettings(db: Executor, id: string, settings: ProgramSettings, at: string) {
  await db
    .updateTable('programs')
    .set({ settings: settingsColumn.write(settings), updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** A special-education program's school districts, by name. */
export const listDistricts = (db: Executor, programId: string) =>
  db
    .selectFrom('program_districts')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('name')
    .execute();

export const findDistrict = (db: Executor, programId: string, districtId: string) =>
  db
    .selectFrom('program_districts')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', districtId)
    .executeTakeFirst();

export const findDistrictByName = (db: Executor, programId: string, name: string) =>
  db
    .selectFrom('program_districts')
    .select('id')
    .where('program_id', '=', programId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();

export async function insertDistrict(db: Executor, row: ProgramDistrictsTable): Promise<void> {
  await db.insertInto('program_districts').values(row).execute();
}

export async function deleteDistrict(db: Executor, programId: string, districtId: string): Promise<number> {
  const r = await db
    .deleteFrom('program_districts')
    .where('program_id', '=', programId)
    .where('id', '=', districtId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
