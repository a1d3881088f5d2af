import { useState } from 'react';
import { Link } from 'react-router';
import { requestPasswordReset } from '../../../contracts/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextField } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const request = useChange(() => call(requestPasswordReset, { body: { email: email.trim() } }));
  if (request.result) {
    return (
      <Page title="Check your e-mail">
        <Alert tone="success">{request.result.message}</Alert>
        <p>The link works once, for 1 hour. If it does not come, look in your spam or junk folder.</p>
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page
      title="Choose a new password"
      lead="Tell us your e-mail address. We will send you a link to choose a new password."
    >
      <ChangeStatus of={request} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          request.run();
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
          error={request.field('email')}
        />
        <div className="form-actions">
          <Button type="submit" busy={request.busy} busyLabel="Sending…">
            Send me a link
          </Button>
          <Link to="/sign-in">Back to sign in</Link>
        </div>
      </form>
    </Page>
  );
}
