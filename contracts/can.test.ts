import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Can } from './can.ts';

describe('Can', () => {
  it('is one boolean per action, each required, and nothing else', () => {
    const can = Can('confirm', 'dispute');
    const flags: z.infer<typeof can> = { confirm: true, dispute: false };
    expect(can.parse(flags)).toEqual(flags);
    expect(can.safeParse({ confirm: true }).success).toBe(false);
    expect(can.safeParse({ confirm: true, dispute: 'yes' }).success).toBe(false);
    expect(can.parse({ ...flags, waive: true })).toEqual(flags);
    // @ts-expect-error an action the record does not offer is not a flag of it
    const unknown: z.infer<typeof can> = { confirm: true, dispute: false, waive: true };
    expect(unknown).toBeDefined();
  });
});
