import { z } from 'zod';

/**
 * What a person reads when a value does not fit its schema. Zod's own messages ("Too big: expected
 * string to have <=64 characters", "Invalid input: expected boolean, received string") are written
 * for programmers; these say what to do, in words a parent reads at a glance. A schema that gives
 * its own message keeps it: this only replaces zod's defaults.
 *
 * Each message is a sentence about one field, shown next to that field; fieldLabel names the
 * field in words for the message at the top of a form.
 */
type RawIssue = z.core.$ZodRawIssue;

const plural = (n: number | bigint | string, one: string, many = `${one}s`) =>
  `${n} ${Number(n) === 1 ? one : many}`;

/**
 * Which plain message an issue gets: a key and its arguments. The English is written here (the
 * web app validates forms with these schemas too); the server finds the same keys in the `errors`
 * catalog under `plain.` for a reader of another language (server/http/field-errors.ts).
 */
export type PlainMessage = {
  key: PlainKey;
  args?: Record<string, number | string>;
  /** For `unrecognizedKeys`: the names of the fields Parley does not take. */
  fields?: readonly string[];
};

const ENGLISH = {
  fillIn: () => 'Please fill this in.',
  'type.string': () => 'Enter this as text.',
  'type.number': () => 'Enter a number.',
  'type.int': () => 'Enter a whole number.',
  'type.boolean': () => 'Choose yes or no.',
  'type.array': () => 'Choose from the list.',
  'type.object': () => 'Fill in this part of the form.',
  'type.date': () => 'Enter a date.',
  unreadable: () => 'This is not in a form Parley can read. Please enter it again.',
  'tooBig.string': (a) => `Use ${plural(a.max!, 'character')} or fewer.`,
  'tooBig.array': (a) => `Choose at most ${plural(a.max!, 'item')}.`,
  'tooBig.file': () => 'This file is too large.',
  'tooBig.number': (a) => `Enter ${a.max} or less.`,
  'tooSmall.string': (a) => `Use at least ${plural(a.min!, 'character')}.`,
  'tooSmall.arrayOne': () => 'Choose at least one.',
  'tooSmall.array': (a) => `Choose at least ${a.min}.`,
  'tooSmall.number': (a) => `Enter ${a.min} or more.`,
  'format.email': () => 'Enter an e-mail address, like name@example.com.',
  'format.url': () => 'Enter a web address, like https://example.com.',
  'format.datetime': () => 'Enter a date and time.',
  'format.date': () => 'Enter a date, like 2026-03-15.',
  'format.time': () => 'Enter a time, like 14:30.',
  'format.e164': () => 'Enter a phone number, like +1 573 555 0100.',
  multipleOf: (a) => `Enter a multiple of ${a.divisor}.`,
  checkBox: () => 'Please check this box to go on.',
  chooseOffered: () => 'Choose one of the choices offered.',
  unrecognizedKeys: (a) => `Parley does not take ${a.fields} here.`,
  notExpected: () => 'This is not in the expected form. Please check it.',
} satisfies Record<string, (args: Record<string, number | string>) => string>;

export type PlainKey = keyof typeof ENGLISH;

const FORMATS: Record<string, PlainKey> = {
  email: 'format.email',
  url: 'format.url',
  uuid: 'chooseOffered',
  guid: 'chooseOffered',
  datetime: 'format.datetime',
  date: 'format.date',
  time: 'format.time',
  e164: 'format.e164',
};

const TYPES = new Set(['string', 'number', 'int', 'boolean', 'array', 'object', 'date']);

/** Which plain message zod's issue gets, for the field it concerns. */
export function plainMessageOf(issue: RawIssue): PlainMessage {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return { key: 'fillIn' };
      return TYPES.has(issue.expected)
        ? { key: `type.${issue.expected}` as PlainKey }
        : { key: 'unreadable' };
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'tooBig.string', args: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'tooBig.array', args: { max } };
      if (issue.origin === 'file') return { key: 'tooBig.file' };
      return { key: 'tooBig.number', args: { max } };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? { key: 'fillIn' } : { key: 'tooSmall.string', args: { min } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return min <= 1 ? { key: 'tooSmall.arrayOne' } : { key: 'tooSmall.array', args: { min } };
      return { key: 'tooSmall.number', args: { min } };
    }
    case 'invalid_format':
      return { key: FORMATS[issue.format] ?? 'notExpected' };
    case 'not_multiple_of':
      return { key: 'multipleOf', args: { divisor: Number(issue.divisor) } };
    case 'invalid_value':
      return issue.values.length === 1 && issue.values[0] === true
        ? { key: 'checkBox' }
        : { key: 'chooseOffered' };
    case 'unrecognized_keys':
      return {
        key: 'unrecognizedKeys',
        args: { fields: issue.keys.map((key) => fieldLabel(key)).join(', ') },
        fields: issue.keys,
      };
    default:
      return { key: 'notExpected' };
  }
}

