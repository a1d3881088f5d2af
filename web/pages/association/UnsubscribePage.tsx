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
import { useAssociationWords } from './public-parts.tsx';

/** /newsletter/unsubscribe#token=…: the link at the bottom of every issue. */
export function UnsubscribePage() {
  const { t } = useAssociationWords();
  const unsubscribe = useChange(() =>
    call(newsletter.unsubscribe, { body: { token: tokenFromHash(window.location.hash) } }),
  );
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void unsubscribe.run();
  }, [unsubscribe]);
  return (
    <Page title={t('newsletter.byEmail')}>
      {unsubscribe.busy ? <Loading what={t('newsletter.updating')} /> : null}
      <ChangeStatus of={unsubscribe} />
      {unsubscribe.done ? (
        <Alert tone="success" title={t('newsletter.stopped')}>
          <p>
            <Trans
              t={t}
              i18nKey="newsletter.stoppedBody"
              components={{ newsletter: <Link to="/newsletter" />, members: <Link to="/members" /> }}
            />
          </p>
        </Alert>
      ) : null}
    </Page>
  );
}
