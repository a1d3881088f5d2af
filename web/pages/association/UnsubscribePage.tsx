import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import * as newsletter from '../../../contracts/newsletter.ts';
import { call } from '../../api/client.ts';
import { NewsletterLinkPage } from './NewsletterLinkPage.tsx';
import { useAssociationWords } from './public-parts.tsx';

const send = (token: string) => call(newsletter.unsubscribe, { body: { token } });

/** /newsletter/unsubscribe#token=…: the link at the bottom of every issue. */
export function UnsubscribePage() {
  const { t } = useAssociationWords();
  return (
    <NewsletterLinkPage
      send={send}
      working={t('newsletter.updating')}
      doneTitle={t('newsletter.stopped')}
      done={() => (
        <Trans
          t={t}
          i18nKey="newsletter.stoppedBody"
          components={{ newsletter: <Link to="/newsletter" />, members: <Link to="/members" /> }}
        />
      )}
    />
  );
}
