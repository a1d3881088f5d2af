import { useState } from 'react';
import { changePassword } from '../../../contracts/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { PasswordField } from '../auth/fields.tsx';

export function ChangePassword() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useChange(() => call(changePassword, { body: { currentPassword, newPassword } }), {
    success: 'Your password is changed. Other devices were signed out.',
    onSuccess: () => {
      setCurrent('');
      setNew('');
    },
  });
  return (
    <section aria-labelledby="password-title" className="panel">
      <h2 id="password-title">Change your password</h2>
      <ChangeStatus of={change} />
      <SendForm onSend={() => change.run()} busy={change.busy} busyLabel="Saving…" submit="Change password">
        <PasswordField
          label="Current password"
          name="currentPassword"
          kind="current"
          value={currentPassword}
          onChange={setCurrent}
          error={change.field('currentPassword')}
        />
        <PasswordField
          label="New password"
          name="newPassword"
          kind="new"
          value={newPassword}
          onChange={setNew}
          error={change.field('newPassword')}
        />
      </SendForm>
    </section>
  );
}
