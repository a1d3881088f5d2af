import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useChange } from '../../api/change.ts';

/** Links in e-mail carry their token after #, so it never reaches a server log or a Referer header. */
export function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

/**
 * A page that does its one thing as soon as it is opened from an e-mailed link: `send` is given the
 * link's token once (even when React runs effects twice in development). A link without a token is
 * not sent, unless `always`, where the server's refusal is what the page shows.
 */
export function useLinkToken<R>(send: (token: string) => Promise<R>, { always = false } = {}) {
  const token = tokenFromHash(useLocation().hash);
  const change = useChange(send);
  const sent = useRef(false);
  useEffect(() => {
    if ((token || always) && !sent.current) {
      sent.current = true;
      void change.run(token);
    }
  }, [token, always, change]);
  return { token, change };
}
