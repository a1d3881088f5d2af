import { Link } from 'react-router';
import { verifyEmail } from '../../../contracts/accounts.ts';
import { call } from '../../api/client.ts';
import { localDraft } from '../cases/request-draft.ts';
import { TokenLinkPage } from './TokenLinkPage.tsx';

const send = (token: string) => call(verifyEmail, { body: { token } });

export function VerifyEmailPage() {
  return (
    <TokenLinkPage
      send={send}
      title="Confirm your e-mail"
      working="Confirming your e-mail address"
      doneTitle="Your e-mail is confirmed"
      failedTitle="We could not confirm your e-mail"
      next={
        // A request typed before the account existed waits in this browser.
        localDraft() ? (
          <p>
            Your request for mediation is waiting for you.{' '}
            <Link className="button" to="/cases/new">
              Go back to your request
            </Link>
          </p>
        ) : null
      }
      whenExpired={
        <>
          Links work for 2 days and only once. To get a new link, <Link to="/sign-in">sign in</Link> and
          choose “Send a new link”.
        </>
      }
    />
  );
}
