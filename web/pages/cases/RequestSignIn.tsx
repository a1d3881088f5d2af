import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { resendVerification } from '../../../contracts/accounts.ts';
import { useResetAfterAuthChange } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { PickOne } from '../../components/PickOne.tsx';
import { NewAccountForm, SignInForm, useSignIn } from '../auth/AccountForms.tsx';
import { MIN_PASSWORD } from '../auth/fields.tsx';

/**
 * Signing in, or creating an account, without leaving the request form: the request stays in
 * this browser meanwhile (and through the e-mail confirmation a new account needs), and moves to
 * the person's account once they are signed in.
 */
export function RequestSignIn() {
  const [mode, setMode] = useState<'new' | 'have'>('new');
  const [email, setEmail] = useState('');
  const [confirmSent, setConfirmSent] = useState(false);
  const { t } = useTranslation('request');
  return (
    <section className="request-account" aria-labelledby="request-account">
      <h2 id="request-account" tabIndex={-1}>
        {t('account.title')}
      </h2>
      <p>{t('account.text')}</p>
      {confirmSent ? (
        <Alert tone="success">
          <Trans t={t} i18nKey="account.confirmSent" values={{ email }} components={{ strong: <strong /> }} />
        </Alert>
      ) : null}
      <PickOne
        legend={t('account.haveAccount')}
        name="account"
        options={{ new: t('account.createOne'), have: t('account.signInOption') }}
        picked={mode}
        onPick={setMode}
      />
      {mode === 'new' ? (
        <NewAccount
          email={email}
          setEmail={setEmail}
          onSent={() => {
            setConfirmSent(true);
            setMode('have');
          }}
        />
      ) : (
        <SignIn email={email} setEmail={setEmail} />
      )}
    </section>
  );
}

type EmailState = { email: string; setEmail: (email: string) => void };

function NewAccount({ email, setEmail, onSent }: EmailState & { onSent: () => void }) {
  const { t } = useTranslation('request');
  const { t: tAuth } = useTranslation('auth');
  return (
    <NewAccountForm
      email={email}
      setEmail={setEmail}
      onSent={onSent}
      words={{
        busy: t('account.creating'),
        submit: t('account.create'),
        name: t('account.name'),
        emailHint: t('account.emailHint'),
        password: t('account.choosePassword'),
        tooShort: tAuth('fields.passwordTooShort', { min: MIN_PASSWORD }),
      }}
    />
  );
}

function SignIn({ email, setEmail }: EmailState) {
  const { t } = useTranslation('request');
  const reset = useResetAfterAuthChange();
  const login = useSignIn(reset);
  const { signIn, needsCode, notConfirmed } = login;
  const resend = useChange(() => call(resendVerification, { body: { email } }));
  if (needsCode)
    return (
      <Alert tone="info">
        <Trans
          t={t}
          i18nKey="account.needsCode"
          components={{ go: <Link to="/sign-in" state={{ from: '/cases/new' }} /> }}
        />
      </Alert>
    );
  return (
    <>
      <ChangeStatus of={[signIn, resend]} />
      {notConfirmed && !resend.done ? (
        <p>
          <Button
            variant="secondary"
            busy={resend.busy}
            busyLabel={t('account.sending')}
            onClick={() => resend.run()}
          >
            {t('account.sendConfirmation')}
          </Button>
        </p>
      ) : null}
      {resend.result ? <Alert tone="success">{resend.result.message}</Alert> : null}
      <SignInForm of={login} email={email} setEmail={setEmail} />
    </>
  );
}
