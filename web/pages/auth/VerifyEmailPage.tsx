import { Link } from 'react-router';
import { verifyEmail } from '../../../contracts/accounts.ts';
import { call } from '../../api/client.ts';
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
      whenExpired={
        <>
          Links work for 2 days and only once. To get a new link, <Link to="/sign-in">sign in</Link> and
          choose “Send a new link”.
        </>
      }
    />
  );
}
