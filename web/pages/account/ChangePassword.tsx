import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';

export function ChangePassword() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: () => api.post('/api/v1/account/password', { currentPassword, newPassword }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
    },
  });
  const error = change.error instanceof ApiError ? change.error : null;
  return (
    <section aria-labelledby="password-title" className="panel">
      <h2 id="password-title">Change your password</h2>
      {change.isSuccess ? <Alert tone="success">Your password is changed.</Alert> : null}
      {change.isError ? <Alert tone="error">{errorMessage(change.error)}</Alert> : null}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          change.mutate();
        }}
      >
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          error={error?.field('currentPassword')}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint="Use at least 10 characters."
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          error={error?.field('newPassword')}
        />
        <div className="form-actions">
          <Button type="submit" busy={change.isPending} busyLabel="Saving…">
            Change password
          </Button>
        </div>
      </form>
    </section>
  );
}
