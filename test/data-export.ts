import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import type { TestClient } from './client.ts';

/**
 * A person's data export, downloaded as they would and unzipped: its files, data.json, and every
 * file as one text (to find a person's words in it, or be sure another's are not there).
 */
export async function exportOf(client: TestClient) {
  const r = await client.get('/api/v1/account/data/export');
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers['content-type']).toBe('application/zip');
  expect(r.headers['content-disposition']).toMatch(/^attachment; filename="parley-my-data-[0-9-]+\.zip"$/);
  const files = unzipSync(new Uint8Array(r.rawPayload));
  return {
    files,
    data: JSON.parse(strFromU8(files['data.json']!)) as Record<string, unknown>,
    text: Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n'),
    raw: r.rawPayload,
  };
}
