import { useTranslation } from 'react-i18next';
import { type ChangePasswordBody, changePassword } from '../../../contracts/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { useFormValues } from '../../components/form-values.ts';
import { SendForm } from '../../components/SendForm.tsx';
import { PasswordField } from '../auth/fields.tsx';

/** The two passwords asked for, each with its label (`password.current`, `password.new`). */
const PASSWORDS = [
  { name: 'currentPassword', kind: 'current' },
  { name: 'newPassword', kind: 'new' },
] as const;

export function ChangePassword() {
  const { t } = useTranslation('account');
  const change = useChange((body: ChangePasswordBody) => call(changePassword, { body }), {
    success: t('password.changed'),
    onSuccess: () => {
      form.reset();
    },
  });
  const form = useFormValues({ currentPassword: '', newPassword: '' }, change);
  return (
    <section aria-labelledby="password-title" className="panel">
      <h2 id="password-title">{t('password.title')}</h2>
      <ChangeStatus of={change} />
      <SendForm
        onSend={() => change.run(form.values)}
        busy={change.busy}
        busyLabel={t('password.saving')}
        submit={t('password.submit')}
      >
        {PASSWORDS.map(({ name, kind }) => (
          <PasswordField
            key={name}
            label={t(`password.${kind}`)}
            name={name}
            kind={kind}
            value={form.values[name]}
            onChange={(value) => form.set(name, value)}
            error={change.field(name)}
          />
        ))}
      </SendForm>
    </section>
  );
}
