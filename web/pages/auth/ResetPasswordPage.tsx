import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { resetPassword } from '../../../contracts/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextField } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { tokenFromHash } from './token.ts';

const MIN_PASSWORD = 10;

export function ResetPasswordPage() {
  const token = tokenFromHash(useLocation().hash);
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const reset = useChange(() => call(resetPassword, { body: { token, password } }));

  if (!token) {
    return (
      <Page title="Choose a new password">
        <Alert tone="error">This link is not complete. Open the link from your e-mail again.</Alert>
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      </Page>
    );
  }
  if (reset.done) {
    return (
      <Page title="Your password is changed">
        <Alert tone="success">You can now sign in with your new password.</Alert>
        <p>
          <Link className="button" to="/sign-in">
            Sign in
          </Link>
        </p>
      </Page>
    );
  }
  const expired = reset.error?.status === 410;
  return (
    <Page title="Choose a new password">
      <ChangeStatus of={reset} />
      {expired ? (
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      ) : null}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const short = password.length < MIN_PASSWORD;
          setTooShort(short);
          if (!short) reset.run();
        }}
      >
        <TextField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={`Use at least ${MIN_PASSWORD} characters.`}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={tooShort ? `Use at least ${MIN_PASSWORD} characters` : reset.field('password')}
        />
        <div className="form-actions">
          <Button type="submit" busy={reset.busy} busyLabel="Saving…">
            Save new password
          </Button>
        </div>
      </form>
    </Page>
  );
}
