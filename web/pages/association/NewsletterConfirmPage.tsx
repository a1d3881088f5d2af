import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import * as newsletter from '../../../contracts/newsletter.ts';
import { call } from '../../api/client.ts';
import { NewsletterLinkPage } from './NewsletterLinkPage.tsx';
import { NewsletterSignUp } from './NewsletterPage.tsx';
import { useAssociationWords } from './public-parts.tsx';

const send = (token: string) => call(newsletter.confirmSignUp, { body: { token } });

/** /newsletter/confirm#token=…: the link in the sign-up e-mail. */
export function NewsletterConfirmPage() {
  const { t } = useAssociationWords();
  return (
    <NewsletterLinkPage
      send={send}
      working={t('newsletter.confirming')}
      doneTitle={t('newsletter.signedUp')}
      done={(result) => (
        <Trans
          t={t}
          i18nKey="newsletter.signedUpBody"
          values={{ email: result.email }}
          components={{ past: <Link to="/newsletter" /> }}
        />
      )}
      failed={<NewsletterSignUp again />}
    />
  );
}
