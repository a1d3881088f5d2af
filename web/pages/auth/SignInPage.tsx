import { type FormEvent, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import {
  completeMfa,
  resendVerification,
  type SignInBody,
  signIn as signInRoute,
} from '../../../contracts/accounts.ts';
import { useResetAfterAuthChange, useSession } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextField } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';

/**
 * Where to go after signing in: back to the page that sent the person here, else their account.
 * The home page and the sign-in pages are not worth returning to.
 */
function useDestination(): string {
  const from = (useLocation().state as { from?: string } | null)?.from;
  const worthReturning =
    from?.startsWith('/') && !from.startsWith('//') && from !== '/' && !from.startsWith('/sign-');
  return worthReturning && from ? from : '/account';
}

export function SignInPage() {
  const session = useSession();
  const navigate = useNavigate();
  const destination = useDestination();
  const reset = useResetAfterAuthChange();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [needsCode, setNeedsCode] = useState(false);

  const finish = async () => {
    await reset();
    navigate(destination, { replace: true });
  };

  const signIn = useChange((credentials: SignInBody) => call(signInRoute, { body: credentials }), {
    onSuccess: async (result) => {
      if (result.mfaRequired) setNeedsCode(true);
      else await finish();
    },
  });

  const user = session.data?.user;
  if (user && !signIn.busy) {
    return (
      <Page title="Sign in">
        <p>
          You are signed in as <strong>{user.name}</strong> ({user.email}).
        </p>
        <p>
          <Link className="button" to="/account">
            Go to my account
          </Link>
        </p>
      </Page>
    );
  }

  if (needsCode || session.data?.mfaPending) {
    return <CodeStep onDone={finish} />;
  }

  const notConfirmed = signIn.error?.status === 403 && Boolean(signIn.field('email'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.run({ email, password });
  };

  const demo = session.data?.demo;

  return (
    <Page title="Sign in" lead="Welcome back. Sign in with your e-mail address and password.">
      <ChangeStatus of={signIn} />
      {notConfirmed ? <ResendVerification email={email} /> : null}
      <form onSubmit={submit} noValidate className="form">
        <TextField
          label="E-mail address"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={signIn.field('email')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={signIn.field('password')}
        />
        <div className="form-actions">
          <Button type="submit" busy={signIn.busy} busyLabel="Signing in…">
            Sign in
          </Button>
          <Link to="/forgot-password">I forgot my password</Link>
        </div>
      </form>
      <p>
        New to Parley? <Link to="/sign-up">Create an account</Link>.
      </p>

      {demo && demo.signIns.length > 0 ? (
        <section className="demo-box" aria-labelledby="demo-title">
          <h2 id="demo-title">Try a demo person</h2>
          <p>This copy of Parley has made-up people to try. Choose one to sign in as them.</p>
          <ul className="demo-list">
            {demo.signIns.map((person) => (
              <li key={person.email}>
                <Button
                  variant="secondary"
                  disabled={signIn.busy}
                  onClick={() => {
                    setEmail(person.email);
                    setPassword(person.password);
                    signIn.run({ email: person.email, password: person.password });
                  }}
                >
                  Sign in as {person.name}
                  <span className="demo-role">{person.role}</span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}

function CodeStep({ onDone }: { onDone: () => Promise<void> }) {
  const [code, setCode] = useState('');
  const verify = useChange((value: string) => call(completeMfa, { body: { code: value } }), {
    onSuccess: onDone,
  });
  return (
    <Page
      title="Enter your code"
      lead="Open the authenticator app on your phone and type the 6-digit code it shows for Parley."
    >
      <ChangeStatus of={verify} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          verify.run(code.replace(/\s/g, ''));
        }}
      >
        <TextField
          label="6-digit code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={7}
          className="field-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={verify.field('code') ?? (verify.error ? 'Check the code and try again' : undefined)}
        />
        <div className="form-actions">
          <Button type="submit" busy={verify.busy} busyLabel="Checking…">
            Continue
          </Button>
        </div>
      </form>
    </Page>
  );
}

function ResendVerification({ email }: { email: string }) {
  const resend = useChange(() => call(resendVerification, { body: { email } }));
  if (resend.result) return <Alert tone="success">{resend.result.message}</Alert>;
  return (
    <div className="alert alert-info">
      <p>Did the e-mail not arrive, or did the link expire? We can send a new one.</p>
      {resend.error ? <p className="field-error">{resend.error.message}</p> : null}
      <Button variant="secondary" busy={resend.busy} busyLabel="Sending…" onClick={() => resend.run()}>
        Send a new link
      </Button>
    </div>
  );
}
