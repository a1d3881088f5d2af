import { TextField } from '../../components/Field.tsx';

/**
 * The fields the sign-in and account pages share: the e-mail, password and code fields with their browser hints (autocomplete, numeric keypad).
 */

/** The fewest characters a password may have (contracts/accounts.ts says the same). */
export const MIN_PASSWORD = 10;

type Controlled = {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
};

export function EmailField({ value, onChange, error, hint }: Controlled & { hint?: string }) {
  return (
    <TextField
      label="E-mail address"
      name="email"
      type="email"
      autoComplete="email"
      required
      hint={hint}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

/** A password: the one the person has (`current`) or a new one, with the rule in its hint. */
export function PasswordField({
  kind,
  label = kind === 'new' ? 'New password' : 'Your password',
  name = 'password',
  value,
  onChange,
  error,
}: Controlled & { label?: string; name?: string; kind: 'current' | 'new' }) {
  return (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete={kind === 'new' ? 'new-password' : 'current-password'}
      required
      hint={
        kind === 'new'
          ? `Use at least ${MIN_PASSWORD} characters. A few unrelated words are strong and easy to remember; common passwords and your e-mail address are refused.`
          : undefined
      }
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

/** The 6-digit code from an authenticator app, or (`recovery`) one of the person's recovery codes. */
export function CodeField({ value, onChange, error, recovery }: Controlled & { recovery?: boolean }) {
  return recovery ? (
    <TextField
      label="Recovery code"
      name="code"
      autoComplete="off"
      autoCapitalize="none"
      spellCheck={false}
      hint="One of the codes you saved when you turned on two-step sign-in, like abcde-23456. Each works once."
      maxLength={12}
      className="field-code"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  ) : (
    <TextField
      label="6-digit code"
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={7}
      className="field-code"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

/** A code as typed, spaces dropped for app codes (a recovery code keeps its letters). */
export const typedCode = (code: string) => code.replace(/\s/g, '');
