import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import * as newsletter from '../../../contracts/newsletter.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { tokenFromHash } from '../auth/token.ts';
import { NewsletterSignUp } from './NewsletterPage.tsx';

/** /newsletter/confirm#token=…: the link in the sign-up e-mail. */
export function NewsletterConfirmPage() {
  const confirm = useChange(() =>
    call(newsletter.confirmSignUp, { body: { token: tokenFromHash(window.location.hash) } }),
  );
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void confirm.run();
  }, [confirm]);
  return (
    <Page title="The Communicator by e-mail">
      {confirm.busy ? <Loading what="Confirming your address" /> : null}
      <ChangeStatus of={confirm} />
      {confirm.done && confirm.result ? (
        <Alert tone="success" title="You are signed up">
          <p>
            The next issue of The Communicator comes to {confirm.result.email}. Every issue has a link to
            stop. Meanwhile, read the <Link to="/newsletter">past issues</Link>.
          </p>
        </Alert>
      ) : null}
      {confirm.error ? <NewsletterSignUp title="Sign up again" /> : null}
    </Page>
  );
}
