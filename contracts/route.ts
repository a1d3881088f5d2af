import { z } from 'zod';

/**
 * A route contract: what one API route takes and answers, shared by the server (which registers
 * it with server/http/route.ts) and the web app (which calls it with web/api/client.ts). The
 * zod schemas validate requests, type both halves and write /api/openapi.json.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A file answer (PDF, calendar, CSV, an upload): not JSON. The document shows a binary string. */
export type FileBody = {
  readonly kind: 'file';
  /** What the server may send; the first is the usual one. */
  readonly contentTypes: readonly [string, ...string[]];
  readonly schema: z.ZodString;
};

/** Declares a file answer of these content types. */
export function fileBody(contentTypes: readonly [string, ...string[]], description: string): FileBody {
  return { kind: 'file', contentTypes, schema: z.string().meta({ format: 'binary', description }) };
}

/** The answer of a 204: nothing. */
export const NoContent = z.null().describe('Done; there is nothing to send back');
export type NoContent = typeof NoContent;

/** A schema whose answer is JSON. Response schemas hold no transforms, so what the server hands the
 * serializer (z.output) is exactly what the client reads (z.input). */
export type JsonSchema = z.ZodType;

/**
 * The one success answer a route gives. A route has exactly one: a contract without a 2xx
 * answer does not type-check, so every operation in the OpenAPI document says what it returns.
 */
export type SuccessResponse =
  | { readonly 200: JsonSchema | FileBody }
  | { readonly 201: JsonSchema }
  | { readonly 202: JsonSchema }
  | { readonly 204: NoContent };

/** `:name` segments of a path, as a union of names. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

type ParamsFor<P extends string> = [PathParamNames<P>] extends [never]
  ? { readonly params?: undefined }
  : { readonly params: z.ZodType<Record<PathParamNames<P>, unknown>, Record<PathParamNames<P>, unknown>> };

export type RouteContract<P extends string = string> = {
  readonly method: Method;
  /** The path as Fastify registers it, with `:name` parameters. */
  readonly path: P;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly description?: string;
  readonly params?: z.ZodType | undefined;
  /** The query string (Fastify's querystring). */
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: SuccessResponse;
};

/**
 * Declares a route. The type keeps every literal (method, path, schemas), and insists that the
 * path's `:name` parameters are exactly the ones the params schema reads.
 */
export function defineRoute<const P extends string, const C extends RouteContract<P>>(
  contract: C & { readonly path: P } & ParamsFor<P>,
): C {
  const statuses = Object.keys(contract.response);
  if (statuses.length !== 1)
    throw new Error(`${contract.method} ${contract.path}: declare exactly one success response`);
  return contract;
}

/** The success status of a contract. */
export function successStatus(contract: RouteContract): 200 | 201 | 202 | 204 {
  return Number(Object.keys(contract.response)[0]) as 200 | 201 | 202 | 204;
}

/** The success body's schema (or file declaration) of a contract. */
export type SuccessBodyOf<C extends RouteContract> = C['response'] extends { readonly 200: infer B }
  ? B
  : C['response'] extends { readonly 201: infer B }
    ? B
    : C['response'] extends { readonly 202: infer B }
      ? B
      : NoContent;

/** The JSON a route answers with; `undefined` for 204; never for a file. */
export type ResponseOf<C extends RouteContract> =
  SuccessBodyOf<C> extends FileBody
    ? never
    : SuccessBodyOf<C> extends NoContent
      ? undefined
      : SuccessBodyOf<C> extends z.ZodType
        ? z.output<SuccessBodyOf<C>>
        : never;

/** A contract whose answer is a file (linked to, not fetched as JSON). */
export type FileContract = RouteContract & { readonly response: { readonly 200: FileBody } };

/** The parsed value of an optional schema: what the server's handler reads. */
export type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
/** What a caller sends for an optional schema. */
export type Sent<S> = S extends z.ZodType ? z.input<S> : undefined;
