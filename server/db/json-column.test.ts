import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { json } from '../../test/client.ts';
import { jsonColumn, StoredJsonError } from './json-column.ts';
import { buildProgram } from './seed/builders.ts';

const column = jsonColumn('things', 'tags', z.array(z.object({ name: z.string() })));

describe('a JSON column read through its schema', () => {
  it('reads and writes the value the schema describes', () => {
    expect(column.read('[{"name":"a"}]')).toEqual([{ name: 'a' }]);
    expect(column.write([{ name: 'b' }])).toBe('[{"name":"b"}]');
  });

  it('takes part in a change only when the change gives it a value', () => {
    expect(column.change([{ name: 'c' }])).toEqual({ tags: '[{"name":"c"}]' });
    expect(column.change([])).toEqual({ tags: '[]' });
    expect(column.change(undefined)).toEqual({});
    expect(column.change(null)).toEqual({});
  });

  it('fails loudly, naming the table, the column and the place, never the value', () => {
    expect(() => column.read('{not json')).toThrow(StoredJsonError);
    expect(() => column.read('{not json')).toThrow('things.tags holds a value Parley cannot read: not JSON');
    expect(() => column.read('[{"name":42}]')).toThrow(/^things\.tags holds a value .* at 0\.name$/);
    expect(() => column.read('[{"name":42}]')).not.toThrow(/42/);
    // A value the schema refuses is never written either.
    expect(() => column.write([{ name: 7 } as never])).toThrow(StoredJsonError);
  });
});

describe('a bad stored value in a live request', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('answers 500 with the error envelope and logs which column, instead of reading it as empty', async () => {
    const program = await buildProgram(t.deps, { kind: 'family' });
    await t.db
      .updateTable('programs')
      .set({ settings: '{"ruleOverrides": 12}' })
      .where('id', '=', program.id)
      .execute();
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/programs/${program.id}/rules` });
    expect(r.statusCode).toBe(500);
    expect(json<{ error: { code: string } }>(r).error.code).toBe('INTERNAL');
    expect(r.body).not.toContain('programs.settings');
    expect(t.logs.join('\n')).toContain('programs.settings holds a value Parley cannot read');
  });
});
