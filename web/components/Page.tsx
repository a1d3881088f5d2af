import type { ReactNode } from 'react';
import { errorMessage } from '../api/client.ts';
import { Alert } from './Alert.tsx';
import { Loading } from './Loading.tsx';

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

/**
 * A page whose answer is not in yet: its title, and the loading words while `read` loads, else
 * the error it got (with `failed` after it: what the person may do then).
 */
export function ReadingPage({
  title,
  read,
  loading,
  failed,
}: {
  title: string;
  read: { isPending: boolean; error: unknown };
  loading: string;
  failed?: ReactNode;
}) {
  return (
    <Page title={title}>
      {read.isPending ? (
        <Loading what={loading} />
      ) : (
        <>
          <Alert tone="error">{errorMessage(read.error)}</Alert>
          {failed}
        </>
      )}
    </Page>
  );
}
