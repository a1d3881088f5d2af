import type { ButtonHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  /** While true the button shows busyLabel and cannot be pressed twice. */
  busy?: boolean;
  /** What the button says while busy: "Please wait…" in the page's language unless given. */
  busyLabel?: string;
};

export function Button({
  variant = 'primary',
  busy = false,
  busyLabel,
  type = 'button',
  className,
  children,
  disabled,
  ...rest
}: ButtonProps) {
  const { t } = useTranslation('common');
  const classes = ['button', variant === 'primary' ? '' : `button-${variant}`, className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type={type}
      className={classes}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy ? (busyLabel ?? t('button.busy')) : children}
    </button>
  );
}
