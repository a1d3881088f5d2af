import { z } from 'zod';

// The fields the directory's contracts share (contracts/directory.ts and its companions).

export const fips = z.string().regex(/^29\d{3}$/, 'must be a Missouri county code such as 29077');
