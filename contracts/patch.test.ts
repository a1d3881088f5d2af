import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { patchOf } from './patch.ts';

describe('a PATCH body', () => {
  const Fields = z.object({
    title: z.string().min(3),
    description: z.string().default(''),
    capacity: z.number().nullable().default(null),
    benefits: z.array(z.string()).default([]),
  });
  const Patch = patchOf(Fields);

  it('names only what was sent: no default fills a field it leaves out', () => {
    expect(Patch.parse({ title: 'New title' })).toEqual({ title: 'New title' });
    expect(Patch.parse({ capacity: null })).toEqual({ capacity: null });
    expect(Patch.parse({})).toEqual({});
  });

  it('checks each field it names as the creation does', () => {
    expect(Patch.safeParse({ title: 'No' }).success).toBe(false);
    expect(Patch.safeParse({ benefits: ['a', 2] }).success).toBe(false);
  });

  it('is what .partial() is not', () => {
    expect(Fields.partial().parse({ title: 'New title' })).toEqual({
      title: 'New title',
      description: '',
      capacity: null,
      benefits: [],
    });
  });
});
