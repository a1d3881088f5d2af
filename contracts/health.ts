import { z } from 'zod';
import { defineRoute } from './route.ts';

/**
 * Health: whether a server answers (load balancers), and the test clock journeys move. About: what
 * the footer's pages (privacy, accessibility, contact) need to know of this server.
 */

export const Health = z.object({ status: z.literal('ok'), database: z.literal('ok'), time: z.string() });
export type Health = z.infer<typeof Health>;

export const getHealth = defineRoute({
  method: 'GET',
  path: '/api/health',
  summary: 'Whether this server and its database answer (for load balancers)',
  tags: ['health'],
  response: { 200: Health },
});

export const ClockBody = z.object({
  set: z.iso.datetime().optional(),
  advanceMs: z.number().int().min(0).optional(),
});
export type ClockBody = z.infer<typeof ClockBody>;
export const ClockNow = z.object({ now: z.string() });
export type ClockNow = z.infer<typeof ClockNow>;

export const setTestClock = defineRoute({
  method: 'POST',
  path: '/api/v1/dev/clock',
  summary: 'Set or advance the test clock (test mode only)',
  tags: ['development'],
  body: ClockBody,
  response: { 200: ClockNow },
});

export const About = z.object({
  /** Where people write about privacy, a barrier to access, or anything else (CONTACT_EMAIL). */
  contactEmail: z.email(),
});
export type About = z.infer<typeof About>;

export const getAbout = defineRoute({
  method: 'GET',
  path: '/api/v1/about',
  summary: 'How to reach the people who run this Parley (for the contact, privacy and accessibility pages)',
  tags: ['health'],
  response: { 200: About },
});
