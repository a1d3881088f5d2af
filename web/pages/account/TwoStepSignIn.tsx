import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { renderSVG } from 'uqr';
import { ApiError, api, errorMessage } from '../../api/client.ts';
import { sessionKey } from '../../api/session.ts';
import type { Me } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';

type Setup = { secret: string; otpauthUrl: string };

/** Two-step sign-in (TOTP): a code from an authenticator app after the password. */
export function TwoStepSignIn({ me }: { me: Me }) {
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['account'] }),
      client.invalidateQueries({ queryKey: sessionKey }),
    ]);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section aria-labelledby="two-step" className="panel">
      <h2 id="two-step" tabIndex={-1}>
        Two-step sign-in
      </h2>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {me.hasMfa ? (
        <Disable
          onDone={async () => {
            setNotice('Two-step sign-in is off.');
            await refresh();
          }}
        />
      ) : (
        <Enable
          onDone={async () => {
            setNotice('Two-step sign-in is on. Next time you sign in, we will ask for a code.');
            await refresh();
          }}
        />
      )}
    </section>
  );
}

function Enable({ onDone }: { onDone: () => Promise<void> }) {
  const [code, setCode] = useState('');
  const setup = useMutation({ mutationFn: () => api.post<Setup>('/api/v1/account/mfa/setup') });
  const enable = useMutation({
    mutationFn: () => api.post('/api/v1/account/mfa/enable', { code: code.replace(/\s/g, '') }),
    onSuccess: onDone,
  });
  const qr = useMemo(
    () =>
      setup.data
        ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(setup.data.otpauthUrl, { border: 2 }))}`
        : null,
    [setup.data],
  );
  const error = enable.error instanceof ApiError ? enable.error : null;

  if (!setup.data) {
    return (
      <>
        <p>
          With two-step sign-in, you type your password and then a code from an app on your phone. Someone who
          learns your password still cannot get in.
        </p>
        {setup.isError ? <Alert tone="error">{errorMessage(setup.error)}</Alert> : null}
        <Button busy={setup.isPending} busyLabel="Starting…" onClick={() => setup.mutate()}>
          Set up two-step sign-in
        </Button>
      </>
    );
  }
  return (
    <>
      <ol className="numbered">
        <li>
          Open an authenticator app on your phone, such as Google Authenticator or Microsoft Authenticator.
        </li>
        <li>
          Scan this picture with the app.
          {qr ? (
            <img
              className="qr"
              src={qr}
              alt="QR code to add Parley to your authenticator app"
              width={200}
              height={200}
            />
          ) : null}
          <p>
            Cannot scan it? Type this key into the app instead:{' '}
            <code className="secret">{setup.data.secret}</code>
          </p>
        </li>
        <li>Type the 6-digit code the app shows.</li>
      </ol>
      {enable.isError ? <Alert tone="error">{errorMessage(enable.error)}</Alert> : null}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          enable.mutate();
        }}
      >
        <TextField
          label="6-digit code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          className="field-code"
          maxLength={7}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={error?.field('code')}
        />
        <div className="form-actions">
          <Button type="submit" busy={enable.isPending} busyLabel="Checking…">
            Turn on two-step sign-in
          </Button>
        </div>
      </form>
    </>
  );
}

function Disable({ onDone }: { onDone: () => Promise<void> }) {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const disable = useMutation({
    mutationFn: () => api.post('/api/v1/account/mfa/disable', { password, code: code.replace(/\s/g, '') }),
    onSuccess: onDone,
  });
  const error = disable.error instanceof ApiError ? disable.error : null;
  return (
    <>
      <p>
        <span className="tag tag-ok">On</span> When you sign in, we ask for a code from your phone app.
      </p>
      <details className="disclosure">
        <summary>Turn off two-step sign-in</summary>
        {disable.isError ? <Alert tone="error">{errorMessage(disable.error)}</Alert> : null}
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            disable.mutate();
          }}
        >
          <TextField
            label="Your password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={error?.field('password')}
          />
          <TextField
            label="6-digit code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            className="field-code"
            maxLength={7}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={error?.field('code')}
          />
          <div className="form-actions">
            <Button type="submit" variant="danger" busy={disable.isPending} busyLabel="Turning off…">
              Turn off
            </Button>
          </div>
        </form>
      </details>
    </>
  );
}
