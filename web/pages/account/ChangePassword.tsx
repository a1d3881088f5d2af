import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../../contracts/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { PasswordField } from '../auth/fields.tsx';

export function ChangePassword() {
  const { t } = useTranslation('account');
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useChange(() => call(changePassword, { body: { currentPassword, newPassword } }), {
    success: t('password.changed'),
    onSuccess: () => {
      setCurrent('');
      setNew('');
    },
  });
  return (
    <section aria-labelledby="password-title" className="panel">
      <h2 id="password-title">{t('password.title')}</h2>
      <ChangeStatus of={change} />
      <SendForm
        onSend={() => change.run()}
        busy={change.busy}
        busyLabel={t('password.saving')}
        submit={t('password.submit')}
      >
        <PasswordField
          label={t('password.current')}
          name="currentPassword"
          kind="current"
          value={currentPassword}
          onChange={setCurrent}
          error={change.field('currentPassword')}
        />
        <PasswordField
          label={t('password.new')}
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
