import { useState } from 'react';
import { changePassword } from '../../../contracts/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextField } from '../../components/Field.tsx';

export function ChangePassword() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useChange(() => call(changePassword, { body: { currentPassword, newPassword } }), {
    success: 'Your password is changed.',
    onSuccess: () => {
      setCurrent('');
      setNew('');
    },
  });
  return (
    <section aria-labelledby="password-title" className="panel">
      <h2 id="password-title">Change your password</h2>
      <ChangeStatus of={change} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          change.run();
        }}
      >
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          error={change.field('currentPassword')}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint="Use at least 10 characters."
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          error={change.field('newPassword')}
        />
        <div className="form-actions">
          <Button type="submit" busy={change.busy} busyLabel="Saving…">
            Change password
          </Button>
        </div>
      </form>
    </section>
  );
}
