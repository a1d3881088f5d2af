import { z } from 'zod';

/** A record's id as a path or a body names it: the schema every contract shares. */
export const Id = z.string().min(1).max(64);
