import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { keyFingerprint } from '../../infra/master-keys.ts';

/**
 * A Parley backup file: a header saying what the file holds, then the payload — a SQLite
 * database file or a pg_dump custom-format archive — plain, or encrypted when
 * BACKUP_ENCRYPTION_KEY is set.
 *
 *   bytes 0–7      "PRLYBAK1"
 *   bytes 8–11     header length H, unsigned 32-bit big-endian
 *   next H bytes   the header, UTF-8 JSON (BackupHeader): never confidential (table names, row
 *                  counts, the audit chain's head, versions)
 *   the rest       plain: the payload's bytes.
 *                  encrypted: records, each [u32 BE: bit 31 "last record", bits 0–30 length L]
 *                  [L bytes of AES-256-GCM ciphertext][16-byte tag]. At most chunkBytes per
 *                  record; the last one (possibly empty) carries the flag, and nothing follows it.
 *
 * Encryption: the file's key is HKDF-SHA256(BACKUP_ENCRYPTION_KEY, salt, "parley-backup-v1")
 * with a random 16-byte salt per file, so a nonce never repeats under a key: record i's nonce is
 * i as 12 bytes big-endian. Each record's additional data is SHA-256(header) ‖ i ‖ last-flag,
 * so a changed header, a record moved, dropped or cut short, or bytes added after the end all
 * fail the check. Each record is authenticated before any of its bytes are written out.
 */
const MAGIC = Buffer.from('PRLYBAK1', 'latin1');
const CHUNK_BYTES = 1 << 20;
const LAST = 0x8000_0000;
const TAG_BYTES = 16;

export type Snapshot = {
  /** Rows in each table at the instant the copy was taken. */
  tables: Record<string, number>;
  /** The audit chain's head at that instant: the copy's chain must verify up to it. */
  audit: { seq: number; hash: string };
  /** The newest migration the database had run. */
  migration: string | null;
  /** PostgreSQL: the schema dumped, the server's and pg_dump's versions. */
  schema?: string;
  serverVersion?: string;
  pgDumpVersion?: string;
};

export type BackupHeader = {
  format: 'parley-backup';
  version: 1;
  createdAt: string;
  payload: 'sqlite' | 'pg_dump';
  snapshot: Snapshot;
  encryption: null | {
    cipher: 'aes-256-gcm';
    kdf: 'hkdf-sha256';
    salt: string;
    /** The fingerprint of the key (never the key), to say which key a file needs. */
    keyId: string;
    chunkBytes: number;
  };
};

/** A backup that cannot be used as it is; the message says why, for the administrator. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const fileKey = (key: Buffer, salt: Buffer) =>
  Buffer.from(hkdfSync('sha256', key, salt, 'parley-backup-v1', 32));

function nonce(index: number): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64BE(BigInt(index), 4);
  return n;
}

function additionalData(headerHash: Buffer, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64BE(BigInt(index), 0);
  tail[8] = last ? 1 : 0;
  return Buffer.concat([headerHash, tail]);
}

function encryptor(key: Buffer, headerHash: Buffer, chunkBytes: number): Transform {
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  const seal = (plain: Buffer, last: boolean) => {
    const cipher = createCipheriv('aes-256-gcm', key, nonce(index));
    cipher.setAAD(additionalData(headerHash, index, last));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE((last ? LAST : 0) + body.length);
    index += 1;
    return Buffer.concat([length, body, cipher.getAuthTag()]);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      // A full chunk is sealed only once more bytes follow it: the last record must carry the flag.
      while (pending.length > chunkBytes) {
        this.push(seal(pending.subarray(0, chunkBytes), false));
        pending = pending.subarray(chunkBytes);
      }
      done();
    },
    flush(done: TransformCallback) {
      this.push(seal(pending, true));
      done();
    },
  });
}

function decryptor(key: Buffer, headerHash: Buffer, chunkBytes: number, file: string): Transform {
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  let ended = false;
  const damaged = (why: string) => new BackupError(`${file} is damaged or was altered: ${why}.`);
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= 4) {
        if (ended) return done(damaged('bytes follow the last record'));
        const field = pending.readUInt32BE(0);
        const last = field >= LAST;
        const length = field % LAST;
        if (length > chunkBytes) return done(damaged(`record ${index + 1} has an impossible length`));
        if (pending.length < 4 + length + TAG_BYTES) break;
        const decipher = createDecipheriv('aes-256-gcm', key, nonce(index));
        decipher.setAAD(additionalData(headerHash, index, last));
        decipher.setAuthTag(pending.subarray(4 + length, 4 + length + TAG_BYTES));
        let plain: Buffer;
        try {
          plain = Buffer.concat([decipher.update(pending.subarray(4, 4 + length)), decipher.final()]);
        } catch {
          return done(damaged(`record ${index + 1} fails its check`));
        }
        this.push(plain);
        pending = pending.subarray(4 + length + TAG_BYTES);
        index += 1;
        ended = last;
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!ended || pending.length > 0) {
        return done(new BackupError(`${file} ends early: it was cut short after record ${index}.`));
      }
      done();
    },
  });
}

/**
 * Writes a backup file from the payload, encrypted when a key is given. The file appears under
 * its name only once complete and flushed to disk (written as `<name>.partial`, then renamed).
 */
