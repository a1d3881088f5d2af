import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { unlockAccount } from '../../../contracts/accounts.ts';
import { call } from '../../api/client.ts';
import { TokenLinkPage } from './TokenLinkPage.tsx';

const send = (token: string) => call(unlockAccount, { body: { token } });

/** Opened from the e-mail sent when an account was locked after many wrong passwords. */
export function UnlockAccountPage() {
  const { t } = useTranslation('auth');
  return (
    <TokenLinkPage
      send={send}
      title={t('unlock.title')}
      working={t('unlock.working')}
      doneTitle={t('unlock.done')}
      failedTitle={t('unlock.failed')}
      whenExpired={
        <Trans t={t} i18nKey="unlock.expired" components={{ go: <Link to="/forgot-password" /> }} />
      }
    />
  );
}
