import { useEffect, useRef } from 'react';
import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import * as newsletter from '../../../contracts/newsletter.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { tokenFromHash } from '../auth/token.ts';
import { NewsletterSignUp } from './NewsletterPage.tsx';
import { useAssociationWords } from './public-parts.tsx';

/** /newsletter/confirm#token=…: the link in the sign-up e-mail. */
export function NewsletterConfirmPage() {
  const { t } = useAssociationWords();
  const confirm = useChange(() =>
    call(newsletter.confirmSignUp, { body: { token: tokenFromHash(window.location.hash) } }),
  );
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void confirm.run();
  }, [confirm]);
  return (
    <Page title={t('newsletter.byEmail')}>
      {confirm.busy ? <Loading what={t('newsletter.confirming')} /> : null}
      <ChangeStatus of={confirm} />
      {confirm.done && confirm.result ? (
        <Alert tone="success" title={t('newsletter.signedUp')}>
          <p>
            <Trans
              t={t}
              i18nKey="newsletter.signedUpBody"
              values={{ email: confirm.result.email }}
              components={{ past: <Link to="/newsletter" /> }}
            />
          </p>
        </Alert>
      ) : null}
      {confirm.error ? <NewsletterSignUp again /> : null}
    </Page>
  );
}
