import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { iso } from '../../infra/clock.ts';
import { decrypt, deriveKey, encrypt } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';

/**
 * Each case has its own random 256-bit data key. It is stored only wrapped (AES-256-GCM under a
 * key derived from APP_SECRET), and the case's confidential words — the mediator's notes, the
 * parties' preparation answers, private options — are encrypted with it. A leaked database file
 * holds ciphertext only; erasing a case's key would make its confidential record unreadable.
 */
const WRAP_PURPOSE = 'case-data-keys';

const wrapKey = (deps: Pick<Deps, 'config'>) => deriveKey(deps.config.appSecret, WRAP_PURPOSE);

export async function caseKey(db: Executor, deps: Pick<Deps, 'config' | 'clock'>, caseId: string) {
  let row = await db
    .selectFrom('case_keys')
    .select('wrapped_key')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) {
    const fresh = randomBytes(32).toString('base64');
    await db
      .insertInto('case_keys')
      .values({
        case_id: caseId,
        wrapped_key: encrypt(fresh, wrapKey(deps)),
        created_at: iso(deps.clock.now()),
      })
      .onConflict((oc) => oc.column('case_id').doNothing())
      .execute();
    row = await db
      .selectFrom('case_keys')
      .select('wrapped_key')
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
  }
  return Buffer.from(decrypt(row.wrapped_key, wrapKey(deps)), 'base64');
}

export const seal = (key: Buffer, text: string) => encrypt(text, key);
export const unseal = (key: Buffer, sealed: string) => decrypt(sealed, key);
