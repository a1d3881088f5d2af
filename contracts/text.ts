import { z } from 'zod';

/**
 * Required words, trimmed, at most `max` characters; `what` names the field in every message, a
 * missing one included ("Enter what was agreed"). The cases area keeps its own `text` in
 * case-fields.ts, whose missing field reads the general "Please fill this in."
 */
export const text = (max: number, what: string) =>
  z.string(`Enter ${what}`).trim().min(1, `Enter ${what}`).max(max, `Keep it under ${max} characters`);
