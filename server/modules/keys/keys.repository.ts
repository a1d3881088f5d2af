import { dialectOf, type Executor, type Tx } from '../../db/database.ts';
import type { CaseKeysTable } from '../../db/tables/cases-part-2.ts';
import type { MasterKeysTable } from '../../db/tables/keys.ts';

export type CaseKeyRow = CaseKeysTable;

export async function findCaseKey(db: Executor, caseId: string): Promise<CaseKeyRow | undefined> {
  return db.selectFrom('case_keys').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

export async function insertCaseKey(db: Executor, row: CaseKeyRow): Promise<void> {
  await db
    .insertInto('case_keys')
    .values(row)
    .onConflict((oc) => oc.column('case_id').doNothing())
    .execute();
}

/** A page of case keys still wrapped under another master key than `keyId`. */
export async function caseKeysNotUnder(db: Executor, keyId: string, limit: number): Promise<CaseKeyRow[]> {
  return db
    .selectFrom('case_keys')
    .selectAll()
    .where('master_key_id', '<>', keyId)
    .orderBy('case_id')
    .limit(limit)
    .execute();
}

/** Replaces one wrapped key, only if it is still wrapped under `from` (another rotation may have run). */
export async function rewrapCaseKey(
  db: Executor,
  change: { caseId: string; from: string; to: string; wrappedKey: string },
): Promise<boolean> {
  const result = await db
    .updateTable('case_keys')
    .set({ wrapped_key: change.wrappedKey, master_key_id: change.to })
    .where('case_id', '=', change.caseId)
    .where('master_key_id', '=', change.from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countCaseKeysByMasterKey(db: Executor): Promise<{ id: string; caseKeys: number }[]> {
  const rows = await db
    .selectFrom('case_keys')
    .select(['master_key_id as id', (eb) => eb.fn.countAll<number>().as('caseKeys')])
    .groupBy('master_key_id')
    .orderBy('master_key_id')
    .execute();
  return rows.map((r) => ({ id: r.id, caseKeys: Number(r.caseKeys) }));
}

export async function countCaseKeysUnder(db: Executor, keyId: string): Promise<number> {
  const row = await db
    .selectFrom('case_keys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('master_key_id', '=', keyId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listMasterKeys(db: Executor): Promise<MasterKeysTable[]> {
  return db.selectFrom('master_keys').selectAll().orderBy('first_used_at').execute();
}

/** Records a master key the first time it is used; a key already on record is left as it is. */
export async function recordMasterKey(db: Executor, row: MasterKeysTable): Promise<void> {
  await db
    .insertInto('master_keys')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/**
 * Reads a master key's record inside a transaction, locked on PostgreSQL: `share` while a case
 * key is wrapped under it, `update` while it is being retired, so a key cannot be retired under
 * a case key being made with it.
 */
export async function lockMasterKey(
  tx: Tx,
  id: string,
  mode: 'share' | 'update',
): Promise<MasterKeysTable | undefined> {
  const query = tx.selectFrom('master_keys').selectAll().where('id', '=', id);
  if (dialectOf(tx) !== 'postgres') return query.executeTakeFirst();
  return (mode === 'share' ? query.forShare() : query.forUpdate()).executeTakeFirst();
}

export async function retireMasterKey(tx: Tx, id: string, at: string): Promise<void> {
  await tx
    .updateTable('master_keys')
    .set({ state: 'retired', retired_at: at })
    .where('id', '=', id)
    .execute();
}
