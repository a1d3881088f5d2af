import type { ButtonHTMLAttributes } from 'react';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  /** While true the button shows busyLabel and cannot be pressed twice. */
  busy?: boolean;
  busyLabel?: string;
};

export function Button({
  variant = 'primary',
  busy = false,
  busyLabel = 'Please wait…',
  type = 'button',
  className,
  children,
  disabled,
  ...rest
}: ButtonProps) {
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
      {busy ? busyLabel : children}
    </button>
  );
}
