import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { verifyEmail } from '../../../contracts/accounts.ts';
import { call } from '../../api/client.ts';
import { localDraft } from '../cases/request-draft.ts';
import { TokenLinkPage } from './TokenLinkPage.tsx';

const send = (token: string) => call(verifyEmail, { body: { token } });

export function VerifyEmailPage() {
  const { t } = useTranslation('auth');
  return (
    <TokenLinkPage
      send={send}
      title={t('confirmEmail.title')}
      working={t('confirmEmail.working')}
      doneTitle={t('confirmEmail.done')}
      failedTitle={t('confirmEmail.failed')}
      next={
        // A request typed before the account existed waits in this browser.
        localDraft() ? (
          <p>
            {t('confirmEmail.requestWaiting')}{' '}
            <Link className="button" to="/cases/new">
              {t('confirmEmail.backToRequest')}
            </Link>
          </p>
        ) : null
      }
      whenExpired={<Trans t={t} i18nKey="confirmEmail.expired" components={{ go: <Link to="/sign-in" /> }} />}
    />
  );
}