/** A plain message in English. */
export const englishOf = (message: PlainMessage): string => ENGLISH[message.key](message.args ?? {});

/** Zod's issue in plain words, as a sentence for the field it concerns. */
export const plainMessage = (issue: RawIssue): string => englishOf(plainMessageOf(issue));

// Field names that do not read well when simply split into words.
const WORDS: Record<string, string> = {
  email: 'e-mail address',
  url: 'web address',
  dob: 'date of birth',
  zip: 'ZIP code',
  totp: 'code',
  mfa: 'two-step sign-in',
  csv: 'spreadsheet',
  confirm: 'confirmation box',
  body: 'form',
  grant: 'decision',
};
// Where a request's part names a field ("body.email"): the part is not a field.
const PARTS = new Set(['body', 'query', 'params', 'querystring']);

function words(name: string): string {
  const bare = name.endsWith('Id') && name.length > 2 ? name.slice(0, -2) : name;
  return bare
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .split(' ')
    .map((word) => WORDS[word] ?? word)
    .join(' ');
}

/**
 * A field's name in words: "body.respondent.email" → "respondent e-mail address", "programId" →
 * "program", "answers.2.text" → "answers text".
 */
export function fieldLabel(path: string): string {
  const segments = path
    .split('.')
    .filter((s, i) => s !== '' && !/^\d+$/.test(s) && !(i === 0 && PARTS.has(s)));
  if (segments.length === 0) return WORDS.body!;
  const last = segments.at(-1)!;
  const parent = segments.at(-2);
  // A figure and its source inside a setting ("closedCaseYears.value") are named by the setting.
  if (parent && last === 'value') return words(parent);
  if (parent && last === 'cite') return `source of the ${words(parent)}`;
  // "name" or "email" alone does not say whose: say the part it belongs to.
  return parent && ['name', 'email', 'phone', 'id', 'text'].includes(last)
    ? `${words(parent)} ${words(last)}`
    : words(last);
}

/**
 * One field's message for the top of a form, naming the field in words: "The password must be at
 * least 8 characters.", "Please check the e-mail address: enter an e-mail address, like …".
 */
export function describeField(path: string, message: string): string {
  const label = fieldLabel(path);
  const text = message.trim();
  // A fragment that goes on from the field's name ("must be …", "is not on this case").
  const line = /^(must|is|are|does|do|can|cannot|should|has|was|not)\b/.test(text)
    ? `The ${label} ${text}`
    : `Please check the ${label}: ${/^(Enter|Use|Choose|Please|This|Fill)\b/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text}`;
  return /[.!?]$/.test(line) ? line : `${line}.`;
}

/** The message at the top of a form: each field in words with what to do about it. */
export function describeFields(fields: Record<string, string>): string {
  const entries = Object.entries(fields);
  const lines = entries.slice(0, 3).map(([path, message]) => describeField(path, message));
  const more = entries.length > 3 ? ` And ${plural(entries.length - 3, 'other field')} to check.` : '';
  return lines.join(' ') + more;
}

/**
 * Zod's own wording, which no answer or page may carry: the tests (unit, integration and every
 * browser journey's page check) look for it.
 */
export const SCHEMA_DEFAULT_MESSAGE =
  /Invalid input|Invalid option|Invalid (email|string|ISO|URL|UUID)|Too (big|small):|expected (string|number|boolean|array|object|int|one of|true)|received (string|number|boolean|undefined|null|object|array)|Unrecognized key/i;

/** Puts these messages in place of zod's own, for every schema on the server and in the web app. */
export function installPlainMessages(): void {
  z.config({ customError: plainMessage });
}
