import type { FastifyError, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  describeFields,
  fieldLabel,
  type PlainMessage,
  plainMessageOf,
  SCHEMA_DEFAULT_MESSAGE,
} from '../../contracts/messages.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../domain/languages.ts';
import { CATALOGS, translator } from '../../i18n/i18n.ts';

/**
 * Field errors in the reader's language. The schemas (contracts/) write English: zod's own
 * messages are replaced by plain ones (contracts/messages.ts, keys under `plain.` in the `errors`
 * catalog), and a schema's own message ("Enter your name"), like a service's (AppError without
 * a key), is found in the catalog's `text.` by its English words, with its figures as arguments
 * ("Keep it under {max} characters"). A message not in the catalog stays English. The field is named by its name in
 * the catalog's `fields.` (keyed by the contract's name for it: `email`, `programId`, or
 * `parent_email` for an `email` inside `parent`), or not named when it has none.
 */

type Issue = { path?: readonly PropertyKey[]; message: string; instancePath?: string };

/** The key of a field in a field → message map: its path ("respondent.email"), else the part. */
function keyOf(issue: Issue, context: string): string {
  const path = issue.path?.length
    ? issue.path.map(String).join('.')
    : (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  return path || context;
}

/** Issues as a field → message map, the first message of each field. */
export function fieldsOfIssues(issues: readonly Issue[], context: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[keyOf(issue, context)] ??= issue.message;
  if (Object.keys(fields).length === 0)
    fields[context] = 'This is not in the expected form. Please check it.';
  return fields;
}

/** A plain message (contracts/messages.ts) in `language`. */
export function plainMessageIn(language: Language, message: PlainMessage): string {
  const t = translator(language, 'errors');
  if (message.key === 'unrecognizedKeys') {
    const names = (message.fields ?? []).map((f) => fieldNameIn(language, f) ?? f);
    return t('plain.unrecognizedKeys', { fields: names.join(', ') });
  }
  return t(`plain.${message.key}`, message.args ?? {});
}

const PARTS = new Set(['body', 'query', 'params', 'querystring']);

/** The field's name in `language` ("el correo electrónico"), or null when the catalog has none. */
export function fieldNameIn(language: Language, path: string): string | null {
  if (language === DEFAULT_LANGUAGE) return fieldLabel(path);
  const names = (CATALOGS[language].errors as { fields: Record<string, string> }).fields;
  const segments = path
    .split('.')
    .filter((s, i) => s !== '' && !/^\d+$/.test(s) && !(i === 0 && PARTS.has(s)));
  if (segments.length === 0) return names.body ?? null;
  const last = segments.at(-1)!;
  const parent = segments.at(-2);
  if (parent && (last === 'value' || last === 'cite')) return names[parent] ?? null;
  return (parent && names[`${parent}_${last}`]) || names[last] || null;
}

type Pattern = { key: string; pattern: RegExp };

let patterns: Pattern[] | null = null;

/** The English field messages of the catalog, each as a pattern taking its arguments. */
function englishPatterns(): Pattern[] {
  const english = (CATALOGS[DEFAULT_LANGUAGE].errors as { text: Record<string, string> }).text;
  patterns ??= Object.entries(english).map(([key, text]) => {
    const source = text
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        return name ? `(?<${name}>.+?)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    return { key, pattern: new RegExp(`^${source}$`) };
  });
  return patterns;
}

/**
 * A message in `language`: found in the catalog's `text.` by its English words (as gettext keys
 * a message by its source words), else as it is.
 */
export function messageIn(language: Language, message: string): string {
  if (language === DEFAULT_LANGUAGE) return message;
  for (const { key, pattern } of englishPatterns()) {
    const match = pattern.exec(message.trim());
    if (match) return translator(language, 'errors')(`text.${key}`, { ...match.groups });
  }
  return message;
}

/** The message at the top of a form in `language`: each field named, with what to do about it. */
export function describeFieldsIn(language: Language, fields: Record<string, string>): string {
  if (language === DEFAULT_LANGUAGE) return describeFields(fields);
  const t = translator(language, 'errors');
  const entries = Object.entries(fields);
  const lines = entries.slice(0, 3).map(([path, text]) => {
    const message = /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
    const field = fieldNameIn(language, path);
    return field ? t('describe.field', { field, message }) : t('describe.unnamed', { message });
  });
  const more = entries.length > 3 ? [t('describe.more', { count: entries.length - 3 })] : [];
  return [...lines, ...more].join(' ');
}

const PART_OF_REQUEST: Record<string, (request: FastifyRequest) => unknown> = {
  body: (r) => r.body,
  querystring: (r) => r.query,
  params: (r) => r.params,
  headers: (r) => r.headers,
};

/**
 * A request's validation failure as a field → message map in `language`. For a language other
 * than English the part is read again by its schema with the plain messages in that language
 * (zod's issue carries what the message needs, such as whether the field was left empty, only
 * while it is read); the schema's own messages are then found in the catalog.
 */
export function fieldsOfValidation(
  request: FastifyRequest,
  error: FastifyError,
  language: Language,
): Record<string, string> {
  const context = error.validationContext ?? 'body';
  const issues = (error.validation ?? []) as unknown as Issue[];
  if (language === DEFAULT_LANGUAGE) return fieldsOfIssues(issues, context);
  const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[context] as
    | z.ZodType
    | undefined;
  const data = PART_OF_REQUEST[context]?.(request);
  const again =
    schema && typeof schema === 'object' && '_zod' in schema
      ? schema.safeParse(data, { error: (issue) => plainMessageIn(language, plainMessageOf(issue)) }).error
          ?.issues
      : undefined;
  const fields = fieldsOfIssues(again?.length ? again : issues, context);
  return Object.fromEntries(
    Object.entries(fields).map(([key, message]) => [
      key,
      // A message zod wrote itself never reaches a reader: the plain one stands in.
      SCHEMA_DEFAULT_MESSAGE.test(message)
        ? translator(language, 'errors')('plain.notExpected')
        : messageIn(language, message),
    ]),
  );
}
