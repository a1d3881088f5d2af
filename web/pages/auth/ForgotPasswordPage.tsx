import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api, errorMessage } from '../../api/client.ts';
import type { Message } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: () => api.post<Message>('/api/v1/auth/password-reset/request', { email: email.trim() }),
  });
  if (request.isSuccess) {
    return (
      <Page title="Check your e-mail">
        <Alert tone="success">{request.data.message}</Alert>
        <p>The link works once, for 1 hour. If it does not come, look in your spam or junk folder.</p>
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </Page>
    );
  }
  const error = request.error instanceof ApiError ? request.error : null;
  return (
    <Page
      title="Choose a new password"
      lead="Tell us your e-mail address. We will send you a link to choose a new password."
    >
      {request.isError ? <Alert tone="error">{errorMessage(request.error)}</Alert> : null}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          request.mutate();
        }}
      >
        <TextField
          label="E-mail address"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={error?.field('email')}
        />
        <div className="form-actions">
          <Button type="submit" busy={request.isPending} busyLabel="Sending…">
            Send me a link
          </Button>
          <Link to="/sign-in">Back to sign in</Link>
        </div>
      </form>
    </Page>
  );
}
