import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  resendVerification,
  type SignInBody,
  signIn as signInRoute,
  signUp as signUpRoute,
} from '../../../contracts/accounts.ts';
import { useResetAfterAuthChange } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Choices, TextField } from '../../components/Field.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { useLanguage } from '../../i18n.ts';
import { EmailField, MIN_PASSWORD, PasswordField } from '../auth/fields.tsx';

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
      <Choices
        legend={t('account.haveAccount')}
        type="radio"
        name="account"
        options={[
          { value: 'new', label: t('account.createOne') },
          { value: 'have', label: t('account.signInOption') },
        ]}
        value={[mode]}
        onChange={(v) => setMode(v[0] === 'have' ? 'have' : 'new')}
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
  const language = useLanguage();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const signUp = useChange(
    () => call(signUpRoute, { body: { name: name.trim(), email: email.trim(), password, language } }),
    { onSuccess: onSent },
  );
  return (
    <>
      <ChangeStatus of={signUp} />
      <SendForm
        onSend={() => {
          const short = password.length < MIN_PASSWORD;
          setTooShort(short);
          if (!short) signUp.run();
        }}
        busy={signUp.busy}
        busyLabel={t('account.creating')}
        submit={t('account.create')}
      >
        <TextField
          label={t('account.name')}
          name="name"
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={signUp.field('name')}
        />
        <EmailField
          value={email}
          onChange={setEmail}
          error={signUp.field('email')}
          hint={t('account.emailHint')}
        />
        <PasswordField
          label={t('account.choosePassword')}
          name="password"
          kind="new"
          value={password}
          onChange={setPassword}
          error={
            tooShort ? tAuth('fields.passwordTooShort', { min: MIN_PASSWORD }) : signUp.field('password')
          }
        />
      </SendForm>
    </>
  );
}

function SignIn({ email, setEmail }: EmailState) {
  const { t } = useTranslation('request');
  const { t: tAuth } = useTranslation('auth');
  const reset = useResetAfterAuthChange();
  const [password, setPassword] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const signIn = useChange((body: SignInBody) => call(signInRoute, { body }), {
    onSuccess: async (result) => {
      if (result.mfaRequired) setNeedsCode(true);
      else await reset();
    },
  });
  const resend = useChange(() => call(resendVerification, { body: { email } }));
  const notConfirmed = signIn.error?.status === 403 && Boolean(signIn.field('email'));
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
      <SendForm
        onSend={() => signIn.run({ email, password })}
        busy={signIn.busy}
        busyLabel={tAuth('signIn.busy')}
        submit={tAuth('signIn.submit')}
        after={<Link to="/forgot-password">{tAuth('signIn.forgot')}</Link>}
      >
        <EmailField value={email} onChange={setEmail} error={signIn.field('email')} />
        <PasswordField
          label={tAuth('signIn.password')}
          name="password"
          kind="current"
          value={password}
          onChange={setPassword}
          error={signIn.field('password')}
        />
      </SendForm>
    </>
  );
}
