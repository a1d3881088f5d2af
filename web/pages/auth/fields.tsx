import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('auth');
  return (
    <TextField
      label={t('fields.email')}
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
  label,
  name = 'password',
  value,
  onChange,
  error,
}: Controlled & { label?: string; name?: string; kind: 'current' | 'new' }) {
  const { t } = useTranslation('auth');
  return (
    <TextField
      label={label ?? (kind === 'new' ? t('fields.newPassword') : t('fields.yourPassword'))}
      name={name}
      type="password"
      autoComplete={kind === 'new' ? 'new-password' : 'current-password'}
      required
      hint={kind === 'new' ? t('fields.passwordHint', { min: MIN_PASSWORD }) : undefined}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

/** The 6-digit code from an authenticator app, or (`recovery`) one of the person's recovery codes. */
export function CodeField({ value, onChange, error, recovery }: Controlled & { recovery?: boolean }) {
  const { t } = useTranslation('auth');
  return recovery ? (
    <TextField
      label={t('fields.recoveryCode')}
      name="code"
      autoComplete="off"
      autoCapitalize="none"
      spellCheck={false}
      hint={t('fields.recoveryHint')}
      maxLength={12}
      className="field-code"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  ) : (
    <TextField
      label={t('fields.appCode')}
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
