import { useMemo, useState } from 'react';
import { renderSVG } from 'uqr';
import { disableMfa, enableMfa, type Me, startMfaSetup } from '../../../contracts/accounts.ts';
import { accountKeys } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { CodeField, PasswordField, typedCode } from '../auth/fields.tsx';
import { RecoveryCodeList, RecoveryCodes } from './RecoveryCodes.tsx';

/** What turning two-step sign-in on or off changes: the account and the session's user. */
const refreshes = [accountKeys.account(), accountKeys.session()];

/** Two-step sign-in (TOTP): a code from an authenticator app after the password. */
export function TwoStepSignIn({ me }: { me: Me }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  return (
    <section aria-labelledby="two-step" className="panel">
      <h2 id="two-step" tabIndex={-1}>
        Two-step sign-in
      </h2>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {codes ? <RecoveryCodeList codes={codes} /> : null}
      {me.hasMfa ? (
        <>
          <Disable
            onDone={() => {
              setCodes(null);
              setNotice('Two-step sign-in is off.');
            }}
          />
          <RecoveryCodes left={me.recoveryCodesLeft} />
        </>
      ) : (
        <Enable
          onDone={(recoveryCodes) => {
            setCodes(recoveryCodes);
            setNotice('Two-step sign-in is on. Next time you sign in, we will ask for a code.');
          }}
        />
      )}
    </section>
  );
}

function Enable({ onDone }: { onDone: (recoveryCodes: string[]) => void }) {
  const [code, setCode] = useState('');
  const setup = useChange(() => call(startMfaSetup));
  const enable = useChange(() => call(enableMfa, { body: { code: typedCode(code) } }), {
    invalidates: refreshes,
    onSuccess: (result) => onDone(result.recoveryCodes),
  });
  const qr = useMemo(
    () =>
      setup.result
        ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(setup.result.otpauthUrl, { border: 2 }))}`
        : null,
    [setup.result],
  );

  if (!setup.result) {
    return (
      <>
        <p>
          With two-step sign-in, you type your password and then a code from an app on your phone. Someone who
          learns your password still cannot get in.
        </p>
        <ChangeStatus of={setup} />
        <Button busy={setup.busy} busyLabel="Starting…" onClick={() => setup.run()}>
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
            <code className="secret">{setup.result.secret}</code>
          </p>
        </li>
        <li>Type the 6-digit code the app shows.</li>
      </ol>
      <ChangeStatus of={enable} />
      <SendForm
        onSend={() => enable.run()}
        busy={enable.busy}
        busyLabel="Checking…"
        submit="Turn on two-step sign-in"
      >
        <CodeField value={code} onChange={setCode} error={enable.field('code')} />
      </SendForm>
    </>
  );
}

function Disable({ onDone }: { onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const disable = useChange(() => call(disableMfa, { body: { password, code: typedCode(code) } }), {
    invalidates: refreshes,
    onSuccess: onDone,
  });
  return (
    <>
      <p>
        <span className="tag tag-ok">On</span> When you sign in, we ask for a code from your phone app.
      </p>
      <details className="disclosure">
        <summary>Turn off two-step sign-in</summary>
        <ChangeStatus of={disable} />
        <SendForm
          onSend={() => disable.run()}
          busy={disable.busy}
          busyLabel="Turning off…"
          submit="Turn off"
          variant="danger"
        >
          <PasswordField
            kind="current"
            value={password}
            onChange={setPassword}
            error={disable.field('password')}
          />
          <CodeField value={code} onChange={setCode} error={disable.field('code')} />
        </SendForm>
      </details>
    </>
  );
}
