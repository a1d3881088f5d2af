import { useState } from 'react';
import { Link } from 'react-router';
import { requestPasswordReset } from '../../../contracts/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Page } from '../../components/Page.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { EmailField } from './fields.tsx';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const request = useChange(() => call(requestPasswordReset, { body: { email: email.trim() } }));
  if (request.result) {
    return (
      <Page title="Check your e-mail">
        <Alert tone="success">{request.result.message}</Alert>
        <p>
          The link works once, for 1 hour. If it does not come, look in your spam or junk folder. Choosing a
          new password also unlocks an account that was locked after many wrong passwords.
        </p>
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
      <SendForm
        onSend={() => request.run()}
        busy={request.busy}
        busyLabel="Sending…"
        submit="Send me a link"
        after={<Link to="/sign-in">Back to sign in</Link>}
      >
        <EmailField value={email} onChange={setEmail} error={request.field('email')} />
      </SendForm>
    </Page>
  );
}
