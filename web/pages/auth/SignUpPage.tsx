import { useState } from 'react';
import { Link } from 'react-router';
import { signUp as signUpRoute } from '../../../contracts/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextField } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { EmailField, MIN_PASSWORD, PasswordField } from './fields.tsx';

export function SignUpPage() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const signUp = useChange(() =>
    call(signUpRoute, { body: { name: name.trim(), email: email.trim(), password } }),
  );

  if (signUp.result) {
    return (
      <Page title="Check your e-mail">
        <Alert tone="success">{signUp.result.message}</Alert>
        <p>
          We sent a link to <strong>{email}</strong>. Open it to confirm your address. Then you can sign in.
        </p>
        <p>If it does not come in a few minutes, look in your spam or junk folder.</p>
        <p>
          <Link to="/sign-in">Go to sign in</Link>
        </p>
      </Page>
    );
  }

  const submit = () => {
    const short = password.length < MIN_PASSWORD;
    setTooShort(short);
    if (!short) signUp.run();
  };

  return (
    <Page
      title="Create an account"
      lead="An account lets you ask for mediation, follow your case and sign papers online."
    >
      <ChangeStatus of={signUp} />
      <SendForm onSend={submit} busy={signUp.busy} busyLabel="Creating your account…" submit="Create account">
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={signUp.field('name')}
        />
        <EmailField
          value={email}
          onChange={setEmail}
          error={signUp.field('email')}
          hint="We will send a link to this address to make sure it is yours."
        />
        <PasswordField
          label="Password"
          name="password"
          kind="new"
          value={password}
          onChange={setPassword}
          error={tooShort ? `Use at least ${MIN_PASSWORD} characters` : signUp.field('password')}
        />
      </SendForm>
      <p>
        Already have an account? <Link to="/sign-in">Sign in</Link>.
      </p>
    </Page>
  );
}
