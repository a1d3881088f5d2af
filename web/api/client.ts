/**
 * The one way the web app talks to the server. Every call is JSON, same-origin, and every
 * state-changing call echoes the parley_csrf cookie in the x-csrf-token header (the server's
 * double-submit check). Errors arrive as { error: { code, message, fields? } } and become ApiError,
 * so a form can show the message at the top and each field's message next to its field.
 */

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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
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

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const envelope = (data as { error?: { code?: string; message?: string; fields?: FieldErrors } })?.error;
    throw new ApiError(
      response.status,
      envelope?.code ?? 'UNKNOWN',
      envelope?.message ?? 'Something went wrong on our side. Please try again in a minute.',
      envelope?.fields ?? {},
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T = void>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T = void>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** Builds a query string from defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
