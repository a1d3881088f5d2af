import type { ReactNode } from 'react';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useLinkToken } from '../auth/token.ts';
import { useAssociationWords } from './public-parts.tsx';

/**
 * A newsletter page opened from a link in an e-mail (confirming a sign-up, unsubscribing): it sends
 * the link's token as it opens, says so while it works, then what was done, or the server's refusal
 * and what may follow it.
 */
export function NewsletterLinkPage<R>({
  send,
  working,
  doneTitle,
  done,
  failed,
}: {
  send: (token: string) => Promise<R>;
  /** While it works: "Confirming your address". */
  working: string;
  doneTitle: string;
  /** What was done, under its title, from the server's answer. */
  done: (result: R) => ReactNode;
  /** Below the refusal, if any: a way to try again. */
  failed?: ReactNode;
}) {
  const { t } = useAssociationWords();
  // The server names what is wrong with a link that has no token, so it is sent all the same.
  const { change } = useLinkToken(send, { always: true });
  return (
    <Page title={t('newsletter.byEmail')}>
      {change.busy ? <Loading what={working} /> : null}
      <ChangeStatus of={change} />
      {change.done && change.result ? (
        <Alert tone="success" title={doneTitle}>
          <p>{done(change.result)}</p>
        </Alert>
      ) : null}
      {change.error ? failed : null}
    </Page>
  );
}
