import type { ReactNode } from 'react';

type AlertProps = {
  tone: 'error' | 'success' | 'info' | 'warning';
  title?: string;
  children?: ReactNode;
};

/**
 * A message box. Errors use role="alert" so they are announced at once; the others use
 * role="status", which waits for the screen reader to finish what it is saying.
 */
export function Alert({ tone, title, children }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert-title">{title}</p> : null}
      {children}
    </div>
  );
}
