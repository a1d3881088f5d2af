import type { FormEvent, ReactNode } from 'react';
import { Button } from './Button.tsx';

/** A form that sends without reloading the page (its own checks, not the browser's), with its submit button last. */
export function SendForm({
  onSend,
  busy,
  busyLabel,
  submit,
  variant,
  after,
  children,
}: {
  onSend: () => void;
  busy: boolean;
  busyLabel?: string;
  submit: string;
  variant?: 'secondary' | 'danger';
  /** Beside the button: a link such as "I forgot my password". */
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSend();
      }}
    >
      {children}
      <div className="form-actions">
        <Button
          type="submit"
          busy={busy}
          {...(busyLabel ? { busyLabel } : {})}
          {...(variant ? { variant } : {})}
        >
          {submit}
        </Button>
        {after}
      </div>
    </form>
  );
}
