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

const plural = (n: number | bigint, one: string, many = `${one}s`) => `${n} ${Number(n) === 1 ? one : many}`;

const FORMATS: Record<string, string> = {
  email: 'Enter an e-mail address, like name@example.com.',
  url: 'Enter a web address, like https://example.com.',
  uuid: 'Choose one of the choices offered.',
  guid: 'Choose one of the choices offered.',
  datetime: 'Enter a date and time.',
  date: 'Enter a date, like 2026-03-15.',
  time: 'Enter a time, like 14:30.',
  e164: 'Enter a phone number, like +1 573 555 0100.',
};

const TYPES: Record<string, string> = {
  string: 'Enter this as text.',
  number: 'Enter a number.',
  int: 'Enter a whole number.',
  boolean: 'Choose yes or no.',
  array: 'Choose from the list.',
  object: 'Fill in this part of the form.',
  date: 'Enter a date.',
};

/** Zod's issue in plain words, as a sentence for the field it concerns. */
export function plainMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '')
        return 'Please fill this in.';
      return TYPES[issue.expected] ?? 'This is not in a form Parley can read. Please enter it again.';
    case 'too_big':
      if (issue.origin === 'string') return `Use ${plural(issue.maximum, 'character')} or fewer.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Choose at most ${plural(issue.maximum, 'item')}.`;
      if (issue.origin === 'file') return 'This file is too large.';
      return `Enter ${issue.maximum} or less.`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'Please fill this in.'
          : `Use at least ${plural(issue.minimum, 'character')}.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return Number(issue.minimum) <= 1 ? 'Choose at least one.' : `Choose at least ${issue.minimum}.`;
      return `Enter ${issue.minimum} or more.`;
    case 'invalid_format':
      return FORMATS[issue.format] ?? 'This is not in the expected form. Please check it.';
    case 'not_multiple_of':
      return `Enter a multiple of ${issue.divisor}.`;
    case 'invalid_value':
      if (issue.values.length === 1 && issue.values[0] === true) return 'Please check this box to go on.';
      return 'Choose one of the choices offered.';
    case 'unrecognized_keys':
      return `Parley does not take ${issue.keys.map((key) => fieldLabel(key)).join(', ')} here.`;
    default:
      return 'This is not in the expected form. Please check it.';
  }
}

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
