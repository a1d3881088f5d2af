import type { ReactNode } from 'react';

/** A file to download (a letter, a CSV, a PDF), shown as a secondary button. */
export function DownloadLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a className="button button-secondary" href={href} download>
      {children}
    </a>
  );
}
