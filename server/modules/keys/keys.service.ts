import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';
import { type Executor, inTransaction, type Tx } from '../../db/database.ts';
import { iso } from '../../infra/clock.ts';
import { decrypt, encrypt } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { keyFingerprint, LEGACY_KEY_ID, legacyMasterKey, type MasterKey } from '../../infra/master-keys.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './keys.repository.ts';

/**
 * Each case has its own random 256-bit data key, and the case's confidential words — the
 * mediator's notes, the parties' preparation answers, private options — are encrypted with it.
 * The data key is stored only wrapped (AES-256-GCM) under a master key from PARLEY_MASTER_KEYS,
 * whose id is stored beside it. A leaked database holds ciphertext only; replacing a master key
 * re-wraps the small case keys and never touches the words (`npm run keys:rotate`).
 */
export class MasterKeyError extends Error {
  override name = 'MasterKeyError';
}

type KeyDeps = Pick<Deps, 'config' | 'clock'>;

const activeKey = (config: Config): MasterKey => config.masterKeys[0];

/** The master key of that id this server holds, including the legacy one derived from APP_SECRET. */
function heldKey(config: Config, id: string): MasterKey | undefined {
  if (id === LEGACY_KEY_ID) return legacyMasterKey(config.appSecret);
  return config.masterKeys.find((k) => k.id === id);
}

// The data key is wrapped as its base64 text, as it always has been, so old and new rows read alike.
const wrapDataKey = (master: MasterKey, dataKey: Buffer): string =>
  encrypt(dataKey.toString('base64'), master.key);

function unwrapCaseKey(config: Config, row: repo.CaseKeyRow): Buffer {
  const master = heldKey(config, row.master_key_id);
  if (!master) {
    throw new MasterKeyError(
      `The key of case ${row.case_id} is wrapped under master key "${row.master_key_id}", which PARLEY_MASTER_KEYS on this server does not hold.`,
    );
  }
  try {
    return Buffer.from(decrypt(row.wrapped_key, master.key), 'base64');
  } catch {
    throw new MasterKeyError(
      `Master key "${master.id}" does not open the key of case ${row.case_id}: PARLEY_MASTER_KEYS holds other bytes under that id than the key that wrapped it.`,
    );
  }
}

function refuseUnlessUsable(
  key: MasterKey,
  record: { fingerprint: string; state: string; retired_at: string | null },
) {
  if (record.fingerprint !== keyFingerprint(key.key)) {
    throw new MasterKeyError(
      `PARLEY_MASTER_KEYS: the key "${key.id}" is not the key this database knows by that id (fingerprint ${record.fingerprint} on record, ${keyFingerprint(key.key)} given)${key.id === 'dev' ? '. Without PARLEY_MASTER_KEYS the key is derived from APP_SECRET: was APP_SECRET changed?' : '.'}`,
    );
  }
  if (record.state === 'retired') {
    throw new MasterKeyError(
      `PARLEY_MASTER_KEYS: the key "${key.id}" was retired on ${record.retired_at?.slice(0, 10)}; list the current key first (see "Keys" in the README).`,
    );
  }
}

/**
 * Puts the active master key on record (its fingerprint) the first time it is used and refuses a
 * retired one or one whose bytes differ from the record. Locks the record until the caller's
 * transaction ends, so a rotation cannot retire the key under a case key being wrapped with it.
 */
async function ensureActiveMasterKey(tx: Tx, deps: KeyDeps): Promise<MasterKey> {
  const key = activeKey(deps.config);
  await repo.recordMasterKey(tx, {
    id: key.id,
    fingerprint: keyFingerprint(key.key),
    state: 'active',
    first_used_at: iso(deps.clock.now()),
    retired_at: null,
  });
  refuseUnlessUsable(key, (await repo.lockMasterKey(tx, key.id, 'share'))!);
  return key;
}

/** The case's data key, made (and wrapped under the active master key) on first use. */
export async function caseKey(db: Executor, deps: KeyDeps, caseId: string): Promise<Buffer> {
  const found = await repo.findCaseKey(db, caseId);
  if (found) return unwrapCaseKey(deps.config, found);
  return inTransaction(db, async (tx) => {
    const master = await ensureActiveMasterKey(tx, deps);
    await repo.insertCaseKey(tx, {
      case_id: caseId,
      wrapped_key: wrapDataKey(master, randomBytes(32)),
      master_key_id: master.id,
      created_at: iso(deps.clock.now()),
    });
    // Another request may have made the key first: theirs is the one kept.
    return unwrapCaseKey(deps.config, (await repo.findCaseKey(tx, caseId))!);
  });
}

/**
 * Words kept before there is a case to hold them (a request's draft): sealed under the active
 * master key itself, whose id is kept beside them.
 */
export async function sealUnderMasterKey(tx: Tx, deps: KeyDeps, text: string) {
  const master = await ensureActiveMasterKey(tx, deps);
  return { sealed: encrypt(text, master.key), masterKeyId: master.id };
}

/** Words sealed by sealUnderMasterKey, or null when this server no longer holds that master key. */
export function unsealUnderMasterKey(config: Config, masterKeyId: string, sealed: string): string | null {
  const master = heldKey(config, masterKeyId);
  if (!master) return null;
  try {
    return decrypt(sealed, master.key);
  } catch {
    return null;
  }
}

export const seal = (key: Buffer, text: string) => encrypt(text, key);
export const unseal = (key: Buffer, sealed: string) => decrypt(sealed, key);

