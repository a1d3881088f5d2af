import { Link } from 'react-router';
import { unlockAccount } from '../../../contracts/accounts.ts';
import { call } from '../../api/client.ts';
import { TokenLinkPage } from './TokenLinkPage.tsx';

const send = (token: string) => call(unlockAccount, { body: { token } });

/** Opened from the e-mail sent when an account was locked after many wrong passwords. */
export function UnlockAccountPage() {
  return (
    <TokenLinkPage
      send={send}
      title="Unlock your account"
      working="Unlocking your account"
      doneTitle="Your account is unlocked"
      failedTitle="We could not unlock your account"
      whenExpired={
        <>
          An unlock link works once, for 1 day. <Link to="/forgot-password">Choose a new password</Link> to
          unlock your account instead.
        </>
      }
    />
  );
}
