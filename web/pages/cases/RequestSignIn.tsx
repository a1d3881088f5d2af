import { useState } from 'react';
import { Link } from 'react-router';
import {
  resendVerification,
  type SignInBody,
  signIn as signInRoute,
  signUp as signUpRoute,
} from '../../../contracts/accounts.ts';
import { useResetAfterAuthChange } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Choices, TextField } from '../../components/Field.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { EmailField, MIN_PASSWORD, PasswordField } from '../auth/fields.tsx';

/**
 * Signing in, or creating an account, without leaving the request form: the request stays in
 * this browser meanwhile (and through the e-mail confirmation a new account needs), and moves to
 * the person's account once they are signed in.
 */
export function RequestSignIn() {
  const [mode, setMode] = useState<'new' | 'have'>('new');
  const [email, setEmail] = useState('');
  const [confirmSent, setConfirmSent] = useState(false);
  return (
    <section className="request-account" aria-labelledby="request-account">
      <h2 id="request-account" tabIndex={-1}>
        Sign in to send your request
      </h2>
      <p>
        Your request is kept in this browser until you send it. To send it, sign in here or create an account:
        the program writes to you about your request, and you follow it in Parley.
      </p>
      {confirmSent ? (
        <Alert tone="success">
          We sent a link to <strong>{email}</strong>. Open it to confirm your e-mail address, then come back
          to this page: your request is waiting here. Sign in below to send it.
        </Alert>
      ) : null}
      <Choices
        legend="Do you have a Parley account?"
        type="radio"
        name="account"
        options={[
          { value: 'new', label: 'No, create one' },
          { value: 'have', label: 'Yes, sign in' },
        ]}
        value={[mode]}
        onChange={(v) => setMode(v[0] === 'have' ? 'have' : 'new')}
      />
      {mode === 'new' ? (
        <NewAccount
          email={email}
          setEmail={setEmail}
          onSent={() => {
            setConfirmSent(true);
            setMode('have');
          }}
        />
      ) : (
        <SignIn email={email} setEmail={setEmail} />
      )}
    </section>
  );
}

type EmailState = { email: string; setEmail: (email: string) => void };

function NewAccount({ email, setEmail, onSent }: EmailState & { onSent: () => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const signUp = useChange(
    () => call(signUpRoute, { body: { name: name.trim(), email: email.trim(), password } }),
    { onSuccess: onSent },
  );
  return (
    <>
      <ChangeStatus of={signUp} />
      <SendForm
        onSend={() => {
          const short = password.length < MIN_PASSWORD;
          setTooShort(short);
          if (!short) signUp.run();
        }}
        busy={signUp.busy}
        busyLabel="Creating your account…"
        submit="Create my account"
      >
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
          hint="We send a link to this address to make sure it is yours."
        />
        <PasswordField
          label="Choose a password"
          name="password"
          kind="new"
          value={password}
          onChange={setPassword}
          error={tooShort ? `Use at least ${MIN_PASSWORD} characters` : signUp.field('password')}
        />
      </SendForm>
    </>
  );
}

function SignIn({ email, setEmail }: EmailState) {
  const reset = useResetAfterAuthChange();
  const [password, setPassword] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const signIn = useChange((body: SignInBody) => call(signInRoute, { body }), {
    onSuccess: async (result) => {
      if (result.mfaRequired) setNeedsCode(true);
      else await reset();
    },
  });
  const resend = useChange(() => call(resendVerification, { body: { email } }));
  const notConfirmed = signIn.error?.status === 403 && Boolean(signIn.field('email'));
  if (needsCode)
    return (
      <Alert tone="info">
        Your account asks for a code from your app.{' '}
        <Link to="/sign-in" state={{ from: '/cases/new' }}>
          Enter the code on the sign-in page
        </Link>
        ; your request stays in this browser and is here when you come back.
      </Alert>
    );
  return (
    <>
      <ChangeStatus of={[signIn, resend]} />
      {notConfirmed && !resend.done ? (
        <p>
          <Button variant="secondary" busy={resend.busy} busyLabel="Sending…" onClick={() => resend.run()}>
            Send a new confirmation link
          </Button>
        </p>
      ) : null}
      {resend.result ? <Alert tone="success">{resend.result.message}</Alert> : null}
      <SendForm
        onSend={() => signIn.run({ email, password })}
        busy={signIn.busy}
        busyLabel="Signing in…"
        submit="Sign in"
        after={<Link to="/forgot-password">I forgot my password</Link>}
      >
        <EmailField value={email} onChange={setEmail} error={signIn.field('email')} />
        <PasswordField
          label="Password"
          name="password"
          kind="current"
          value={password}
          onChange={setPassword}
          error={signIn.field('password')}
        />
      </SendForm>
    </>
  );
}
