import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Accepted } from '../../../contracts/accounts.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useLinkToken } from './token.ts';

/** A page opened from an e-mailed link whose token is incomplete. */
export function IncompleteLink({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useTranslation('auth');
  return (
    <Page title={title}>
      <Alert tone="error">{t('link.incomplete')}</Alert>
      {children ? <p>{children}</p> : null}
    </Page>
  );
}

/** What an e-mailed link did, and the way to sign in now. */
export function SignInNow({ title, message, next }: { title: string; message: string; next?: ReactNode }) {
  const { t } = useTranslation('auth');
  return (
    <Page title={title}>
      <Alert tone="success">{message}</Alert>
      {next}
      <p>
        <Link className="button" to="/sign-in">
          {t('signIn.submit')}
        </Link>
      </p>
    </Page>
  );
}

/**
 * A page that does one thing as soon as it is opened from an e-mailed link (confirm an address,
 * unlock an account): it sends the link's token once, then says what happened and offers sign-in.
 */
export function TokenLinkPage({
  send,
  title,
  working,
  doneTitle,
  failedTitle,
  whenExpired,
  next,
}: {
  send: (token: string) => Promise<Accepted>;
  title: string;
  /** What the page says while it works: "Confirming your e-mail address". */
  working: string;
  doneTitle: string;
  failedTitle: string;
  /** What to do when the link has expired or was used. */
  whenExpired: ReactNode;
  /** Where the person may go on once it is done, besides signing in. */
  next?: ReactNode;
}) {
  const { token, change } = useLinkToken(send);

  if (!token) return <IncompleteLink title={title} />;
  if (change.result) return <SignInNow title={doneTitle} message={change.result.message} next={next} />;
  if (change.error) {
    return (
      <Page title={failedTitle}>
        <Alert tone="error">{change.error.message}</Alert>
        {change.error.status === 410 ? <p>{whenExpired}</p> : null}
      </Page>
    );
  }
  return (
    <Page title={title}>
      <Loading what={working} />
    </Page>
  );
}
