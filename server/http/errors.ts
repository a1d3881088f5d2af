import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { describeField, installPlainMessages } from '../../contracts/messages.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../domain/languages.ts';
import { translator } from '../../i18n/i18n.ts';
import { describeFieldsIn, fieldsOfValidation, messageIn } from './field-errors.ts';
import { requestLanguage } from './language.ts';

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

/** Arguments of a catalog message. */
export type MessageArgs = Record<string, string | number>;
/** A message of the `errors` catalog and its arguments. */
export type CatalogMessage = { key: string; args?: MessageArgs };

/**
 * The one error type services throw. The message is written for the person who caused it, in
 * English (as logs keep it). With `key` (and its `args`), a message of the `errors` catalog says
 * the same in the reader's language: the error handler sends it in the request's language. Field
 * messages are found in the catalog by their English words (field-errors.ts).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly key: string | undefined;
  readonly args: MessageArgs | undefined;
  readonly fieldKeys: Record<string, CatalogMessage> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      fields?: Record<string, string>;
      retryAfterSeconds?: number;
      /** The message's key in the `errors` catalog ("accounts.emailTaken"). */
      key?: string;
      args?: MessageArgs;
      /** A field's message in the catalog, where its English words are built of parts. */
      fieldKeys?: Record<string, CatalogMessage>;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.key = options.key;
    this.args = options.args;
    this.fieldKeys = options.fieldKeys;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** The envelope sent, in `language`: English as written, another language from the catalog. */
  toEnvelope(language: Language = DEFAULT_LANGUAGE): ErrorEnvelope {
    if (language === DEFAULT_LANGUAGE)
      return {
        error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) },
      };
    const t = translator(language, 'errors');
    const fields = this.fields
      ? Object.fromEntries(
          Object.entries(this.fields).map(([k, m]) => {
            const said = this.fieldKeys?.[k];
            return [k, said ? t(said.key, said.args ?? {}) : messageIn(language, m)];
          }),
        )
      : undefined;
    const found = messageIn(language, this.message);
    const message = this.key
      ? t(this.key, this.args ?? {})
      : found !== this.message
        ? found
        : fields && this.code === 'VALIDATION_FAILED'
          ? describeFieldsIn(language, fields)
          : this.message;
    return { error: { code: this.code, message, ...(fields ? { fields } : {}) } };
  }
}

export const notFound = (what = 'That page or record') =>
  new AppError('NOT_FOUND', `${what} was not found, or you do not have access to it.`, {
    key: 'http.notFound',
  });
export const forbidden = (message?: string, key?: string) =>
  message
    ? new AppError('FORBIDDEN', message, key ? { key } : {})
    : new AppError('FORBIDDEN', 'You do not have permission to do that.', { key: 'http.forbidden' });
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

/** Maps every error to the envelope; no stack trace or internal message leaves the server. */
export function registerErrorHandling(app: FastifyInstance): void {
  installPlainMessages();
  app.setErrorHandler((raw, request, reply) => {
    const error = raw as FastifyError;
    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      // Turns schema validation issues into a field → message map ("email" → "Enter an e-mail
      // address, like name@example.com."): contracts/messages.ts's messages, in place of zod's,
      // in the request's language.
      const language = requestLanguage(request);
      const fields = fieldsOfValidation(request, error, language);
      appError = new AppError('VALIDATION_FAILED', describeFieldsIn(language, fields), { fields });
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      appError = new AppError('PAYLOAD_TOO_LARGE', 'The request is too large.', {
        key: 'http.tooLarge',
        fields: { body: 'is too large' },
      });
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      appError = new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request as JSON.', {
        key: 'http.json',
        fields: { 'content-type': 'must be application/json' },
      });
    } else if (
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error instanceof SyntaxError ||
      (error.statusCode === 400 && typeof error.code === 'string' && error.code.startsWith('FST_'))
    ) {
      appError = new AppError('MALFORMED_REQUEST', 'The request body is not valid JSON.', {
        key: 'http.notJson',
        fields: { body: 'is not valid JSON' },
      });
    } else if (error.statusCode === 429) {
      appError = new AppError('RATE_LIMITED', 'Too many requests. Please wait a moment and try again.', {
        key: 'http.tooMany',
      });
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      appError = new AppError('MALFORMED_REQUEST', 'The request could not be understood.', {
        key: 'http.notUnderstood',
      });
    } else {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError('INTERNAL', 'Something went wrong on our side. Nothing you sent was lost.', {
        key: 'http.internal',
      });
    }
    if (appError.retryAfterSeconds) reply.header('retry-after', String(appError.retryAfterSeconds));
    return reply.status(appError.status).send(appError.toEnvelope(requestLanguage(request)));
  });
}
