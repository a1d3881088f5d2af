import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { resetPassword } from '../../../contracts/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Page } from '../../components/Page.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { MIN_PASSWORD, PasswordField } from './fields.tsx';
import { IncompleteLink, SignInNow } from './TokenLinkPage.tsx';
import { tokenFromHash } from './token.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const token = tokenFromHash(useLocation().hash);
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const reset = useChange(() => call(resetPassword, { body: { token, password } }));

  if (!token) {
    return (
      <IncompleteLink title={t('reset.title')}>
        <Link to="/forgot-password">{t('reset.askNew')}</Link>
      </IncompleteLink>
    );
  }
  if (reset.done) return <SignInNow title={t('reset.doneTitle')} message={t('reset.doneText')} />;
  const expired = reset.error?.status === 410;
  return (
    <Page title={t('reset.title')}>
      <ChangeStatus of={reset} />
      {expired ? (
        <p>
          <Link to="/forgot-password">{t('reset.askNew')}</Link>
        </p>
      ) : null}
      <SendForm
        onSend={() => {
          const short = password.length < MIN_PASSWORD;
          setTooShort(short);
          if (!short) reset.run();
        }}
        busy={reset.busy}
        busyLabel={t('reset.busy')}
        submit={t('reset.submit')}
      >
        <PasswordField
          kind="new"
          value={password}
          onChange={setPassword}
          error={tooShort ? t('fields.passwordTooShort', { min: MIN_PASSWORD }) : reset.field('password')}
        />
      </SendForm>
    </Page>
  );
}
