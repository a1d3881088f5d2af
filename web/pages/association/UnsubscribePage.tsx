import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { tokenFromHash } from '../auth/token.ts';
import { useAction } from './shared.tsx';

/** /newsletter/unsubscribe#token=…: the link at the bottom of every issue. */
export function UnsubscribePage() {
  const action = useAction();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void action.run(() =>
      api.post('/api/v1/association/newsletter/unsubscribe', { token: tokenFromHash(window.location.hash) }),
    );
  }, [action]);
  return (
    <Page title="The Communicator by e-mail">
      {action.busy ? <Loading what="Updating your choice" /> : null}
      {action.error ? <Alert tone="error">{action.error.message}</Alert> : null}
      {!action.busy && !action.error ? (
        <Alert tone="success" title="You will not get The Communicator by e-mail any more">
          <p>
            Members can still read every issue on the <Link to="/members">members' page</Link>, and turn
            e-mail back on there.
          </p>
        </Alert>
      ) : null}
    </Page>
  );
}
