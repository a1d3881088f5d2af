import type { ReactNode } from 'react';

/** A page's title (for the browser tab) and its one h1. */
export function Page({
  title,
  lead,
  children,
  wide = false,
}: {
  title: string;
  lead?: ReactNode;
  children?: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={wide ? 'page page-wide' : 'page'}>
      <title>{`${title} — Parley`}</title>
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </div>
  );
}
