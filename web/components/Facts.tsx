import type { ReactNode } from 'react';

/** One fact in a `<dl className="facts">`: its name and what it is ("Court case number", "16CV-123"). */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
