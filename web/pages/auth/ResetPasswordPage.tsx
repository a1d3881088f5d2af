import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { resetPassword } from '../../../contracts/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Page } from '../../components/Page.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { MIN_PASSWORD, PasswordField } from './fields.tsx';
import { IncompleteLink, SignInNow } from './TokenLinkPage.tsx';
import { tokenFromHash } from './token.ts';

export function ResetPasswordPage() {
  const token = tokenFromHash(useLocation().hash);
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const reset = useChange(() => call(resetPassword, { body: { token, password } }));

  if (!token) {
    return (
      <IncompleteLink title="Choose a new password">
        <Link to="/forgot-password">Ask for a new link</Link>
      </IncompleteLink>
    );
  }
  if (reset.done)
    return (
      <SignInNow title="Your password is changed" message="You can now sign in with your new password." />
    );
  const expired = reset.error?.status === 410;
  return (
    <Page title="Choose a new password">
      <ChangeStatus of={reset} />
      {expired ? (
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      ) : null}
      <SendForm
        onSend={() => {
          const short = password.length < MIN_PASSWORD;
          setTooShort(short);
          if (!short) reset.run();
        }}
        busy={reset.busy}
        busyLabel="Saving…"
        submit="Save new password"
      >
        <PasswordField
          kind="new"
          value={password}
          onChange={setPassword}
          error={tooShort ? `Use at least ${MIN_PASSWORD} characters` : reset.field('password')}
        />
      </SendForm>
    </Page>
  );
}
