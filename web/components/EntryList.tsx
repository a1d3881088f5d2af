import type { ReactNode } from 'react';
import { Button } from './Button.tsx';

// A short list of named entries (a program's school districts and mediators, a circuit's court
// users, invitations not yet accepted): each its name in bold with a line or two beneath and,
// beside it, what may be done with it. Its look is `.district-list` in the programs' styles, which
// each page using it imports.

/** The entries, or a muted sentence when there are none ("No districts yet."). */
export function EntryList({ empty, children }: { empty: string; children: ReactNode[] }) {
  return children.length ? <ul className="district-list">{children}</ul> : <p className="muted">{empty}</p>;
}

/** One entry: its name and what follows it on that line, the lines beneath, and the button or link beside. */
export function Entry({
  name,
  after,
  action,
  children,
}: {
  name: string;
  /** On the name's line, after it: " · jane@example.com". */
  after?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <li>
      <span>
        <strong>{name}</strong>
        {after}
        <br />
        {children}
      </span>
      {action}
    </li>
  );
}

/** "Remove" beside an entry, read out with the entry's name ("Remove Jane Doe"). */
export function RemoveButton({ name, busy, onClick }: { name: string; busy: boolean; onClick: () => void }) {
  return (
    <Button variant="secondary" busy={busy} onClick={onClick}>
      Remove<span className="visually-hidden"> {name}</span>
    </Button>
  );
}
