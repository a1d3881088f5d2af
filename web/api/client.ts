/**
 * The one way the web app talks to the server. Every call is JSON, same-origin, and every
 * state-changing call echoes the parley_csrf cookie in the x-csrf-token header (the server's
 * double-submit check). Errors arrive as { error: { code, message, fields? } } and become ApiError,
 * so a form can show the message at the top and each field's message next to its field.
 */

import { z } from 'zod';
import type { Method, ResponseOf, RouteContract, Sent } from '../../contracts/route.ts';

const CSRF_COOKIE = 'parley_csrf';
const CSRF_HEADER = 'x-csrf-token';

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;

  constructor(status: number, code: string, message: string, fields: FieldErrors = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** The message for one field, whether the server named it "email" or "body.email". */
  field(name: string): string | undefined {
    return this.fields[name] ?? this.fields[`body.${name}`];
  }
}

/** Any thrown value as something a person can read. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong on our side. Please try again in a minute.';
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

let csrfPriming: Promise<unknown> | undefined;

/** The server sets the CSRF cookie on any /api GET; make sure one has happened. */
async function csrfToken(): Promise<string> {
  let token = readCookie(CSRF_COOKIE);
  if (!token) {
    csrfPriming ??= fetch('/api/v1/auth/session', { credentials: 'same-origin' }).finally(() => {
      csrfPriming = undefined;
    });
    await csrfPriming;
    token = readCookie(CSRF_COOKIE);
  }
  return token ?? '';
}

/** Sends one request and reads its answer; an error answer becomes ApiError. */
async function send(method: Method, path: string, body?: unknown): Promise<unknown> {
  // The page's language (web/i18n.ts keeps <html lang> on it): words the server puts in its
  // answer, such as field errors and rule-pack words, come back in it.
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': document.documentElement.lang || 'en-US',
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers[CSRF_HEADER] = await csrfToken();

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      'We could not reach Parley. Check your internet connection and try again.',
    );
  }

  if (response.status === 204) return undefined;
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const envelope = ErrorEnvelope.safeParse(data).data?.error;
    throw new ApiError(
      response.status,
      envelope?.code ?? 'UNKNOWN',
      envelope?.message ?? 'Something went wrong on our side. Please try again in a minute.',
      envelope?.fields ?? {},
    );
  }
  return data;
}

const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

/** What a call sends: the path's params, the query and the body, each required when its schema needs it. */
type Part<Key extends string, S> = S extends z.ZodType
  ? object extends Sent<S>
    ? { [K in Key]?: Sent<S> }
    : { [K in Key]: Sent<S> }
  : { [K in Key]?: undefined };
export type CallArgs<C extends RouteContract> = Part<'params', C['params']> &
  Part<'query', C['query']> &
  Part<'body', C['body']>;
/** Nothing to pass when every part is optional: `call(listPrograms)`. */
type ArgsTuple<C extends RouteContract> =
  object extends CallArgs<C> ? [args?: CallArgs<C>] : [args: CallArgs<C>];

type AnyArgs = { params?: unknown; query?: unknown; body?: unknown };

/**
 * Calls one API route from its contract (contracts/<area>.ts) and answers with the contract's
 * response, read through the same schema the server answers with: the web app never asserts
 * the shape of an answer.
 */
export function call<C extends RouteContract>(contract: C, ...args: ArgsTuple<C>): Promise<ResponseOf<C>>;
export async function call(contract: RouteContract, args: AnyArgs = {}): Promise<unknown> {
  const path = pathOf(contract, args.params, args.query);
  const body = contract.method === 'GET' || contract.method === 'DELETE' ? undefined : (args.body ?? {});
  const data = await send(contract.method, path, body);
  const success = Object.values(contract.response)[0];
  if (!(success instanceof z.ZodType) || data === undefined) return undefined;
  const parsed = success.safeParse(data);
  if (parsed.success) return parsed.data;
  console.error(`${contract.method} ${contract.path} answered differently from its contract`, parsed.error);
  throw new ApiError(
    0,
    'UNEXPECTED_ANSWER',
    'Parley answered in a way this page does not understand. Reload the page and try again.',
  );
}

/** A link to a route: a file to download or open (`href(getRequestLetter, { caseId })`). */
export function href<C extends RouteContract & { method: 'GET' }>(
  contract: C,
  params: Part<'params', C['params']>['params'],
  query?: Sent<C['query']>,
): string {
  return pathOf(contract, params, query);
}

function pathOf(contract: RouteContract, params: unknown, query: unknown): string {
  const values = (params ?? {}) as Record<string, unknown>;
  const path = contract.path.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(String(values[name])),
  );
  return `${path}${queryString((query ?? {}) as Record<string, unknown>)}`;
}

/** A query string from defined, non-empty values; a list repeats its key. */
function queryString(values: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    for (const item of [value].flat()) {
      if (item !== undefined && item !== null && item !== '') search.append(key, String(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