/**
 * A person's rows on any number of cases, each presented with its words opened under its own case's
 * key (their data export): `present` is handed the row and `open`, which unseals under that key; a
 * row it presents as null is left out.
 */
export async function openUnderCaseKeys<Row extends { case_id: string }, Out>(
  db: Executor,
  deps: KeyDeps,
  rows: readonly Row[],
  present: (row: Row, open: (sealed: string) => string) => Out | null | Promise<Out | null>,
): Promise<Out[]> {
  const out: Out[] = [];
  for (const row of rows) {
    const key = await caseKey(db, deps, row.case_id);
    const presented = await present(row, (sealed) => decrypt(sealed, key));
    if (presented !== null) out.push(presented);
  }
  return out;
}

export type KeyUse = {
  id: string;
  caseKeys: number;
  held: boolean;
  state: 'active' | 'retired' | 'unrecorded';
};

/** How many case keys each master key wraps, and whether this server holds it. */
export async function describeMasterKeys(db: Executor, config: Config): Promise<KeyUse[]> {
  const counts = await repo.countCaseKeysByMasterKey(db);
  const records = await repo.listMasterKeys(db);
  const ids = [...new Set([...records.map((r) => r.id), ...counts.map((c) => c.id)])].sort();
  return ids.map((id) => ({
    id,
    caseKeys: counts.find((c) => c.id === id)?.caseKeys ?? 0,
    held: heldKey(config, id) !== undefined,
    state: records.find((r) => r.id === id)?.state ?? 'unrecorded',
  }));
}

/**
 * At start-up: stops a server whose active key was retired or whose keys differ from the ones on
 * record, and reports case keys it could not open (their master key is not listed) and case
 * keys still wrapped under the legacy key derived from APP_SECRET.
 */
export async function checkMasterKeys(deps: Pick<Deps, 'db' | 'config' | 'clock'>) {
  return inTransaction(deps.db, async (tx) => {
    await ensureActiveMasterKey(tx, deps);
    const records = await repo.listMasterKeys(tx);
    for (const key of deps.config.masterKeys) {
      const record = records.find((r) => r.id === key.id);
      if (record && record.fingerprint !== keyFingerprint(key.key)) refuseUnlessUsable(key, record);
    }
    const uses = await describeMasterKeys(tx, deps.config);
    return {
      unheld: uses.filter((u) => !u.held && u.caseKeys > 0).map((u) => u.id),
      legacyCaseKeys: uses.find((u) => u.id === LEGACY_KEY_ID)?.caseKeys ?? 0,
    };
  });
}

export type RotationResult = {
  to: string;
  rewrapped: number;
  retired: string[];
  /** Keys still wrapping case keys made meanwhile by a server that had not yet switched. */
  remaining: string[];
};

/**
 * Re-wraps every case key under the active (first) master key, in batches, each in its own
 * transaction: the data stays encrypted as it is and every server that holds both keys keeps
 * working throughout. Then retires each other key that no longer wraps anything, and records the
 * rotation in the audit trail (key ids and counts, never a key).
 */
export async function rotateMasterKeys(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  options: { batchSize?: number } = {},
): Promise<RotationResult> {
  const { db, config } = deps;
  const to = activeKey(config);
  await inTransaction(db, (tx) => ensureActiveMasterKey(tx, deps));
  const before = await describeMasterKeys(db, config);
  const unheld = before.filter((u) => !u.held && u.caseKeys > 0);
  if (unheld.length > 0) {
    throw new MasterKeyError(
      `Case keys are wrapped under ${unheld.map((u) => `"${u.id}" (${u.caseKeys})`).join(', ')}, which PARLEY_MASTER_KEYS does not hold: list the old key after the new one until the rotation has finished.`,
    );
  }

  let rewrapped = 0;
  for (;;) {
    const rows = await repo.caseKeysNotUnder(db, to.id, options.batchSize ?? 200);
    if (rows.length === 0) break;
    await inTransaction(db, async (tx) => {
      for (const row of rows) {
        const wrappedKey = wrapDataKey(to, unwrapCaseKey(config, row));
        if (
          await repo.rewrapCaseKey(tx, {
            caseId: row.case_id,
            from: row.master_key_id,
            to: to.id,
            wrappedKey,
          })
        )
          rewrapped += 1;
      }
    });
  }

  const retired: string[] = [];
  const remaining: string[] = [];
  const at = iso(deps.clock.now());
  for (const use of before.filter((u) => u.id !== to.id && u.state !== 'retired')) {
    await inTransaction(db, async (tx) => {
      if (use.id === LEGACY_KEY_ID) {
        const legacy = legacyMasterKey(config.appSecret).key;
        await repo.recordMasterKey(tx, {
          id: use.id,
          fingerprint: keyFingerprint(legacy),
          state: 'active',
          first_used_at: at,
          retired_at: null,
        });
      }
      await repo.lockMasterKey(tx, use.id, 'update');
      if ((await repo.countCaseKeysUnder(tx, use.id)) > 0) {
        remaining.push(use.id);
        return;
      }
      await repo.retireMasterKey(tx, use.id, at);
      retired.push(use.id);
    });
  }

  if (rewrapped === 0 && retired.length === 0) return { to: to.id, rewrapped, retired, remaining };
  await inTransaction(db, (tx) =>
    recordAudit(tx, {
      kind: 'keys.rotated',
      at: deps.clock.now(),
      subjectType: 'master_key',
      subjectId: to.id,
      data: { rewrapped, retired, remaining },
    }),
  );
  return { to: to.id, rewrapped, retired, remaining };
}
