import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { AppError } from '../../http/errors.ts';

// Password strength by zxcvbn-ts (ASVS 2.1.7): its dictionaries hold the passwords most used and
// leaked in breaches, common words and names, keyboard walks, dates and repeats. A password it
// guesses in under 10^8 tries (score below 3), one holding the person's own address, or one
// that is the address's name part with digits added, is refused (zxcvbn is also told the
// address and name, so a password leaning on them scores lower) with a message naming the field. Length rules stay in contracts/accounts.ts.

const MIN_SCORE = 3;
let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));

/** What is wrong with a new password, in words for the person, or null. */
export function passwordProblem(
  password: string,
  person: { email: string; name?: string | null },
): string | null {
  const lower = password.toLowerCase();
  const email = person.email.toLowerCase();
  const local = email.split('@')[0] ?? '';
  // The address itself, or its name part with only digits or signs added ("jordan.lee2026!").
  const bare = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const isLocalPart = bare(local).length >= 3 && bare(password).replace(/\d+$/, '') === bare(local);
  if (lower.includes(email) || isLocalPart) return 'must not contain your e-mail address';
  const userInputs = [email, local, ...(person.name ? person.name.toLowerCase().split(/\s+/) : []), 'parley'];
  const result = zxcvbn().check(
    password,
    userInputs.filter((w) => w.length >= 3),
  );
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning;
  return warning
    ? `is too easy to guess: ${warning.replace(/\.$/, '').toLowerCase()}. A few unrelated words make a strong one`
    : 'is too easy to guess. A few unrelated words make a strong one';
}

/** Refuses a weak new password with a 400 naming the field it was typed in. */
export function requireStrongPassword(
  field: string,
  password: string,
  person: { email: string; name?: string | null },
): void {
  const problem = passwordProblem(password, person);
  if (!problem) return;
  // In another language the reason is said without zxcvbn's English warning.
  const hasEmail = problem === 'must not contain your e-mail address';
  throw new AppError('VALIDATION_FAILED', `Please choose another password: it ${problem}.`, {
    fields: { [field]: problem },
    key: hasEmail ? 'accounts.passwordHasEmail' : 'accounts.weakPassword',
    ...(hasEmail ? {} : { fieldKeys: { [field]: { key: 'accounts.weakPasswordField' } } }),
  });
}
