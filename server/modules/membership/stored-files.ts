import type { Executor } from '../../db/database.ts';
import { iso } from '../../infra/clock.ts';
import { sha256Hex } from '../../infra/crypto.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';

// The association's files (receipts, certificates, forms) in the shared files table.

export async function storeFile(
  db: Executor,
  deps: Pick<Deps, 'clock'>,
  file: { purpose: string; filename: string; contentType: string; data: Buffer; ownerId: string | null },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('files')
    .values({
      id,
      purpose: file.purpose,
      filename: file.filename,
      content_type: file.contentType,
      size: file.data.length,
      sha256: sha256Hex(file.data),
      data: file.data,
      owner_id: file.ownerId,
      program_id: null,
      case_id: null,
      created_at: iso(deps.clock.now()),
    })
    .execute();
  return id;
}

export const findFile = (db: Executor, id: string) =>
  db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();

/** Bytes as a Buffer whichever driver read them. */
export const fileBytes = (data: Uint8Array): Buffer => Buffer.from(data);

export const dollars = (cents: number): string => `$${(cents / 100).toFixed(2)}`;
