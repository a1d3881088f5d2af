import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { describeField, describeFields, installPlainMessages } from '../../contracts/messages.ts';

/**
 * The closed set of error codes Parley sends. Each maps to one HTTP status; a module that needs
 * a new kind of refusal adds its code here so the client can rely on the list.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  MFA_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  EMAIL_UNCONFIRMED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  INVALID_TRANSITION: 409,
  TOKEN_INVALID: 410,
  ACCOUNT_LOCKED: 423,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RULE_VIOLATION: 422,
  ATTORNEY_NOT_ALLOWED: 422,
  COMPANION_LIMIT: 422,
  CERTIFICATION_CLAIM: 422,
  RATE_LIMITED: 429,
  SIGN_IN_THROTTLED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorEnvelope = {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
};

/** The one error type services throw. The message is written for the person who caused it. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toEnvelope(): ErrorEnvelope {
    return {
      error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) },
    };
  }
}

export const notFound = (what = 'That page or record') =>
  new AppError('NOT_FOUND', `${what} was not found, or you do not have access to it.`);
export const forbidden = (message = 'You do not have permission to do that.') =>
  new AppError('FORBIDDEN', message);
export const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', describeField(field, message), { fields: { [field]: message } });

/**
 * A check that refuses by throwing (`requireCopyReader(ctx, state)`), asked ahead: its refusal, or
 * null when it lets the viewer through. An answer's `can` flags come from the very checks the
 * routes make this way.
 */
export function refusalOf(check: () => void): AppError | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

type ZodIssueLike = { path?: readonly PropertyKey[]; message: string; instancePath?: string };

/**
 * Turns schema validation issues into a field → message map ("email" → "Enter an e-mail address,
 * like name@example.com."): the messages are contracts/messages.ts's, in place of zod's.
 */
function fieldsFromValidation(error: FastifyError): Record<string, string> {
  const fields: Record<string, string> = {};
  const context = error.validationContext ?? 'body';
  for (const issue of (error.validation ?? []) as unknown as ZodIssueLike[]) {
    const path = issue.path?.length
      ? issue.path.map(String).join('.')
      : (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const key = path || context;
    fields[key] ??= issue.message;
  }
  if (Object.keys(fields).length === 0)
    fields[context] = 'This is not in the expected form. Please check it.';
  return fields;
}

/** Maps every error to the envelope; no stack trace or internal message leaves the server. */
export function registerErrorHandling(app: FastifyInstance): void {
  installPlainMessages();
  app.setErrorHandler((raw, request, reply) => {
    const error = raw as FastifyError;
    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      const fields = fieldsFromValidation(error);
      appError = new AppError('VALIDATION_FAILED', describeFields(fields), { fields });
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      appError = new AppError('PAYLOAD_TOO_LARGE', 'The request is too large.', {
        fields: { body: 'is too large' },
      });
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      appError = new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request as JSON.', {
        fields: { 'content-type': 'must be application/json' },
      });
    } else if (
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error instanceof SyntaxError ||
      (error.statusCode === 400 && typeof error.code === 'string' && error.code.startsWith('FST_'))
    ) {
      appError = new AppError('MALFORMED_REQUEST', 'The request body is not valid JSON.', {
        fields: { body: 'is not valid JSON' },
      });
    } else if (error.statusCode === 429) {
      appError = new AppError('RATE_LIMITED', 'Too many requests. Please wait a moment and try again.');
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      appError = new AppError('MALFORMED_REQUEST', 'The request could not be understood.');
    } else {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError('INTERNAL', 'Something went wrong on our side. Nothing you sent was lost.');
    }
    if (appError.retryAfterSeconds) reply.header('retry-after', String(appError.retryAfterSeconds));
    return reply.status(appError.status).send(appError.toEnvelope());
  });
}
