import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regenerateRecoveryCodes } from '../../../contracts/accounts.ts';
import { accountKeys } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { ChangeForm } from '../../components/SendForm.tsx';
import { PasswordField } from '../auth/fields.tsx';

/** Ten recovery codes, shown this once, to write down or print. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const { t } = useTranslation('account');
  return (
    <Alert tone="warning" title={t('recovery.saveNow')}>
      <p>{t('recovery.saveWhy')}</p>
      <ol className="recovery-codes" aria-label={t('recovery.title')}>
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
  const { t } = useTranslation('account');
  const [password, setPassword] = useState('');
  const renew = useChange(() => call(regenerateRecoveryCodes, { body: { password } }), {
    invalidates: [accountKeys.account()],
    onSuccess: () => setPassword(''),
  });
  return (
    <>
      <h3>{t('recovery.title')}</h3>
      <p>{t('recovery.left', { count: left })}</p>
      {renew.result ? <RecoveryCodeList codes={renew.result.recoveryCodes} /> : null}
      <details className="disclosure">
        <summary>{t('recovery.makeNew')}</summary>
        <p>{t('recovery.oldStop')}</p>
        <ChangeStatus of={renew} />
        <ChangeForm change={renew} busyLabel={t('recovery.making')} submit={t('recovery.make')}>
          <PasswordField
            kind="current"
            value={password}
            onChange={setPassword}
            error={renew.field('password')}
          />
        </ChangeForm>
      </details>
    </>
  );
}
