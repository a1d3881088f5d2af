import type { ReactNode } from 'react';

/** A part of a page under its own h2, named by that heading (`id` ties the two). */
export function Section({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  /** "panel" for a part drawn in a box. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
