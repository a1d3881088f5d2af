import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../modules/access/access.service.ts';

/** The Fastify instance every routes file receives: zod schemas type its requests. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null. Set by the session hook before any handler runs. */
    actor: Actor | null;
    /** Signed in with a password but the second factor is still to be entered. */
    pendingMfaSessionId: string | null;
  }
}

/** The caller's address and browser, recorded with sign-ins and signatures. */
export type RequestMeta = { ip: string | null; userAgent: string | null };
