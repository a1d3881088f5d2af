import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiError, api, errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { tokenFromHash } from './token.ts';

const MIN_PASSWORD = 10;

export function ResetPasswordPage() {
  const token = tokenFromHash(useLocation().hash);
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const reset = useMutation({
    mutationFn: () => api.post('/api/v1/auth/password-reset', { token, password }),
  });

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
  if (reset.isSuccess) {
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
  const error = reset.error instanceof ApiError ? reset.error : null;
  const expired = error?.status === 410;
  return (
    <Page title="Choose a new password">
      {reset.isError ? <Alert tone="error">{errorMessage(reset.error)}</Alert> : null}
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
          if (!short) reset.mutate();
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
          error={tooShort ? `Use at least ${MIN_PASSWORD} characters` : error?.field('password')}
        />
        <div className="form-actions">
          <Button type="submit" busy={reset.isPending} busyLabel="Saving…">
            Save new password
          </Button>
        </div>
      </form>
    </Page>
  );
}
