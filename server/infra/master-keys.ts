import { createHmac, randomBytes } from 'node:crypto';
import { decodeKey256, deriveKey } from './crypto.ts';

/**
 * Master keys wrap each case's data key (server/modules/keys). They are set apart from
 * APP_SECRET so that the secret that signs links and sessions can leak or change without
 * exposing confidential words, and so that a master key can be replaced without re-encrypting
 * any note: only the small wrapped case keys change.
 *
 * PARLEY_MASTER_KEYS lists `<id>:<base64 of 32 random bytes>` entries, separated by commas or
 * spaces. The first wraps new case keys; the others are still read, which is what lets servers
 * keep working while a rotation is under way.
 */
export type MasterKey = { id: string; key: Buffer };

/** Case keys made before master keys existed are wrapped under a key derived from APP_SECRET. */
export const LEGACY_KEY_ID = 'app-secret';

const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** Parses PARLEY_MASTER_KEYS; an error is a sentence to follow the setting's name. */
export function parseMasterKeys(value: string): { keys: MasterKey[] } | { error: string } {
  const entries = value.split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return { error: 'must list at least one key as <id>:<base64 key>' };
  const keys: MasterKey[] = [];
  for (const [index, entry] of entries.entries()) {
    const at = `entry ${index + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 1) return { error: `${at} must be <id>:<base64 key>` };
    const id = entry.slice(0, colon);
    const encoded = entry.slice(colon + 1);
    if (!KEY_ID.test(id)) {
      return {
        error: `${at}: the id "${id}" may hold only letters, digits, dot, dash and underscore (at most 40)`,
      };
    }
    if (id === LEGACY_KEY_ID) return { error: `${at}: the id "${LEGACY_KEY_ID}" is reserved` };
    if (keys.some((k) => k.id === id)) return { error: `the id "${id}" is listed twice` };
    const key = decodeKey256(encoded);
    if (!key) {
      return {
        error: `${at}: the key of "${id}" must be 32 random bytes in base64 (npm run keys:new makes one)`,
      };
    }
    keys.push({ id, key });
  }
  return { keys };
}

/** Outside production a master key is derived from APP_SECRET, so the demo and the tests need no setting. */
export const developmentMasterKey = (appSecret: string): MasterKey => ({
  id: 'dev',
  key: deriveKey(appSecret, 'master-key:development'),
});

/** The wrapping key of case keys made before master keys existed. */
export const legacyMasterKey = (appSecret: string): MasterKey => ({
  id: LEGACY_KEY_ID,
  key: deriveKey(appSecret, 'case-data-keys'),
});

/**
 * A short, one-way name for a key's bytes, stored beside its id: a server given different bytes
 * under a known id is stopped with a message, instead of failing to open case keys later.
 */
export const keyFingerprint = (key: Buffer): string =>
  createHmac('sha256', key).update('parley:key-fingerprint').digest('hex').slice(0, 16);

/** A fresh PARLEY_MASTER_KEYS entry, its id from the date (`npm run keys:new`). */
export function newMasterKeyEntry(now: Date): string {
  const id = `k${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(2).toString('hex')}`;
  return `${id}:${randomBytes(32).toString('base64')}`;
}