export async function writeBackupFile(
  path: string,
  content: { createdAt: Date; payload: BackupHeader['payload']; snapshot: Snapshot },
  payload: Readable,
  key: Buffer | null,
): Promise<BackupHeader> {
  const salt = randomBytes(16);
  const header: BackupHeader = {
    format: 'parley-backup',
    version: 1,
    createdAt: content.createdAt.toISOString(),
    payload: content.payload,
    snapshot: content.snapshot,
    encryption: key
      ? {
          cipher: 'aes-256-gcm',
          kdf: 'hkdf-sha256',
          salt: salt.toString('base64'),
          keyId: keyFingerprint(key),
          chunkBytes: CHUNK_BYTES,
        }
      : null,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const partial = `${path}.partial`;
  try {
    const out = createWriteStream(partial, { mode: 0o600 });
    out.write(Buffer.concat([MAGIC, length, headerBytes]));
    if (key) {
      const hash = createHash('sha256').update(headerBytes).digest();
      await pipeline(payload, encryptor(fileKey(key, salt), hash, CHUNK_BYTES), out);
    } else {
      await pipeline(payload, out);
    }
    const handle = await open(partial, 'r+');
    await handle.sync();
    await handle.close();
    await rename(partial, path);
    return header;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

async function readHeader(path: string): Promise<{ header: BackupHeader; bytes: Buffer; bodyAt: number }> {
  const handle = await open(path, 'r').catch(() => {
    throw new BackupError(`${path}: no such backup file.`);
  });
  try {
    const start = Buffer.alloc(12);
    const { bytesRead } = await handle.read(start, 0, 12, 0);
    if (bytesRead < 12 || !start.subarray(0, 8).equals(MAGIC)) {
      throw new BackupError(`${path} is not a Parley backup file (made by npm run backup).`);
    }
    const size = start.readUInt32BE(8);
    const bytes = Buffer.alloc(size);
    if ((await handle.read(bytes, 0, size, 12)).bytesRead < size) {
      throw new BackupError(`${path} ends early: it was cut short inside its header.`);
    }
    let header: BackupHeader;
    try {
      header = JSON.parse(bytes.toString('utf8')) as BackupHeader;
    } catch {
      throw new BackupError(`${path} is damaged: its header is not readable.`);
    }
    if (header.format !== 'parley-backup' || header.version !== 1) {
      throw new BackupError(`${path} is a backup format this version of Parley does not read.`);
    }
    return { header, bytes, bodyAt: 12 + size };
  } finally {
    await handle.close();
  }
}

/** What a backup file holds, read from its header alone (no key needed). */
export async function readBackupHeader(path: string): Promise<BackupHeader> {
  return (await readHeader(path)).header;
}

/** Writes the payload (the database file or the pg_dump archive) to `out`, decrypting it. */
export async function extractPayload(path: string, out: string, key: Buffer | null): Promise<BackupHeader> {
  const { header, bytes, bodyAt } = await readHeader(path);
  const { encryption } = header;
  if (encryption && !key) {
    throw new BackupError(
      `${path} is encrypted: set BACKUP_ENCRYPTION_KEY to the key it was made with (key id ${encryption.keyId}).`,
    );
  }
  if (encryption && key && keyFingerprint(key) !== encryption.keyId) {
    throw new BackupError(
      `${path} was encrypted with another key (key id ${encryption.keyId}); BACKUP_ENCRYPTION_KEY has key id ${keyFingerprint(key)}.`,
    );
  }
  if (encryption && !(encryption.chunkBytes > 0 && encryption.chunkBytes <= 64 * CHUNK_BYTES)) {
    throw new BackupError(`${path} is damaged: its header gives an impossible record size.`);
  }
  const body = createReadStream(path, { start: bodyAt });
  const sink = createWriteStream(out, { mode: 0o600 });
  try {
    if (encryption && key) {
      const hash = createHash('sha256').update(bytes).digest();
      const salt = Buffer.from(encryption.salt, 'base64');
      await pipeline(body, decryptor(fileKey(key, salt), hash, encryption.chunkBytes, path), sink);
    } else {
      await pipeline(body, sink);
    }
    return header;
  } catch (error) {
    await rm(out, { force: true });
    throw error;
  }
}
