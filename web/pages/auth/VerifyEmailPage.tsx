import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { verifyEmail } from '../../../contracts/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { tokenFromHash } from './token.ts';

export function VerifyEmailPage() {
  const token = tokenFromHash(useLocation().hash);
  const verify = useChange((value: string) => call(verifyEmail, { body: { token: value } }));
  const sent = useRef(false);
  useEffect(() => {
    // Once only, even when React runs effects twice in development.
    if (token && !sent.current) {
      sent.current = true;
      verify.run(token);
    }
  }, [token, verify]);

  if (!token) {
    return (
      <Page title="Confirm your e-mail">
        <Alert tone="error">This link is not complete. Open the link from your e-mail again.</Alert>
      </Page>
    );
  }
  if (verify.result) {
    return (
      <Page title="Your e-mail is confirmed">
        <Alert tone="success">{verify.result.message}</Alert>
        <p>
          <Link className="button" to="/sign-in">
            Sign in
          </Link>
        </p>
      </Page>
    );
  }
  if (verify.error) {
    const expired = verify.error.status === 410;
    return (
      <Page title="We could not confirm your e-mail">
        <Alert tone="error">{verify.error.message}</Alert>
        {expired ? (
          <p>
            Links work for 2 days and only once. To get a new link, <Link to="/sign-in">sign in</Link> and
            choose “Send a new link”.
          </p>
        ) : null}
      </Page>
    );
  }
  return (
    <Page title="Confirm your e-mail">
      <Loading what="Confirming your e-mail address" />
    </Page>
  );
}
