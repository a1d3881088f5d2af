import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import * as newsletter from '../../../contracts/newsletter.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { tokenFromHash } from '../auth/token.ts';

/** /newsletter/unsubscribe#token=…: the link at the bottom of every issue. */
export function UnsubscribePage() {
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
    <Page title="The Communicator by e-mail">
      {unsubscribe.busy ? <Loading what="Updating your choice" /> : null}
      <ChangeStatus of={unsubscribe} />
      {unsubscribe.done ? (
        <Alert tone="success" title="You will not get The Communicator by e-mail any more">
          <p>
            Every issue stays on the <Link to="/newsletter">newsletter page</Link>. Members can turn e-mail
            back on on the <Link to="/members">members' page</Link>.
          </p>
        </Alert>
      ) : null}
    </Page>
  );
}
