import type { FormEvent, ReactNode } from 'react';
import { Button } from './Button.tsx';

type SendFormProps = {
  onSend: () => void;
  busy: boolean;
  busyLabel?: string;
  submit: string;
  variant?: 'secondary' | 'danger';
  /** Beside the button: a link such as "I forgot my password". */
  after?: ReactNode;
  children: ReactNode;
};

/** A form that sends without reloading the page (its own checks, not the browser's), with its submit button last. */
export function SendForm({ onSend, busy, busyLabel, submit, variant, after, children }: SendFormProps) {
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

/**
 * A SendForm that runs `change` and is busy while it runs: a change that takes nothing, its fields
 * being the page's own state (`useChange(() => call(contract, { body: { reason } }))`).
 */
export function ChangeForm({
  change,
  ...form
}: {
  /** A Change (useChange) that takes nothing, or anything run and busy alike. */
  change: { run: () => unknown; busy: boolean };
} & Omit<SendFormProps, 'onSend' | 'busy'>) {
  return <SendForm onSend={() => void change.run()} busy={change.busy} {...form} />;
}
