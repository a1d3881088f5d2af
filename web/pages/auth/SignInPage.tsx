import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError, api, errorMessage } from '../../api/client.ts';
import { useResetAfterAuthChange, useSession } from '../../api/session.ts';
import type { Message, SignInResult } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';

type Credentials = { email: string; password: string };

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

  const signIn = useMutation({
    mutationFn: (credentials: Credentials) => api.post<SignInResult>('/api/v1/auth/sign-in', credentials),
    onSuccess: async (result) => {
      if (result.mfaRequired) setNeedsCode(true);
      else await finish();
    },
  });

  const user = session.data?.user;
  if (user && !signIn.isPending) {
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

  const error = signIn.error instanceof ApiError ? signIn.error : null;
  const notConfirmed = error?.status === 403 && Boolean(error.field('email'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };

  const demo = session.data?.demo;

  return (
    <Page title="Sign in" lead="Welcome back. Sign in with your e-mail address and password.">
      {signIn.isError ? <Alert tone="error">{errorMessage(signIn.error)}</Alert> : null}
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
          error={error?.field('email')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error?.field('password')}
        />
        <div className="form-actions">
          <Button type="submit" busy={signIn.isPending} busyLabel="Signing in…">
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
                  disabled={signIn.isPending}
                  onClick={() => {
                    setEmail(person.email);
                    setPassword(person.password);
                    signIn.mutate({ email: person.email, password: person.password });
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
  const verify = useMutation({
    mutationFn: (value: string) => api.post('/api/v1/auth/mfa', { code: value }),
    onSuccess: onDone,
  });
  const error = verify.error instanceof ApiError ? verify.error : null;
  return (
    <Page
      title="Enter your code"
      lead="Open the authenticator app on your phone and type the 6-digit code it shows for Parley."
    >
      {verify.isError ? <Alert tone="error">{errorMessage(verify.error)}</Alert> : null}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          verify.mutate(code.replace(/\s/g, ''));
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
          error={error?.field('code') ?? (error ? 'Check the code and try again' : undefined)}
        />
        <div className="form-actions">
          <Button type="submit" busy={verify.isPending} busyLabel="Checking…">
            Continue
          </Button>
        </div>
      </form>
    </Page>
  );
}

function ResendVerification({ email }: { email: string }) {
  const resend = useMutation({
    mutationFn: () => api.post<Message>('/api/v1/auth/resend-verification', { email }),
  });
  if (resend.isSuccess) return <Alert tone="success">{resend.data.message}</Alert>;
  return (
    <div className="alert alert-info">
      <p>Did the e-mail not arrive, or did the link expire? We can send a new one.</p>
      {resend.isError ? <p className="field-error">{errorMessage(resend.error)}</p> : null}
      <Button
        variant="secondary"
        busy={resend.isPending}
        busyLabel="Sending…"
        onClick={() => resend.mutate()}
      >
        Send a new link
      </Button>
    </div>
  );
}
