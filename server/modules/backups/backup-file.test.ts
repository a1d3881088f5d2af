import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupError, extractPayload, readBackupHeader, writeBackupFile } from './backup-file.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'parley-backup-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KEY = randomBytes(32);
const snapshot = { tables: { users: 3 }, audit: { seq: 7, hash: 'a'.repeat(64) }, migration: 'm1' };
let n = 0;
const file = () => {
  n += 1;
  return path.join(dir, `f${n}`);
};

/** Writes `payload` as a backup file and returns the file's name and bytes. */
async function write(payload: Buffer, key: Buffer | null, pieces = 1) {
  const name = file();
  const size = Math.ceil(payload.length / pieces) || 1;
  const parts = Array.from({ length: pieces }, (_, i) => payload.subarray(i * size, (i + 1) * size));
  await writeBackupFile(
    name,
    { createdAt: new Date('2026-11-26T10:00:00Z'), payload: 'sqlite', snapshot },
    Readable.from(parts),
    key,
  );
  return { name, bytes: readFileSync(name) };
}

async function read(name: string, key: Buffer | null) {
  const out = file();
  await extractPayload(name, out, key);
  return readFileSync(out);
}

describe('the backup file', () => {
  it('round-trips plain and encrypted payloads of any length, across record boundaries', async () => {
    const mib = 1 << 20;
    for (const length of [0, 1, mib - 1, mib, mib + 1, 2 * mib + 12345]) {
      const payload = randomBytes(length);
      for (const key of [null, KEY]) {
        const { name } = await write(payload, key, 3);
        expect((await read(name, key)).equals(payload)).toBe(true);
      }
    }
  });

  it('says what it holds in a header readable without the key, and holds no plaintext when encrypted', async () => {
    const secret = Buffer.from('Father hinted he would accept alternate weekends. '.repeat(100));
    const { name, bytes } = await write(secret, KEY);
    expect(bytes.includes(Buffer.from('alternate weekends'))).toBe(false);
    const header = await readBackupHeader(name);
    expect(header).toMatchObject({
      format: 'parley-backup',
      payload: 'sqlite',
      snapshot,
      createdAt: '2026-11-26T10:00:00.000Z',
    });
    expect(header.encryption).toMatchObject({
      cipher: 'aes-256-gcm',
      kdf: 'hkdf-sha256',
      keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(JSON.stringify(header)).not.toContain(KEY.toString('base64'));
    const plain = await write(secret, null);
    expect(plain.bytes.includes(Buffer.from('alternate weekends'))).toBe(true);
  });

  it('asks for the key, and names the key a file needs when given another', async () => {
    const { name } = await write(randomBytes(100), KEY);
    const { keyId } = (await readBackupHeader(name)).encryption!;
    await expect(read(name, null)).rejects.toThrow(
      `is encrypted: set BACKUP_ENCRYPTION_KEY to the key it was made with (key id ${keyId})`,
    );
    await expect(read(name, randomBytes(32))).rejects.toThrow(
      `was encrypted with another key (key id ${keyId})`,
    );
  });

  it('refuses a file whose bytes were changed, moved, cut short or added to, and leaves no partial output', async () => {
    const payload = randomBytes((1 << 20) * 2 + 10);
    const { bytes } = await write(payload, KEY);
    const headerEnd = 12 + bytes.readUInt32BE(8);
    const record = 4 + (1 << 20) + 16;
    const variants: [string, Buffer, RegExp][] = [
      [
        'a flipped byte',
        Buffer.from(bytes).fill(bytes[headerEnd + 100]! ^ 1, headerEnd + 100, headerEnd + 101),
        /record 1 fails its check/,
      ],
      [
        'a changed header',
        Buffer.from(bytes.toString('latin1').replace('"users":3', '"users":4'), 'latin1'),
        /record 1 fails its check/,
      ],
      [
        'the last record cut off',
        bytes.subarray(0, headerEnd + 2 * record),
        /ends early: it was cut short after record 2/,
      ],
      [
        'records swapped',
        Buffer.concat([
          bytes.subarray(0, headerEnd),
          bytes.subarray(headerEnd + record, headerEnd + 2 * record),
          bytes.subarray(headerEnd, headerEnd + record),
          bytes.subarray(headerEnd + 2 * record),
        ]),
        /record 1 fails its check/,
      ],
      ['bytes added at the end', Buffer.concat([bytes, randomBytes(40)]), /bytes follow the last record/],
    ];
    for (const [what, altered, message] of variants) {
      const name = file();
      writeFileSync(name, altered);
      const out = file();
      await expect(extractPayload(name, out, KEY), what).rejects.toThrow(message);
      expect(() => readFileSync(out), what).toThrow();
    }
  });

  it('refuses what is not a backup file', async () => {
    const name = file();
    writeFileSync(name, 'SQLite format 3\0 and more');
    await expect(readBackupHeader(name)).rejects.toThrow(BackupError);
    await expect(readBackupHeader(name)).rejects.toThrow(/is not a Parley backup file/);
    await expect(readBackupHeader(path.join(dir, 'nothing-here'))).rejects.toThrow(/no such backup file/);
  });
});
