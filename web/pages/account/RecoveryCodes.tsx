import { useState } from 'react';
import { regenerateRecoveryCodes } from '../../../contracts/accounts.ts';
import { accountKeys } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { PasswordField } from '../auth/fields.tsx';

/** Ten recovery codes, shown this once, to write down or print. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  return (
    <Alert tone="warning" title="Save your recovery codes now">
      <p>
        If you lose your phone, each of these codes lets you sign in once instead of the code from your app.
        Write them down or print this page, and keep them somewhere safe. We will not show them again.
      </p>
      <ol className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
    </Alert>
  );
}

/** How many recovery codes are left, and new ones (the old stop working) after the password. */
export function RecoveryCodes({ left }: { left: number }) {
  const [password, setPassword] = useState('');
  const renew = useChange(() => call(regenerateRecoveryCodes, { body: { password } }), {
    invalidates: [accountKeys.account()],
    onSuccess: () => setPassword(''),
  });
  return (
    <>
      <h3>Recovery codes</h3>
      <p>
        {left === 0
          ? 'You have no recovery codes left. Make new ones, so you can still sign in if you lose your phone.'
          : `You have ${left} unused recovery code${left === 1 ? '' : 's'} for when you cannot use your phone.`}
      </p>
      {renew.result ? <RecoveryCodeList codes={renew.result.recoveryCodes} /> : null}
      <details className="disclosure">
        <summary>Make new recovery codes</summary>
        <p>Your old codes stop working as soon as the new ones are made.</p>
        <ChangeStatus of={renew} />
        <SendForm
          onSend={() => renew.run()}
          busy={renew.busy}
          busyLabel="Making codes…"
          submit="Make new codes"
        >
          <PasswordField
            kind="current"
            value={password}
            onChange={setPassword}
            error={renew.field('password')}
          />
        </SendForm>
      </details>
    </>
  );
}
